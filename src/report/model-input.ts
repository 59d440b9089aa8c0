/**
 * What the report model is built from. The database side (`src/db/repositories/report-snapshots.ts`)
 * produces these shapes; the model itself reads nothing.
 */
import type { RollupSnapshot } from '../domain/rollup.js';

/** One day of a project's burn-up: items in scope and items done. */
export interface BurnupRow {
  nodeId: string;
  day: string;
  scope: number;
  done: number;
}

/** A project's done item refs on one snapshot day. */
export interface DoneOnDay {
  nodeId: string;
  day: string;
  doneItemIds: string[];
}

export interface ReportSnapshotData {
  /** Per node, its last snapshot within the week (nodes without one are absent). */
  current: RollupSnapshot[];
  /** Per node, its last snapshot before the week: the baseline for week-over-week changes. */
  previous: RollupSnapshot[];
  /** Projects' done refs on every snapshot day of the week. */
  doneDuringWeek: DoneOnDay[];
  /** Projects' daily scope/done up to the week's end, oldest first. */
  burnup: BurnupRow[];
}

/** What the database still knows about an item, for naming it in "what changed". */
export interface ItemInfo {
  ref: string;
  source: 'jira' | 'github';
  /** Jira key or `owner/repo#N`; null when the item is unknown. */
  label: string | null;
  title: string | null;
  /** GitHub's html URL; Jira URLs are built from the site and the key. */
  url: string | null;
}

export interface ItemDirectory {
  describe(refs: readonly string[]): ReadonlyMap<string, ItemInfo>;
}
