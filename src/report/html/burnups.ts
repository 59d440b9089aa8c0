/** One burn-up card per project, in tree order. */
import { html, type SafeHtml } from '../escape.js';
import { formatDay, formatPercent } from '../format.js';
import type { ReportNode } from '../model-types.js';
import { burnupSvg } from '../svg/burnup.js';
import { healthBadge } from './parts.js';

function card(project: ReportNode, path: string): SafeHtml {
  const r = project.rollup;
  const burnup = project.burnup ?? {
    points: [],
    forecastP50: null,
    forecastP85: null,
    targetDate: null,
  };
  const facts = r
    ? [
        `${r.counts.done} of ${r.counts.total} done (${formatPercent(r.progress.byCount)})`,
        r.forecast.p85 ? `P85 ${formatDay(r.forecast.p85)}` : 'no forecast yet',
        r.dates.targetDate ? `target ${formatDay(r.dates.targetDate)}` : 'no target',
        r.forecast.probOnTime !== null ? `${formatPercent(r.forecast.probOnTime)} on time` : null,
      ].filter((f): f is string => f !== null)
    : ['no snapshot this week'];
  return html`<article class="burnup-card">
    <header>
      <h3>${project.name}</h3>
      ${healthBadge(project.health)}
    </header>
    <div class="path">${path}</div>
    <div class="facts">${facts.join(' · ')}</div>
    ${burnupSvg({ burnup, title: project.name })}
  </article>`;
}

export function burnupsHtml(bets: readonly ReportNode[]): SafeHtml {
  const cards = bets.flatMap((bet) =>
    bet.children.flatMap((program) =>
      program.children.map((project) => card(project, `${bet.name} › ${program.name}`)),
    ),
  );
  return html`<section id="burnups">
    <h2>Burn-up by project</h2>
    <div class="legend">
      <span><i style="border-color:#57606a"></i>Scope</span
      ><span><i style="border-color:#0969da"></i>Done</span
      ><span><i class="cone"></i>Forecast P50–P85</span
      ><span><i style="border-color:#cf222e;border-top-style:dashed"></i>Target date</span>
    </div>
    <div class="burnups">${cards}</div>
  </section>`;
}
