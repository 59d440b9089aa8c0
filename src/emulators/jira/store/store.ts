/**
 * The Jira emulator's state: the generated records plus the indexes requests need (key → issue,
 * including keys from before a move; issue → links; issue → comments). Mutations live in
 * `mutations.ts` and `comments.ts`; this class only reads and keeps the indexes right.
 */
import { appendIssueChange, type ChangeInput } from './append.js';
import { ChangeField, type ChangeFieldCode, type ChangeTable } from './changes.js';
import { EPIC_TYPE } from './catalog.js';
import {
  COMMENT_ID_BASE,
  ISSUE_ID_BASE,
  LINK_ID_BASE,
  type CategoryKey,
  type CommentRecord,
  type IssueRecord,
  type JiraData,
  type LinkRecord,
  type ProjectRecord,
  type SiteCatalog,
  type StatusRecord,
} from './types.js';

/** One changelog entry of an issue: its id, time, author and the ChangeTable rows it holds. */
export interface HistoryRef {
  id: number;
  at: number;
  author: number;
  rows: number[];
}

const KEY_PATTERN = /^([A-Z][A-Z0-9_]*)-(\d+)$/;

export type GroupField = 'project' | 'parent' | 'epicLink';

/** Date fields a search can start from (see `issuesByTime`). */
export type TimeField = 'created' | 'updated' | 'resolved';

/**
 * Issue indexes sorted by one date field at JQL's minute resolution: `minutes[k]` is the
 * truncated time of issue `order[k]`. Issues without a value (NaN) are left out.
 */
export interface TimeIndex {
  order: Int32Array;
  minutes: Float64Array;
}

const MINUTE = 60_000;
const MAX_DERIVED = 64;
/** Room for this many issues in a packed (minute, issue) sort key (see `issuesByTime`). */
const ISSUE_SLOTS = 2 ** 22;

export class JiraStore {
  readonly site: SiteCatalog;
  readonly issues: IssueRecord[];
  readonly changes: ChangeTable;
  readonly links: LinkRecord[];
  readonly comments: CommentRecord[];
  private readonly byKey = new Map<string, number>();
  private readonly projectsByKey = new Map<string, number>();
  private readonly linksByIssue = new Map<number, number[]>();
  private readonly commentsByIssue = new Map<number, number[]>();
  private historySeq: number;
  /** Bumped on every change; lets cursors and caches notice that data moved on. */
  version = 0;

  constructor(data: JiraData) {
    this.site = data.site;
    this.issues = data.issues;
    this.changes = data.changes;
    this.links = data.links;
    this.comments = data.comments;
    for (const project of this.site.projects) this.projectsByKey.set(project.key, project.index);
    for (const issue of this.issues) this.indexKeys(issue);
    this.links.forEach((link, i) => {
      this.indexLink(link, i);
    });
    this.comments.forEach((comment, i) => {
      this.indexComment(comment.issue, i);
    });
    let maxHistory = 0;
    for (let r = 0; r < this.changes.length; r++)
      maxHistory = Math.max(maxHistory, this.changes.history(r));
    this.historySeq = Math.max(maxHistory, 10_000);
  }

  // ── search indexes ──────────────────────────────────────────────────────────────────────────

  private grouped: {
    version: number;
    by: Record<GroupField, Grouping>;
    labels: Map<string, number[]>;
  } | null = null;

  /**
   * Issue indexes grouped by project, parent or Epic Link, so a search can start from the few
   * issues a clause can match instead of every issue. Built on first use, rebuilt after any change
   * (`version`); deleted issues are included (the search's own test drops them). Each list is in
   * issue order.
   */
  issuesBy(field: GroupField, value: number): ArrayLike<number> {
    const { starts, members } = this.groups().by[field];
    if (!(value >= 0 && value + 1 < starts.length)) return members.subarray(0, 0);
    return members.subarray(starts[value], starts[value + 1]);
  }

  /** Issues carrying a label, compared case-insensitively as JQL does (see `issuesBy`). */
  issuesWithLabel(label: string): readonly number[] {
    return this.groups().labels.get(label.toLowerCase()) ?? [];
  }

  private groups(): NonNullable<JiraStore['grouped']> {
    if (this.grouped?.version === this.version) return this.grouped;
    const by: Record<GroupField, Grouping> = {
      project: groupBy(this.issues, (issue) => issue.project),
      parent: groupBy(this.issues, (issue) => issue.parent),
      epicLink: groupBy(this.issues, (issue) => issue.epicLink),
    };
    const labels = new Map<string, number[]>();
    for (const issue of this.issues) {
      for (const label of issue.labels) {
        const key = label.toLowerCase();
        const list = labels.get(key);
        if (list === undefined) labels.set(key, [issue.index]);
        else if (list[list.length - 1] !== issue.index) list.push(issue.index);
      }
    }
    this.grouped = { version: this.version, by, labels };
    return this.grouped;
  }

