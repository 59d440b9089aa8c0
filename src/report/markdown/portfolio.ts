/** The bet → program → project tables. */
import { formatDay, formatDays, formatPercent, formatVersusTarget } from '../format.js';
import { escapeMarkdown, markdownCount, markdownTable } from '../markdown-text.js';
import type { ReportModel, ReportNode } from '../model-types.js';
import { healthCell, change } from './parts.js';

function row(node: ReportNode): string[] {
  const r = node.rollup;
  const name = escapeMarkdown(node.name) + (node.owner ? ` · ${escapeMarkdown(node.owner)}` : '');
  const w = node.week;
  const progress = r
    ? `${formatPercent(r.progress.byCount)} (${markdownCount(node.counts.done)} of ${r.counts.total})`
    : 'no snapshot';
  const scope = w.hasBaseline
    ? `${markdownCount(node.counts.total)} (${change(w.added, true, 'added')}, ${change(w.removed, true, 'removed')})`
    : markdownCount(node.counts.total);
  const f = r?.forecast;
  const target = r?.dates.targetDate ?? null;
  const versus = formatVersusTarget(f?.p85 ?? null, target);
  const forecast =
    f && (f.p50 !== null || f.p85 !== null)
      ? `${formatDay(f.p50)} / ${formatDay(f.p85)}${versus ? ` (${versus})` : ''}`
      : 'no forecast';
  const targetText =
    target === null
      ? 'no target'
      : `${formatDay(target)}${f?.probOnTime != null ? ` (${formatPercent(f.probOnTime)} on time)` : ''}`;
  const slips =
    r && r.dates.slipCount > 0 ? `${r.dates.slipCount} (${formatDays(r.dates.slipDays)})` : '0';
  const c = node.counts;
  const risks =
    [
      c.blocked.value > 0 ? markdownCount(c.blocked, 'blocked') : '',
      c.stale.value > 0 ? markdownCount(c.stale, 'stale') : '',
      c.overdue.value > 0 ? markdownCount(c.overdue, 'overdue') : '',
    ]
      .filter((s) => s !== '')
      .join(', ') || 'none';
  const label = node.level === 'program' ? `**${name}**` : `↳ ${name}`;
  return [
    label,
    healthCell(node),
    progress,
    scope,
    change(w.done, w.hasBaseline),
    forecast,
    targetText,
    slips,
    risks,
  ];
}

export function portfolioMarkdown(model: ReportModel): string[] {
  const head = [
    'Program / project',
    'Health',
    'Progress',
    'Scope',
    'Done this week',
    'Forecast P50 / P85',
    'Target',
    'Slips',
    'Risks',
  ];
  return model.bets.flatMap((bet) => {
    const r = bet.rollup;
    const facts = [
      bet.owner !== null ? escapeMarkdown(bet.owner) : null,
      r ? `${formatPercent(r.progress.byCount)} done` : 'no snapshot this week',
      r?.dates.targetDate ? `target ${formatDay(r.dates.targetDate)}` : null,
      r?.forecast.p85 ? `P85 ${formatDay(r.forecast.p85)}` : null,
    ].filter((s): s is string => s !== null);
    const rows = bet.children.flatMap((program) => [row(program), ...program.children.map(row)]);
    return [
      `### ${escapeMarkdown(bet.name)} — ${healthCell(bet)}`,
      '',
      facts.join(' · '),
      '',
      markdownTable(head, rows),
      '',
    ];
  });
}
