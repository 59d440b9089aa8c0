/**
 * The report's model: everything the four formats render, already computed and linked, so the
 * renderers only lay it out. The JSON export is this object as is (`schemaVersion` guards
 * consumers against shape changes).
 */
import type { DeclaredStatus, HierarchyLevel } from '../domain/hierarchy.js';
import type { DateSlip, Health, RiskItem, Rollup, WeeklyThroughput } from '../domain/rollup.js';

export type ReportFormat = 'md' | 'html' | 'csv' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'csv', 'json'];

/** A count and the searches that list the same items (null where no search can). */
export interface LinkedCount {
  value: number;
  jiraUrl: string | null;
  githubUrl: string | null;
}

/** One item named in "what changed", resolved from its item ref for display. */
export interface ItemView {
  /** `jira:<id>`, `gh-issue:<id>`, `gh-pr:<id>`. */
  ref: string;
  /** Jira key or `owner/repo#N`; the ref itself when the item is no longer in the database. */
  label: string;
  title: string | null;
  url: string | null;
}

export interface ItemChange {
  count: LinkedCount;
  /** All items, ordered by label; renderers cap the list they print. */
  items: ItemView[];
}

export interface WeekChanges {
  /** False when no snapshot precedes the week: done/added/removed cannot be measured. */
  hasBaseline: boolean;
  done: ItemChange;
  added: ItemChange;
  removed: ItemChange;
  /** Target-date slips noticed during the week. */
  slips: DateSlip[];
  /** Health at the previous snapshot (null: none). */
  previousHealth: Health | null;
}

export interface BurnupPoint {
  day: string;
  scope: number;
  done: number;
}

export interface Burnup {
  /** Daily scope (items in scope) and done, oldest first, up to the report's snapshot day. */
  points: BurnupPoint[];
  forecastP50: string | null;
  forecastP85: string | null;
  targetDate: string | null;
}

export interface NodeCounts {
  total: LinkedCount;
  todo: LinkedCount;
  inProgress: LinkedCount;
  done: LinkedCount;
  blocked: LinkedCount;
  stale: LinkedCount;
  overdue: LinkedCount;
}

export interface NodePullRequests {
  open: LinkedCount;
  draft: LinkedCount;
  mergedThisWeek: LinkedCount;
  waitingForReview: LinkedCount;
  /** Linked only when the rollup names a search for it (GitHub search cannot say "no Jira key"). */
  withoutJiraKey: LinkedCount;
  medianHoursToMerge: number | null;
}

export interface ReportNode {
  id: string;
  level: HierarchyLevel;
  name: string;
  owner: string | null;
  /** Parent ids, so flat formats (CSV) can be re-assembled into the tree. */
  betId: string | null;
  programId: string | null;
  health: Health;
  declaredStatus: DeclaredStatus | null;
  healthDisagrees: boolean;
  /** Day of the snapshot the numbers come from; null when the node has none this week. */
  snapshotDay: string | null;
  /** The stored rollup itself (null: no snapshot this week). */
  rollup: Rollup | null;
  counts: NodeCounts;
  pullRequests: NodePullRequests;
  week: WeekChanges;
  /** Projects only. */
  burnup: Burnup | null;
  children: ReportNode[];
}

export interface HealthChange {
  id: string;
  level: HierarchyLevel;
  name: string;
  from: Health;
  to: Health;
}

export type HealthTally = Record<Health, number>;

export interface ReportSummary {
  health: Record<HierarchyLevel, HealthTally>;
  healthChanges: HealthChange[];
  /** Org-wide, each item counted once even when mapped to two projects; null without baseline. */
  doneThisWeek: number | null;
  addedThisWeek: number | null;
  removedThisWeek: number | null;
  slipsThisWeek: number;
  /** Done per ISO week summed over projects (the rollups' last 12 weeks). */
  throughput: WeeklyThroughput[];
  pullRequests: {
    open: number;
    draft: number;
    mergedThisWeek: number;
    waitingForReview: number;
    withoutJiraKey: number;
  };
}

export interface TopRisk extends RiskItem {
  projectId: string;
  projectName: string;
}

export interface ReportModel {
  schemaVersion: 1;
  week: string;
  weekStart: string;
  weekEnd: string;
  /** Latest snapshot day used (null: no data for this week). */
  asOf: string | null;
  /** Latest snapshot day before the week that changes are measured against. */
  comparedWith: string | null;
  generatedAt: string;
  /** An open PR counts as waiting for review after this many days. */
  reviewWaitDays: number;
  summary: ReportSummary;
  bets: ReportNode[];
  risks: TopRisk[];
}