  private derivedValues: { version: number; values: Map<string, unknown> } | null = null;

  /**
   * A value computed from the issues, kept until the next change (`version`) — e.g. the ids of
   * `updated >= X`, which every unit of one sync asks for with the same X. Callers must not
   * modify it. At most `MAX_DERIVED` are kept.
   */
  derived<T>(key: string, build: () => T): T {
    if (
      this.derivedValues?.version !== this.version ||
      this.derivedValues.values.size >= MAX_DERIVED
    )
      this.derivedValues = { version: this.version, values: new Map() };
    const values = this.derivedValues.values;
    if (values.has(key)) return values.get(key) as T;
    const value = build();
    values.set(key, value);
    return value;
  }

  private timed: { version: number; by: Partial<Record<TimeField, TimeIndex>> } | null = null;

  /**
   * Issues sorted by `field` truncated to the minute, as JQL compares dates, so a clause such as
   * `updated >= "2026/11/20 14:03"` can start from the few recently updated issues. Built per
   * field on first use and rebuilt after any change (`version`), like `issuesBy`; deleted
   * issues are included.
   */
  issuesByTime(field: TimeField): TimeIndex {
    if (this.timed?.version !== this.version) this.timed = { version: this.version, by: {} };
    const cached = this.timed.by[field];
    if (cached) return cached;
    // Sort (minute, issue index) pairs packed into one number each: a plain numeric sort of a
    // typed array, several times faster than a comparator over 100k issues. |minutes since
    // 1970| < 2^31 times 2^22 issue slots stays below 2^53, exact in a double.
    if (this.issues.length > ISSUE_SLOTS) throw new Error('too many issues for the time index');
    const keys: number[] = [];
    for (const issue of this.issues) {
      const value = issue[field];
      if (!Number.isNaN(value)) keys.push(Math.floor(value / MINUTE) * ISSUE_SLOTS + issue.index);
    }
    const packed = Float64Array.from(keys).sort();
    const order = new Int32Array(packed.length);
    const minutes = new Float64Array(packed.length);
    packed.forEach((key, k) => {
      const minute = Math.floor(key / ISSUE_SLOTS);
      order[k] = key - minute * ISSUE_SLOTS;
      minutes[k] = minute * MINUTE;
    });
    const index = { order, minutes };
    this.timed.by[field] = index;
    return index;
  }

  // ── identity ────────────────────────────────────────────────────────────────────────────────

  idOf(issue: IssueRecord): string {
    return String(ISSUE_ID_BASE + issue.index);
  }

  keyOf(issue: IssueRecord): string {
    return `${this.projectOf(issue).key}-${issue.number}`;
  }

  projectOf(issue: IssueRecord): ProjectRecord {
    return this.site.projects[issue.project] as ProjectRecord;
  }

  statusOf(issue: IssueRecord): StatusRecord {
    return this.site.statuses[issue.status] as StatusRecord;
  }

  categoryOf(issue: IssueRecord): CategoryKey {
    return this.statusOf(issue).category;
  }

  isEpic(issue: IssueRecord): boolean {
    return issue.type === EPIC_TYPE;
  }

  /**
   * An issue by id or key. Keys are matched case-insensitively and old keys of moved issues
   * still resolve, as Jira does ("a case-insensitive search and check for moved issues is
   * performed", /rest/api/3/issue/bulkfetch). Deleted issues are not found.
   */
  find(idOrKey: string): IssueRecord | undefined {
    const text = idOrKey.trim();
    if (/^\d+$/.test(text)) {
      const issue = this.issues[Number(text) - ISSUE_ID_BASE];
      return issue && !issue.deleted ? issue : undefined;
    }
    const index = this.byKey.get(text.toUpperCase());
    const issue = index === undefined ? undefined : this.issues[index];
    return issue && !issue.deleted ? issue : undefined;
  }

  isKeyShaped(text: string): boolean {
    return KEY_PATTERN.test(text.toUpperCase());
  }

  projectByKeyOrId(text: string): ProjectRecord | undefined {
    const byKey = this.projectsByKey.get(text.toUpperCase());
    if (byKey !== undefined) return this.site.projects[byKey];
    return this.site.projects.find(
      (p) => p.id === text || p.name.toLowerCase() === text.toLowerCase(),
    );
  }

