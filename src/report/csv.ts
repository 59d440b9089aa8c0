/**
 * The report as CSV: one row per bet, program and project, in tree order, with stable snake_case
 * column names (a spreadsheet or script can rely on them; add columns at the end only).
 *
 * RFC 4180: CRLF line ends, fields with a comma, quote or line break are quoted, quotes doubled.
 * Spreadsheets execute cells that start with `=`, `+`, `-` or `@` (and tab / CR) as formulas
 * (OWASP "CSV injection"), so such text cells get a leading `'`. Numbers are written as numbers.
 * A UTF-8 byte-order mark leads the file: without it Excel reads UTF-8 as the local code page and
 * mangles names like "Zoë" (common CSV readers, pandas included, skip the mark).
 */
import type { ReportModel, ReportNode } from './model-types.js';
import { walkNodes } from './tree.js';

type Cell = string | number | boolean | null;

export const CSV_COLUMNS = [
  'week',
  'level',
  'id',
  'name',
  'bet_id',
  'program_id',
  'owner',
  'snapshot_day',
  'health',
  'declared_status',
  'health_disagrees',
  'previous_health',
  'items_total',
  'items_todo',
  'items_in_progress',
  'items_done',
  'items_out_of_scope',
  'progress_by_count_pct',
  'progress_by_points_pct',
  'points_total',
  'points_done',
  'estimate_coverage_pct',
  'done_this_week',
  'added_this_week',
  'removed_this_week',
  'target_date',
  'forecast_p50',
  'forecast_p85',
  'forecast_p95',
  'prob_on_time_pct',
  'slips_total',
  'slip_days_total',
  'slips_this_week',
  'blocked',
  'stale',
  'overdue',
  'prs_open',
  'prs_draft',
  'prs_merged_this_week',
  'prs_waiting_for_review',
  'prs_without_jira_key',
  'median_hours_to_merge',
  'cycle_time_median_days',
  'cycle_time_p85_days',
  'link_all_items',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'boolean' ? String(value) : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function pct(share: number | null | undefined): number | null {
  return share === null || share === undefined ? null : Math.round(share * 1000) / 10;
}

function row(model: ReportModel, node: ReportNode): Cell[] {
  const r = node.rollup;
  const w = node.week;
  const p = node.pullRequests;
  const measured = (n: number): number | null => (w.hasBaseline ? n : null);
  const values: Record<(typeof CSV_COLUMNS)[number], Cell> = {
    week: model.week,
    level: node.level,
    id: node.id,
    name: node.name,
    bet_id: node.betId,
    program_id: node.programId,
    owner: node.owner,
    snapshot_day: node.snapshotDay,
    health: node.health,
    declared_status: node.declaredStatus,
    health_disagrees: node.healthDisagrees,
    previous_health: w.previousHealth,
    items_total: r?.counts.total ?? null,
    items_todo: r?.counts.todo ?? null,
    items_in_progress: r?.counts.inProgress ?? null,
    items_done: r?.counts.done ?? null,
    items_out_of_scope: r?.counts.outOfScope ?? null,
    progress_by_count_pct: pct(r?.progress.byCount),
    progress_by_points_pct: pct(r?.progress.byPoints),
    points_total: r?.points.total ?? null,
    points_done: r?.points.done ?? null,
    estimate_coverage_pct: pct(r?.points.coverage),
    done_this_week: measured(w.done.count.value),
    added_this_week: measured(w.added.count.value),
    removed_this_week: measured(w.removed.count.value),
    target_date: r?.dates.targetDate ?? null,
    forecast_p50: r?.forecast.p50 ?? null,
    forecast_p85: r?.forecast.p85 ?? null,
    forecast_p95: r?.forecast.p95 ?? null,
    prob_on_time_pct: pct(r?.forecast.probOnTime),
    slips_total: r?.dates.slipCount ?? null,
    slip_days_total: r?.dates.slipDays ?? null,
    slips_this_week: w.slips.length,
    blocked: r ? node.counts.blocked.value : null,
    stale: r ? node.counts.stale.value : null,
    overdue: r ? node.counts.overdue.value : null,
    prs_open: r ? p.open.value : null,
    prs_draft: r ? p.draft.value : null,
    prs_merged_this_week: r ? p.mergedThisWeek.value : null,
    prs_waiting_for_review: r ? p.waitingForReview.value : null,
    prs_without_jira_key: r ? p.withoutJiraKey.value : null,
    median_hours_to_merge: p.medianHoursToMerge,
    cycle_time_median_days: r?.cycleTime.medianDays ?? null,
    cycle_time_p85_days: r?.cycleTime.p85Days ?? null,
    link_all_items: node.counts.total.jiraUrl ?? node.counts.total.githubUrl,
  };
  return CSV_COLUMNS.map((column) => values[column]);
}

export function renderCsv(model: ReportModel): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const node of walkNodes(model.bets)) lines.push(row(model, node).map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
