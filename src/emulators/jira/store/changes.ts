/**
 * Issue history, stored column by column in growable typed arrays: 100k issues with six months
 * of history are ~600k change items, which as objects would cost well over 100 MB. Each row is
 * one changelog *item*; rows with the same `history` id form one changelog entry ("history"),
 * and rows of one issue are chained through `next` in time order.
 *
 * Values are encoded per field (see `ChangeField`): indices into the site catalog, issue
 * indices, numbers, day numbers or indices into `strings`; `NaN` means "none".
 */

export const ChangeField = {
  status: 1,
  resolution: 2,
  assignee: 3,
  /** Value in the "Story Points" field (company-managed). */
  storyPoints: 4,
  /** Value in the "Story point estimate" field (team-managed). */
  storyPointEstimate: 5,
  duedate: 6,
  labels: 7,
  summary: 8,
  key: 9,
  project: 10,
  parent: 11,
  epicLink: 12,
  link: 13,
} as const;
export type ChangeFieldCode = (typeof ChangeField)[keyof typeof ChangeField];

export interface ChangeRow {
  issue: number;
  history: number;
  at: number;
  author: number;
  field: ChangeFieldCode;
  from: number;
  to: number;
}

export class ChangeTable {
  length = 0;
  private capacity: number;
  private issueCol: Int32Array;
  private historyCol: Int32Array;
  private atCol: Float64Array;
  private authorCol: Int32Array;
  private fieldCol: Uint8Array;
  private fromCol: Float64Array;
  private toCol: Float64Array;
  private nextCol: Int32Array;
  /** Text values (labels, summaries, keys, link descriptions) referenced by index. */
  readonly strings: string[] = [];

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.issueCol = new Int32Array(this.capacity);
    this.historyCol = new Int32Array(this.capacity);
    this.atCol = new Float64Array(this.capacity);
    this.authorCol = new Int32Array(this.capacity);
    this.fieldCol = new Uint8Array(this.capacity);
    this.fromCol = new Float64Array(this.capacity);
    this.toCol = new Float64Array(this.capacity);
    this.nextCol = new Int32Array(this.capacity);
  }

  /** Appends one row (its `next` is -1) and returns its row number. */
  append(row: ChangeRow): number {
    if (this.length === this.capacity) this.grow();
    const r = this.length++;
    this.issueCol[r] = row.issue;
    this.historyCol[r] = row.history;
    this.atCol[r] = row.at;
    this.authorCol[r] = row.author;
    this.fieldCol[r] = row.field;
    this.fromCol[r] = row.from;
    this.toCol[r] = row.to;
    this.nextCol[r] = -1;
    return r;
  }

  text(value: string): number {
    this.strings.push(value);
    return this.strings.length - 1;
  }

  textAt(ref: number): string | null {
    return Number.isNaN(ref) ? null : (this.strings[ref] ?? null);
  }

  issue(r: number): number {
    return this.issueCol[r] ?? -1;
  }
  history(r: number): number {
    return this.historyCol[r] ?? -1;
  }
  at(r: number): number {
    return this.atCol[r] ?? Number.NaN;
  }
  author(r: number): number {
    return this.authorCol[r] ?? -1;
  }
  field(r: number): ChangeFieldCode {
    return (this.fieldCol[r] ?? 0) as ChangeFieldCode;
  }
  from(r: number): number {
    return this.fromCol[r] ?? Number.NaN;
  }
  to(r: number): number {
    return this.toCol[r] ?? Number.NaN;
  }
  next(r: number): number {
    return this.nextCol[r] ?? -1;
  }
  setNext(r: number, next: number): void {
    this.nextCol[r] = next;
  }

  /** Bytes held by the columns (for the generation benchmark). */
  byteSize(): number {
    return this.capacity * (4 + 4 + 8 + 4 + 1 + 8 + 8 + 4);
  }

  private grow(): void {
    this.capacity *= 2;
    this.issueCol = growInt32(this.issueCol, this.capacity);
    this.historyCol = growInt32(this.historyCol, this.capacity);
    this.atCol = growFloat64(this.atCol, this.capacity);
    this.authorCol = growInt32(this.authorCol, this.capacity);
    const field = new Uint8Array(this.capacity);
    field.set(this.fieldCol);
    this.fieldCol = field;
    this.fromCol = growFloat64(this.fromCol, this.capacity);
    this.toCol = growFloat64(this.toCol, this.capacity);
    this.nextCol = growInt32(this.nextCol, this.capacity);
  }
}

function growInt32(old: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(old);
  return next;
}

function growFloat64(old: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity);
  next.set(old);
  return next;
}
