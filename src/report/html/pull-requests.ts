/** Pull-request flow per project, with the org's totals first. */
import { html, type SafeHtml } from '../escape.js';
import { formatHours } from '../format.js';
import type { ReportModel, ReportNode } from '../model-types.js';
import { projectsOf } from '../tree.js';
import { countHtml } from './parts.js';

function active(node: ReportNode): boolean {
  const p = node.pullRequests;
  return p.open.value + p.draft.value + p.mergedThisWeek.value + p.withoutJiraKey.value > 0;
}

function row(node: ReportNode): SafeHtml {
  const p = node.pullRequests;
  return html`<tr>
    <td><a href="#node-${node.id}">${node.name}</a></td>
    <td class="num">${countHtml(p.open)}</td>
    <td class="num">${countHtml(p.draft)}</td>
    <td class="num">${countHtml(p.mergedThisWeek)}</td>
    <td class="num">${formatHours(p.medianHoursToMerge)}</td>
    <td class="num">${countHtml(p.waitingForReview)}</td>
    <td class="num opt">${countHtml(p.withoutJiraKey)}</td>
  </tr>`;
}

export function pullRequestsHtml(model: ReportModel): SafeHtml {
  const reviewWaitDays = model.reviewWaitDays;
  const t = model.summary.pullRequests;
  const rows = projectsOf(model.bets).filter(active).map(row);
  const total = html`<tr class="program">
    <td>All projects</td>
    <td class="num">${t.open}</td>
    <td class="num">${t.draft}</td>
    <td class="num">${t.mergedThisWeek}</td>
    <td class="num"></td>
    <td class="num">${t.waitingForReview}</td>
    <td class="num opt">${t.withoutJiraKey}</td>
  </tr>`;
  return html`<section id="prs">
    <h2>Pull-request flow</h2>
    <div class="scroll">
      <table>
        <thead>
          <tr>
            <th>Project</th>
            <th class="num">Open</th>
            <th class="num">Draft</th>
            <th class="num">Merged this week</th>
            <th class="num">Median time to merge</th>
            <th class="num">Waiting for review &gt; ${reviewWaitDays} d</th>
            <th class="num opt">No Jira key</th>
          </tr>
        </thead>
        <tbody>
          ${total}${rows}
        </tbody>
      </table>
    </div>
  </section>`;
}
