/**
 * The synced items as struct-of-arrays: one typed column per number the metrics read, indexed by
 * a dense row number. Timestamps are parsed once (epoch ms, NaN for "none"), so a recompute is a
 * few tight loops over numbers and never re-reads a string or a Date. Rows are replaced in place
 * on change and marked dead on removal, so row numbers stay stable for the per-project lists.
 */
import type { GitHubIssueRow, JiraItemRow, PullRequestRow } from './inputs.js';

export const TODO = 0;
export const IN_PROGRESS = 1;
export const DONE = 2;
/** GitHub "closed as not planned" / duplicate: not counted in the total. */
export const OUT_OF_SCOPE = 3;

const CATEGORY = { todo: TODO, in_progress: IN_PROGRESS, done: DONE } as const;

/** Epoch ms of an ISO timestamp or day, NaN for null. */
export function toMs(text: string | null): number {
  return text === null ? Number.NaN : Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
}

/** A growable typed column. */
class Column<T extends Float64Array | Uint8Array | Int32Array> {
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}
  ensure(size: number): void {
    if (size <= this.data.length) return;
    const next = this.make(Math.max(size, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
}

const f64 = (n: number): Column<Float64Array> =>
  new Column(new Float64Array(n), (s) => new Float64Array(s));
const u8 = (n: number): Column<Uint8Array> =>
  new Column(new Uint8Array(n), (s) => new Uint8Array(s));

abstract class Table<Row> {
  readonly rows: (Row | null)[] = [];
  readonly refs: string[] = [];
  protected readonly indexById = new Map<string | number, number>();
  protected abstract readonly columns: Column<Float64Array | Uint8Array | Int32Array>[];

  get size(): number {
    return this.rows.length;
  }

  indexOf(id: string | number): number | undefined {
    return this.indexById.get(id);
  }

  /** Inserts or replaces a row; returns its row number. */
  upsert(id: string | number, ref: string, row: Row): number {
    let index = this.indexById.get(id);
    if (index === undefined) {
      index = this.rows.length;
      this.indexById.set(id, index);
      this.rows.push(row);
      this.refs.push(ref);
      for (const column of this.columns) column.ensure(index + 1);
    } else {
      this.rows[index] = row;
    }
    this.fill(index, row);
    return index;
  }

  /** Marks a row removed (its number is kept). */
  remove(id: string | number): number | undefined {
    const index = this.indexById.get(id);
    if (index !== undefined) this.rows[index] = null;
    return index;
  }

  protected abstract fill(index: number, row: Row): void;
}

export class JiraTable extends Table<JiraItemRow> {
  readonly category = u8(1024);
  readonly points = f64(1024);
  readonly updated = f64(1024);
  readonly due = f64(1024);
  /** When it was done (last move into done, else resolved, else updated); NaN when not done. */
  readonly doneAt = f64(1024);
  readonly firstInProgress = f64(1024);
  readonly blockers = u8(1024);
  protected readonly columns = [
    this.category,
    this.points,
    this.updated,
    this.due,
    this.doneAt,
    this.firstInProgress,
    this.blockers,
  ];

  protected fill(i: number, row: JiraItemRow): void {
    const category = CATEGORY[row.statusCategory];
    this.category.data[i] = category;
    this.points.data[i] = row.storyPoints ?? Number.NaN;
    this.updated.data[i] = toMs(row.updatedAt);
    this.due.data[i] = toMs(row.dueDate);
    this.doneAt.data[i] =
      category === DONE ? toMs(row.lastDoneAt ?? row.resolvedAt ?? row.updatedAt) : Number.NaN;
    this.firstInProgress.data[i] = toMs(row.firstInProgressAt);
    this.blockers.data[i] = Math.min(255, row.openBlockers.length);
  }
}

export class GitHubTable extends Table<GitHubIssueRow> {
  readonly category = u8(1024);
  readonly updated = f64(1024);
  readonly doneAt = f64(1024);
  protected readonly columns = [this.category, this.updated, this.doneAt];

  protected fill(i: number, row: GitHubIssueRow): void {
    // Closed as completed (or with no reason: issues closed before GitHub had reasons) is done.
    const category =
      row.state === 'open'
        ? row.assignees > 0
          ? IN_PROGRESS
          : TODO
        : row.stateReason === 'not_planned' || row.stateReason === 'duplicate'
          ? OUT_OF_SCOPE
          : DONE;
    this.category.data[i] = category;
    this.updated.data[i] = toMs(row.updatedAt);
    this.doneAt.data[i] = category === DONE ? toMs(row.closedAt ?? row.updatedAt) : Number.NaN;
  }
}

export const PR_OPEN = 0;
export const PR_DRAFT = 1;
export const PR_MERGED = 2;
export const PR_CLOSED = 3;
const PR_STATE = { open: PR_OPEN, draft: PR_DRAFT, merged: PR_MERGED, closed: PR_CLOSED } as const;

export class PullTable extends Table<PullRequestRow> {
  readonly state = u8(1024);
  readonly created = f64(1024);
  readonly merged = f64(1024);
  readonly reviewers = u8(1024);
  readonly withoutKey = u8(1024);
  protected readonly columns = [
    this.state,
    this.created,
    this.merged,
    this.reviewers,
    this.withoutKey,
  ];

  protected fill(i: number, row: PullRequestRow): void {
    this.state.data[i] = PR_STATE[row.state];
    this.created.data[i] = toMs(row.createdAt);
    this.merged.data[i] = toMs(row.mergedAt);
    this.reviewers.data[i] = Math.min(255, row.requestedReviewers);
    this.withoutKey.data[i] = row.jiraKeys.length === 0 ? 1 : 0;
  }
}
