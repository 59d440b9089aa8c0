/**
 * The weekly report as Markdown that reads well pasted into a GitHub issue or Confluence: short
 * sections, GitHub-flavoured tables, health as an emoji plus a word (colour is not the only
 * signal), every count linked to its Jira / GitHub search.
 */
import { formatDay, formatDayRange } from './format.js';
import { portfolioMarkdown } from './markdown/portfolio.js';
import {
  changesMarkdown,
  pullRequestsMarkdown,
  risksMarkdown,
  summaryMarkdown,
} from './markdown/sections.js';
import type { ReportModel } from './model-types.js';

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
    ...summaryMarkdown(model),
    '## Big bets, programs and projects',
    '',
    ...portfolioMarkdown(model),
    ...changesMarkdown(model),
    ...risksMarkdown(model),
    ...pullRequestsMarkdown(model),
    `_Generated ${model.generatedAt} by northstar. Every count links to the Jira or GitHub search that lists the same items._`,
    '',
  ].join('\n');
}
