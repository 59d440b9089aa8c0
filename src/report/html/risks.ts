/** Top risks across the org, worst first. */
import { html, linkHtml, type SafeHtml } from '../escape.js';
import { RISK_KIND_LABEL } from '../format.js';
import type { TopRisk } from '../model-types.js';

function row(risk: TopRisk): SafeHtml {
  return html`<tr>
    <td><span class="kind ${risk.kind}">${RISK_KIND_LABEL[risk.kind]}</span></td>
    <td>${linkHtml(risk.ref, risk.url)}</td>
    <td>${risk.title}</td>
    <td><a href="#node-${risk.projectId}">${risk.projectName}</a></td>
    <td>${risk.detail}</td>
  </tr>`;
}

export function risksHtml(risks: readonly TopRisk[]): SafeHtml {
  const body =
    risks.length === 0
      ? html`<p class="muted">No blocked, stale or overdue items and no PRs waiting for review.</p>`
      : html`<div class="scroll">
          <table>
            <thead>
              <tr>
                <th>Risk</th>
                <th>Item</th>
                <th>Title</th>
                <th>Project</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              ${risks.map(row)}
            </tbody>
          </table>
        </div>`;
  return html`<section id="risks">
    <h2>Top risks</h2>
    ${body}
  </section>`;
}
