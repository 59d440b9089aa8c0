/**
 * The computed rollup of one hierarchy node (project, program or big bet): the numbers TPMs and
 * leaders read in comments and reports. Produced by `src/rollup`, stored as daily snapshots by
 * `src/db`, rendered by `src/writeback` and `src/report`.
 */
import type { DeclaredStatus, HierarchyLevel } from './hierarchy.js';

export type Health = 'green' | 'amber' | 'red' | 'no-data';

/** A reference that lets a reader check a number: a Jira JQL search or a GitHub search. */
export interface CheckLink {
  /** Jira JQL (for `<site>/issues/?jql=…`) when the items are Jira issues. */
  jql: string | null;
  /** GitHub search query (for `https://github.com/search?q=…` / `/issues?q=…`) for GitHub items. */
  githubQuery: string | null;
}

export interface StatusCounts {
  total: number;
  todo: number;
  inProgress: number;
  done: number;
  /** GitHub issues closed as not planned / duplicate: not counted in total. */
  outOfScope: number;
}

export interface PointTotals {
  total: number;
  done: number;
  /** Share (0..1) of in-scope items that carry story points; 0 when there are no items. */
  coverage: number;
}

export interface Progress {
  /** done / total by count, 0..1 (0 when empty). */
  byCount: number;
  /** done / total by points, 0..1, or null when no item has points. */
  byPoints: number | null;
}

export interface ScopeChange {
  totalNow: number;
  addedThisWeek: number;
  removedThisWeek: number;
  addedSinceFirstSnapshot: number;
  removedSinceFirstSnapshot: number;
  /** Day of the first snapshot the "since" numbers are measured from (null: this is the first). */
  firstSnapshotDay: string | null;
}

export interface WeeklyThroughput {
  /** ISO week, e.g. `2026-W48`. */
  week: string;
  done: number;
  points: number;
}

export interface CycleTime {
  /** Days from first in-progress to done. */
  medianDays: number | null;
  p85Days: number | null;
  sample: number;
}

export interface PullRequestFlow {
  open: number;
  draft: number;
  mergedThisWeek: number;
  medianHoursToMerge: number | null;
  waitingForReview: number;
  withoutJiraKey: number;
}

/** One item worth a reader's attention (blocked, stale, overdue, …). */
export interface RiskItem {
  kind:
    'blocked' | 'stale' | 'overdue' | 'done-epic-open-children' | 'multi-project' | 'pr-waiting';
  /** Jira key or `owner/repo#N`. */
  ref: string;
  title: string;
  url: string;
  /** Short human reason: "blocked by PROJ-9", "no update for 21 days", "due 2026-11-01". */
  detail: string;
  /** For ordering: larger is worse (days overdue/stale, number of blockers…). */
  severity: number;
}

export interface Risks {
  blocked: number;
  stale: number;
  overdue: number;
  doneEpicsWithOpenChildren: number;
  multiProject: number;
  /** Worst first, capped. */
  top: RiskItem[];
}

export interface DateSlip {
  /** Target before the change. */
  from: string;
  to: string;
  /** Day the change was noticed. */
  on: string;
  days: number;
}

export interface Dates {
  targetDate: string | null;
  /** Latest due date among children (or child projects' targets for programs/bets). */
  rolledUpDate: string | null;
  slips: DateSlip[];
  slipCount: number;
  slipDays: number;
}

export interface Forecast {
  p50: string | null;
  p85: string | null;
  p95: string | null;
  /** Probability (0..1) of finishing by the target date; null without target or history. */
  probOnTime: number | null;
  /** Items still to do that the forecast burns down. */
  remaining: number;
  trials: number;
  historyWeeks: number;
}

export interface RollupLinks {
  all: CheckLink;
  todo: CheckLink;
  inProgress: CheckLink;
  done: CheckLink;
  blocked: CheckLink;
  stale: CheckLink;
  overdue: CheckLink;
  openPullRequests: CheckLink;
  /**
   * Optional: searches for the remaining numbers a comment shows. When present, the write-back
   * comment links those numbers too; when absent, it shows them unlinked.
   */
  outOfScope?: CheckLink;
  draftPullRequests?: CheckLink;
  mergedPullRequestsThisWeek?: CheckLink;
  pullRequestsWaitingForReview?: CheckLink;
  pullRequestsWithoutJiraKey?: CheckLink;
}

export interface Rollup {
  id: string;
  level: HierarchyLevel;
  name: string;
  owner: string | null;
  /** Computed health (from the forecast) and the declared status beside it. */
  health: Health;
  declaredStatus: DeclaredStatus | null;
  healthDisagrees: boolean;
  counts: StatusCounts;
  points: PointTotals;
  progress: Progress;
  scope: ScopeChange;
  throughput: WeeklyThroughput[];
  cycleTime: CycleTime;
  pullRequests: PullRequestFlow;
  risks: Risks;
  dates: Dates;
  forecast: Forecast;
  links: RollupLinks;
  /** Ids of the child nodes (programs of a bet, projects of a program). */
  children: string[];
}

/** A snapshot as stored: one row per node per day. */
export interface RollupSnapshot {
  nodeId: string;
  day: string;
  rollup: Rollup;
  /** Ids of the items in scope that day (for added/removed). */
  itemIds: string[];
  /** Ids of the items done that day. */
  doneItemIds: string[];
}
