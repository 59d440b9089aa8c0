/** Summary, what changed, top risks and PR flow. */
import { formatDay, formatHours, RISK_KIND_LABEL } from '../format.js';
import { escapeMarkdown, markdownCount, markdownLink, markdownTable } from '../markdown-text.js';
import type { ItemChange, ReportModel } from '../model-types.js';
import { projectsOf } from '../tree.js';
import { LIST_LIMIT, plural, health } from './parts.js';

export function summaryMarkdown(model: ReportModel): string[] {
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

export function changesMarkdown(model: ReportModel): string[] {
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

export function risksMarkdown(model: ReportModel): string[] {
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

export function pullRequestsMarkdown(model: ReportModel): string[] {
  const t = model.summary.pullRequests;
  const rows = projectsOf(model.bets)
    .filter(
      (p) =>
        p.pullRequests.open.value +
          p.pullRequests.draft.value +
          p.pullRequests.mergedThisWeek.value +
          p.pullRequests.withoutJiraKey.value >
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
        markdownCount(f.withoutJiraKey),
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
