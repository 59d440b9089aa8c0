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

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Epoch ms of an ISO timestamp or day, NaN for null. The synced tables hold UTC text
 * (`2026-11-24T19:46:55.000Z`, `2026-11-24`), read here by hand: `Date.parse` costs most of an
 * index build over 100k rows. Anything else goes to `Date.parse`.
 */
export function toMs(text: string | null): number {
  if (text === null) return Number.NaN;
  const n = text.length;
  if (n === 10 || ((n === 24 || n === 20) && text.charCodeAt(n - 1) === 90) /* Z */) {
    const days = daysFromCivil(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
    if (n === 10) return days * DAY_MS;
    const ms =
      days * DAY_MS +
      digits(text, 11, 2) * 3_600_000 +
      digits(text, 14, 2) * 60_000 +
      digits(text, 17, 2) * 1000 +
      (n === 24 ? digits(text, 20, 3) : 0);
    if (ms === ms) return ms;
  }
  return Date.parse(n === 10 ? `${text}T00:00:00Z` : text);
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

  /** Replaces the row at a known row number (from `indexOf`). */
  replace(index: number, row: Row): number {
    this.rows[index] = row;
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
    // Open with an assignee or an open linked PR is in progress. Closed as completed (or with
    // no reason: issues closed before GitHub had reasons) is done.
    const category =
      row.state === 'open'
        ? row.assignees > 0 || row.openLinkedPulls > 0
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
