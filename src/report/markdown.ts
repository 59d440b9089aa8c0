/**
 * The weekly report as Markdown that reads well pasted into a GitHub issue or Confluence: short
 * sections, GitHub-flavoured tables, health as an emoji plus a word (colour is not the only
 * signal), every count linked to its Jira / GitHub search.
 */
import type { Health } from '../domain/rollup.js';
import {
  formatDay,
  formatDayRange,
  formatDays,
  formatHours,
  formatPercent,
  formatVersusTarget,
  HEALTH_LABEL,
  RISK_KIND_LABEL,
} from './format.js';
import { escapeMarkdown, markdownCount, markdownLink, markdownTable } from './markdown-text.js';
import type { ItemChange, ReportModel, ReportNode } from './model-types.js';
import { projectsOf } from './tree.js';

const EMOJI: Record<Health, string> = { green: '🟢', amber: '🟠', red: '🔴', 'no-data': '⚪' };
const LIST_LIMIT = 8;

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function health(h: Health): string {
  return `${EMOJI[h]} ${HEALTH_LABEL[h]}`;
}

function healthCell(node: ReportNode): string {
  const declared =
    node.declaredStatus === null
      ? ''
      : ` (${node.healthDisagrees ? '⚑ ' : ''}declared ${node.declaredStatus})`;
  return `${health(node.health)}${declared}`;
}

function change(c: ItemChange, hasBaseline: boolean, label?: string): string {
  return hasBaseline ? markdownCount(c.count, label) : '—';
}

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

function portfolio(model: ReportModel): string[] {
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

function summary(model: ReportModel): string[] {
  const s = model.summary;
  const levels = [
    ['Big bets', s.health.bet],
    ['Programs', s.health.program],
    ['Projects', s.health.project],
  ] as const;
  const n = (v: number | null): string => (v === null ? '—' : String(v));
  const out = [
    '## Summary',
    '',
    markdownTable(
      ['', health('green'), health('amber'), health('red'), health('no-data')],
      levels.map(([label, t]) => [
        label,
        String(t.green),
        String(t.amber),
        String(t.red),
        String(t['no-data']),
      ]),
    ),
    '',
    `**This week:** ${n(s.doneThisWeek)} items done · ${n(s.addedThisWeek)} added · ${n(s.removedThisWeek)} removed · ${plural(s.slipsThisWeek, 'date slip')} · ${plural(s.healthChanges.length, 'health change')} · ${s.pullRequests.mergedThisWeek} PRs merged`,
    '',
    `**Throughput (items done per week):** ${s.throughput.map((w) => w.done).join(' · ') || '—'}${s.throughput.length > 0 ? ` (${s.throughput[0]?.week} – ${s.throughput[s.throughput.length - 1]?.week})` : ''}`,
    '',
  ];
  if (s.healthChanges.length > 0) {
    out.push('**Health changes**', '');
    for (const c of s.healthChanges) {
      out.push(`- ${escapeMarkdown(c.name)} (${c.level}): ${health(c.from)} → ${health(c.to)}`);
    }
    out.push('');
  }
  return out;
}

function itemList(label: string, c: ItemChange): string[] {
  if (c.items.length === 0) return [];
  const shown = c.items
    .slice(0, LIST_LIMIT)
    .map(
      (item) =>
        `  - ${markdownLink(escapeMarkdown(item.label), item.url)}${item.title !== null ? ` ${escapeMarkdown(item.title)}` : ''}`,
    );
  const more = c.items.length - LIST_LIMIT;
  return [
    `- ${label}: ${markdownCount(c.count)}`,
    ...shown,
    ...(more > 0 ? [`  - and ${more} more`] : []),
  ];
}

function changes(model: ReportModel): string[] {
  const out = ['## What changed this week', ''];
  if (model.comparedWith !== null)
    out.push(`_Compared with the snapshot of ${formatDay(model.comparedWith)}._`, '');
  let any = false;
  for (const p of projectsOf(model.bets)) {
    const w = p.week;
    const healthChanged =
      w.previousHealth !== null && p.snapshotDay !== null && w.previousHealth !== p.health;
    const lines = [
      ...itemList('Done', w.done),
      ...itemList('Added', w.added),
      ...itemList('Removed', w.removed),
      ...w.slips.map(
        (s) => `- Date slip: ${formatDay(s.from)} → ${formatDay(s.to)} (${s.days} d later)`,
      ),
      ...(healthChanged && w.previousHealth !== null
        ? [`- Health: ${health(w.previousHealth)} → ${health(p.health)}`]
        : []),
    ];
    if (lines.length === 0) continue;
    any = true;
    out.push(`### ${escapeMarkdown(p.name)}`, '', ...lines, '');
  }
  if (!any)
    out.push(
      model.comparedWith === null
        ? 'No earlier snapshot to compare with.'
        : 'Nothing changed this week.',
      '',
    );
  return out;
}

function risks(model: ReportModel): string[] {
  if (model.risks.length === 0) return ['## Top risks', '', 'None.', ''];
  return [
    '## Top risks',
    '',
    markdownTable(
      ['Risk', 'Item', 'Title', 'Project', 'Why'],
      model.risks.map((r) => [
        RISK_KIND_LABEL[r.kind],
        markdownLink(escapeMarkdown(r.ref), r.url),
        escapeMarkdown(r.title),
        escapeMarkdown(r.projectName),
        escapeMarkdown(r.detail),
      ]),
    ),
    '',
  ];
}

function pullRequests(model: ReportModel): string[] {
  const t = model.summary.pullRequests;
  const rows = projectsOf(model.bets)
    .filter(
      (p) =>
        p.pullRequests.open.value +
          p.pullRequests.draft.value +
          p.pullRequests.mergedThisWeek.value +
          p.pullRequests.withoutJiraKey >
        0,
    )
    .map((p) => {
      const f = p.pullRequests;
      return [
        escapeMarkdown(p.name),
        markdownCount(f.open),
        markdownCount(f.draft),
        markdownCount(f.mergedThisWeek),
        formatHours(f.medianHoursToMerge),
        markdownCount(f.waitingForReview),
        String(f.withoutJiraKey),
      ];
    });
  return [
    '## Pull-request flow',
    '',
    markdownTable(
      [
        'Project',
        'Open',
        'Draft',
        'Merged this week',
        'Median time to merge',
        `Waiting for review > ${model.reviewWaitDays} d`,
        'No Jira key',
      ],
      [
        [
          '**All projects**',
          String(t.open),
          String(t.draft),
          String(t.mergedThisWeek),
          '',
          String(t.waitingForReview),
          String(t.withoutJiraKey),
        ],
        ...rows,
      ],
    ),
    '',
  ];
}

export function renderMarkdown(model: ReportModel): string {
  const asOf =
    model.asOf === null
      ? '**No rollup snapshots for this week.** Run `northstar rollup` (or `northstar run`) to record them.'
      : `Data as of ${formatDay(model.asOf)}${model.comparedWith !== null ? `, compared with ${formatDay(model.comparedWith)}` : ''}.`;
  return [
    `# Weekly report ${model.week} (${formatDayRange(model.weekStart, model.weekEnd)})`,
    '',
    asOf,
    '',
    ...summary(model),
    '## Big bets, programs and projects',
    '',
    ...portfolio(model),
    ...changes(model),
    ...risks(model),
    ...pullRequests(model),
    `_Generated ${model.generatedAt} by northstar. Every count links to the Jira or GitHub search that lists the same items._`,
    '',
  ].join('\n');
}
