/** What changed this week: per project, items done / added / removed, date slips, health. */
import { html, type SafeHtml } from '../escape.js';
import { formatDay, HEALTH_LABEL } from '../format.js';
import type { ReportModel, ReportNode } from '../model-types.js';
import { projectsOf } from '../tree.js';
import { itemListHtml } from './parts.js';

/** Items listed per kind and project; the count's link lists them all. */
const LIST_LIMIT = 8;

function changed(node: ReportNode): boolean {
  const w = node.week;
  return (
    w.done.items.length + w.added.items.length + w.removed.items.length + w.slips.length > 0 ||
    (w.previousHealth !== null && node.snapshotDay !== null && w.previousHealth !== node.health)
  );
}

function block(project: ReportNode): SafeHtml {
  const w = project.week;
  const health =
    w.previousHealth !== null && w.previousHealth !== project.health
      ? html` <span class="badge h-${w.previousHealth}">${HEALTH_LABEL[w.previousHealth]}</span> →
          <span class="badge h-${project.health}">${HEALTH_LABEL[project.health]}</span>`
      : '';
  const slips = w.slips.map(
    (s) =>
      html`<li>
        target moved ${formatDay(s.from)} → ${formatDay(s.to)} (${s.days} d later), noticed
        ${formatDay(s.on)}
      </li>`,
  );
  return html`<div class="change-block">
    <h3><a href="#node-${project.id}">${project.name}</a>${health}</h3>
    ${itemListHtml({ label: 'Done', change: w.done, limit: LIST_LIMIT })}${itemListHtml({ label: 'Added', change: w.added, limit: LIST_LIMIT })}${itemListHtml({ label: 'Removed', change: w.removed, limit: LIST_LIMIT })}${
      slips.length > 0
        ? html`<div class="items">
            <h4>Date slips</h4>
            <ul>
              ${slips}
            </ul>
          </div>`
        : ''
    }
  </div>`;
}

export function changesHtml(model: ReportModel): SafeHtml {
  const projects = projectsOf(model.bets);
  const blocks = projects.filter(changed).map(block);
  const noBaseline = projects.every((p) => !p.week.hasBaseline);
  const intro =
    model.comparedWith !== null
      ? html`<p class="muted">Compared with the snapshot of ${formatDay(model.comparedWith)}.</p>`
      : '';
  const body =
    blocks.length > 0
      ? blocks
      : html`<p class="muted">
          ${noBaseline ? 'No earlier snapshot to compare with.' : 'Nothing changed this week.'}
        </p>`;
  return html`<section id="changes">
    <h2>What changed this week</h2>
    ${intro}${body}
  </section>`;
}