  /** Live (not deleted) issues. */
  *live(): Generator<IssueRecord> {
    for (const issue of this.issues) if (!issue.deleted) yield issue;
  }

  // ── history ─────────────────────────────────────────────────────────────────────────────────

  /** The issue's changelog entries, oldest first. */
  historiesOf(issue: IssueRecord, fieldFilter?: ReadonlySet<ChangeFieldCode>): HistoryRef[] {
    const out: HistoryRef[] = [];
    let current: HistoryRef | undefined;
    for (let r = issue.firstChange; r !== -1; r = this.changes.next(r)) {
      if (fieldFilter && !fieldFilter.has(this.changes.field(r))) continue;
      const id = this.changes.history(r);
      if (current?.id !== id) {
        current = { id, at: this.changes.at(r), author: this.changes.author(r), rows: [] };
        out.push(current);
      }
      current.rows.push(r);
    }
    return out;
  }

  nextHistoryId(): number {
    return ++this.historySeq;
  }

  /** Appends one changelog item to the issue's history (callers group items by history id). */
  appendChange(issue: IssueRecord, change: ChangeInput): void {
    appendIssueChange(this.changes, issue, change);
    this.version++;
  }

  // ── links and comments ──────────────────────────────────────────────────────────────────────

  linksOf(issue: IssueRecord): LinkRecord[] {
    const refs = this.linksByIssue.get(issue.index) ?? [];
    return refs.map((i) => this.links[i] as LinkRecord);
  }

  addLink(link: Omit<LinkRecord, 'id'>): LinkRecord {
    const record: LinkRecord = { id: LINK_ID_BASE + this.links.length, ...link };
    this.links.push(record);
    this.indexLink(record, this.links.length - 1);
    this.version++;
    return record;
  }

  commentsOf(issue: IssueRecord): CommentRecord[] {
    const refs = this.commentsByIssue.get(issue.index) ?? [];
    return refs.map((i) => this.comments[i] as CommentRecord).filter((c) => !c.deleted);
  }

  comment(id: string): CommentRecord | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const comment = this.comments[Number(id) - COMMENT_ID_BASE];
    return comment && !comment.deleted ? comment : undefined;
  }

  addComment(comment: Omit<CommentRecord, 'id'>): CommentRecord {
    const record: CommentRecord = { id: COMMENT_ID_BASE + this.comments.length, ...comment };
    this.comments.push(record);
    this.indexComment(record.issue, this.comments.length - 1);
    this.version++;
    return record;
  }

  // ── index upkeep (used by mutations) ────────────────────────────────────────────────────────

  /** Registers the issue's current key and its former keys. */
  indexKeys(issue: IssueRecord): void {
    this.byKey.set(this.keyOf(issue), issue.index);
    for (const key of issue.formerKeys ?? []) this.byKey.set(key, issue.index);
  }

  private indexLink(link: LinkRecord, position: number): void {
    for (const end of [link.outward, link.inward]) {
      const list = this.linksByIssue.get(end);
      if (list) list.push(position);
      else this.linksByIssue.set(end, [position]);
    }
  }

  private indexComment(issue: number, position: number): void {
    const list = this.commentsByIssue.get(issue);
    if (list) list.push(position);
    else this.commentsByIssue.set(issue, [position]);
  }
}

/**
 * Issue indexes grouped by a field holding a project or issue index (-1 = none), in issue order:
 * the issues with value `v` are `members[starts[v] .. starts[v + 1])`.
 */
interface Grouping {
  starts: Int32Array;
  members: Int32Array;
}

function groupBy(issues: readonly IssueRecord[], value: (issue: IssueRecord) => number): Grouping {
  const values = new Int32Array(issues.length);
  for (let i = 0; i < issues.length; i++) values[i] = value(issues[i] as IssueRecord);
  let max = -1;
  for (const v of values) if (v > max) max = v;
  // A counting sort: sizes, then start offsets, then members in issue order.
  const starts = new Int32Array(max + 2);
  for (const v of values) if (v >= 0) starts[v + 1] = (starts[v + 1] as number) + 1;
  for (let v = 1; v < starts.length; v++)
    starts[v] = (starts[v] as number) + (starts[v - 1] as number);
  const members = new Int32Array(starts[starts.length - 1] as number);
  const next = starts.slice(0, -1);
  values.forEach((v, index) => {
    if (v >= 0) members[(next[v] as number)++] = index;
  });
  return { starts, members };
}

export { ChangeField };
