/** The opening cards: health overview, this week's changes, throughput, health changes. */
import { html, type SafeHtml } from '../escape.js';
import { HEALTH_LABEL } from '../format.js';
import type { ReportModel } from '../model-types.js';
import { healthOverviewSvg } from '../svg/health-overview.js';
import { throughputBarsSvg } from '../svg/throughput-bars.js';

const LEVEL_NAME = { bet: 'big bet', program: 'program', project: 'project' } as const;

function kpi(value: number | null, label: string, href: string): SafeHtml {
  const v =
    value === null
      ? html`<span class="muted" title="no earlier snapshot to compare with">—</span>`
      : html`<a href="${href}">${value}</a>`;
  return html`<div class="kpi"><span class="v">${v}</span><span class="l">${label}</span></div>`;
}

export function summaryHtml(model: ReportModel): SafeHtml {
  const s = model.summary;
  const changes = s.healthChanges.map(
    (c) =>
      html`<li>
        <a href="#node-${c.id}">${c.name}</a> <span class="muted">${LEVEL_NAME[c.level]}</span> —
        <span class="badge h-${c.from}">${HEALTH_LABEL[c.from]}</span> →
        <span class="badge h-${c.to}">${HEALTH_LABEL[c.to]}</span>
      </li>`,
  );
  const totalDone = s.throughput.reduce((n, w) => n + w.done, 0);
  const weeks = s.throughput.length;
  return html`<section id="summary">
    <h2>Summary</h2>
    <div class="cards">
      <div class="card">
        <h3>Health</h3>
        ${healthOverviewSvg(s.health)}
      </div>
      <div class="card">
        <h3>This week</h3>
        <div class="kpis">
          ${kpi(s.doneThisWeek, 'items done', '#changes')}
          ${kpi(s.addedThisWeek, 'added to scope', '#changes')}
          ${kpi(s.removedThisWeek, 'removed from scope', '#changes')}
          ${kpi(s.slipsThisWeek, s.slipsThisWeek === 1 ? 'date slip' : 'date slips', '#changes')}
          ${kpi(s.healthChanges.length, s.healthChanges.length === 1 ? 'health change' : 'health changes', '#summary-changes')}
          ${kpi(s.pullRequests.mergedThisWeek, 'PRs merged', '#prs')}
        </div>
        ${
          changes.length > 0
            ? html`<ul class="changes-list" id="summary-changes">
                ${changes}
              </ul>`
            : html`<p class="muted" id="summary-changes">
                No health changes since ${model.comparedWith ?? 'the last snapshot'}.
              </p>`
        }
      </div>
      <div class="card">
        <h3>Throughput</h3>
        ${throughputBarsSvg(s.throughput)}
        <p class="muted small-print">
          Items done per week, all projects: ${totalDone} in the last ${weeks}
          ${weeks === 1 ? 'week' : 'weeks'}. Open PRs ${s.pullRequests.open} · draft
          ${s.pullRequests.draft} · waiting for review ${s.pullRequests.waitingForReview}.
        </p>
      </div>
    </div>
  </section>`;
}
