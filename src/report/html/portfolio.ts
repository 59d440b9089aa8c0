/** The bet → program → project tree: one table per big bet, programs as group rows. */
import { html, type SafeHtml } from '../escape.js';
import { formatDay, formatDays, formatPercent, formatVersusTarget } from '../format.js';
import type { ReportNode } from '../model-types.js';
import { sparklineSvg } from '../svg/sparkline.js';
import { changeHtml, countHtml, declaredHtml, healthBadge, progressBar } from './parts.js';

/** A cell's main value with a second, smaller line under it. */
function twoLines(main: SafeHtml | string, small: SafeHtml | string | null): SafeHtml {
  const second = small === null ? '' : html`<span class="small">${small}</span>`;
  return html`${main}${second}`;
}

function nameCell(node: ReportNode): SafeHtml {
  const owner = node.owner !== null ? html`<span class="owner">${node.owner}</span>` : '';
  return html`<td class="name" id="node-${node.id}">${node.name}${owner}</td>`;
}

function progressCell(node: ReportNode): SafeHtml {
  const r = node.rollup;
  if (!r) return html`<td class="muted" data-label="Progress">no snapshot this week</td>`;
  const points =
    r.progress.byPoints !== null ? ` · ${formatPercent(r.progress.byPoints)} by points` : '';
  const main = html`${progressBar(r.progress.byCount, node.health)}${formatPercent(r.progress.byCount)}`;
  // Only "done" is linked here; the total is linked in the Scope column beside it.
  const small = html`${countHtml(node.counts.done)} of ${r.counts.total} done${points}`;
  return html`<td class="nw" data-label="Progress">${twoLines(main, small)}</td>`;
}

function scopeCell(node: ReportNode): SafeHtml {
  const w = node.week;
  const small = w.hasBaseline
    ? html`${changeHtml(w.added, true, 'added')}, ${changeHtml(w.removed, true, 'removed')}`
    : null;
  return html`<td class="num" data-label="Scope">
    ${twoLines(countHtml(node.counts.total), small)}
  </td>`;
}

function forecastCell(node: ReportNode): SafeHtml {
  const f = node.rollup?.forecast;
  if (!f || (f.p50 === null && f.p85 === null)) {
    return html`<td class="muted nw" data-label="Forecast">no forecast</td>`;
  }
  return html`<td class="nw" data-label="Forecast">
    ${twoLines(`P50 ${formatDay(f.p50)}`, `P85 ${formatDay(f.p85)}`)}
  </td>`;
}

function targetCell(node: ReportNode): SafeHtml {
  const target = node.rollup?.dates.targetDate ?? null;
  if (target === null) return html`<td class="muted nw" data-label="Target">no target</td>`;
  const prob = node.rollup?.forecast.probOnTime ?? null;
  const versus = formatVersusTarget(node.rollup?.forecast.p85 ?? null, target);
  const tone = versus.endsWith('late') ? 'late' : versus.endsWith('early') ? 'early' : '';
  const lines = [
    versus !== '' ? html`<span class="${tone}">P85 ${versus}</span>` : null,
    prob !== null ? html`${formatPercent(prob)} on time` : null,
  ].filter((p): p is SafeHtml => p !== null);
  const small =
    lines.length > 0 ? html`${lines.map((p, i) => html`${i > 0 ? html`<br />` : ''}${p}`)}` : null;
  return html`<td class="nw" data-label="Target">${twoLines(formatDay(target), small)}</td>`;
}

function slipCell(node: ReportNode): SafeHtml {
  const dates = node.rollup?.dates;
  if (!dates || dates.slipCount === 0)
    return html`<td class="num opt zero" data-label="Slips">0</td>`;
  const thisWeek = node.week.slips.length;
  const small = `${formatDays(dates.slipDays)}${thisWeek > 0 ? `, ${thisWeek} this wk` : ''}`;
  return html`<td class="num opt" data-label="Slips">
    ${twoLines(String(dates.slipCount), small)}
  </td>`;
}

function risksCell(node: ReportNode): SafeHtml {
  const c = node.counts;
  const parts = [
    c.blocked.value > 0 ? countHtml(c.blocked, 'blocked') : null,
    c.stale.value > 0 ? countHtml(c.stale, 'stale') : null,
    c.overdue.value > 0 ? countHtml(c.overdue, 'overdue') : null,
  ].filter((p): p is SafeHtml => p !== null);
  if (parts.length === 0) return html`<td class="zero" data-label="Risks">none</td>`;
  return html`<td class="risks" data-label="Risks">
    ${parts.map((p) => html`<span class="risk">${p}</span>`)}
  </td>`;
}

function row(node: ReportNode): SafeHtml {
  const throughput = sparklineSvg({
    throughput: node.rollup?.throughput ?? [],
    title: `${node.name}: items done per week`,
  });
  const health = html`${healthBadge(node.health)}${declaredHtml(node.declaredStatus, node.healthDisagrees)}`;
  return html`<tr class="${node.level}">
    ${nameCell(node)}
    <td class="health">${health}</td>
    ${progressCell(node)} ${scopeCell(node)}
    <td class="num opt" data-label="Done this week">
      ${changeHtml(node.week.done, node.week.hasBaseline)}
    </td>
    ${forecastCell(node)} ${targetCell(node)} ${slipCell(node)} ${risksCell(node)}
    <td class="opt nw" data-label="Throughput">${throughput}</td>
  </tr>`;
}

const HEAD = html`<thead>
  <tr>
    <th>Program / project</th>
    <th>Health</th>
    <th>Progress</th>
    <th class="num">Scope</th>
    <th class="num opt">Done<br />this week</th>
    <th>Forecast</th>
    <th>Target</th>
    <th class="num opt">Slips</th>
    <th>Risks</th>
    <th class="opt">Throughput</th>
  </tr>
</thead>`;

function betSection(bet: ReportNode): SafeHtml {
  const r = bet.rollup;
  const facts = [
    bet.owner,
    r ? `${formatPercent(r.progress.byCount)} done` : 'no snapshot this week',
    r?.dates.targetDate ? `target ${formatDay(r.dates.targetDate)}` : null,
    r?.forecast.p85 ? `P85 ${formatDay(r.forecast.p85)}` : null,
  ].filter((f): f is string => f !== null);
  const rows = bet.children.flatMap((program) => [row(program), ...program.children.map(row)]);
  const health = html`${healthBadge(bet.health)}${declaredHtml(bet.declaredStatus, bet.healthDisagrees)}`;
  return html`<section class="bet" id="node-${bet.id}">
    <div class="bet-head">
      <h3>${bet.name}</h3>
      ${health}
      <span class="facts">${facts.join(' · ')}</span>
    </div>
    <div class="scroll">
      <table class="tree">
        ${HEAD}
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
  </section>`;
}

export function portfolioHtml(bets: readonly ReportNode[]): SafeHtml {
  return html`<section id="portfolio">
    <h2>Big bets, programs and projects</h2>
    ${bets.map(betSection)}
  </section>`;
}
