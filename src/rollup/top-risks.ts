/**
 * Keeps the N worst risks seen so far in fixed parallel arrays: a project can have hundreds of
 * stale items, and only the worst few are shown, so no object is made for the rest.
 */
import type { RiskItem } from '../domain/rollup.js';

export type RiskKind = RiskItem['kind'];

export const TOP_RISKS = 10;

/**
 * How many a project keeps below the shown ones: when a changed issue leaves the list, the next
 * one up is known, so the change is applied as a delta instead of a pass over the project.
 */
export const KEPT_RISKS = 2 * TOP_RISKS;

export interface RiskCandidate {
  kind: RiskKind;
  /** Which table the row is in. */
  source: 'jira' | 'github' | 'pull';
  row: number;
  severity: number;
}

/** A candidate; every one is made by `riskCandidate`, so all share one object shape. */
class Candidate implements RiskCandidate {
  readonly kind: RiskKind;
  readonly source: RiskCandidate['source'];
  readonly row: number;
  readonly severity: number;

  constructor(kind: RiskKind, source: RiskCandidate['source'], row: number, severity: number) {
    this.kind = kind;
    this.source = source;
    this.row = row;
    // A severity is a whole number, but some arrive as V8 doubles (a delta's, read back from a
    // record): a field that starts as a double never changes representation, so candidates made
    // by the full pass and by deltas keep one shape (a change would deoptimize their readers).
    this.severity = Number.NaN;
    this.severity = severity;
  }
}

/** Every candidate is made here: one object shape, however it was found. */
export function riskCandidate(
  kind: RiskKind,
  source: RiskCandidate['source'],
  row: number,
  severity: number,
): RiskCandidate {
  return new Candidate(kind, source, row, severity);
}

export class TopRisks {
  private readonly severity: Float64Array;
  private readonly rows: Int32Array;
  private readonly kinds: RiskKind[] = [];
  private readonly sources: RiskCandidate['source'][] = [];
  private readonly refs: string[] = [];
  private count = 0;

  /** Offers below this severity cannot enter (callers skip the call: most items never do). */
  threshold = Number.NEGATIVE_INFINITY;

  constructor(readonly capacity: number = TOP_RISKS) {
    this.severity = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  reset(): void {
    this.count = 0;
    this.threshold = Number.NEGATIVE_INFINITY;
  }

  /** Worse: higher severity, then (for a stable order whatever the row order) the smaller ref. */
  private worse(severity: number, ref: string, than: number): boolean {
    const other = this.severity[than] ?? 0;
    return severity > other || (severity === other && ref < (this.refs[than] ?? ''));
  }

  offer(
    kind: RiskKind,
    source: RiskCandidate['source'],
    row: number,
    severity: number,
    ref: string,
  ): void {
    let at = this.count;
    const last = this.capacity - 1;
    if (at === this.capacity) {
      if (!this.worse(severity, ref, last)) return;
      at = last;
    } else {
      this.count++;
    }
    // Insertion keeps the arrays sorted worst first.
    while (at > 0 && this.worse(severity, ref, at - 1)) {
      this.severity[at] = this.severity[at - 1] ?? 0;
      this.rows[at] = this.rows[at - 1] ?? 0;
      this.kinds[at] = this.kinds[at - 1] ?? kind;
      this.sources[at] = this.sources[at - 1] ?? source;
      this.refs[at] = this.refs[at - 1] ?? ref;
      at--;
    }
    this.severity[at] = severity;
    this.rows[at] = row;
    this.kinds[at] = kind;
    this.sources[at] = source;
    this.refs[at] = ref;
    if (this.count === this.capacity) this.threshold = this.severity[last] ?? 0;
  }

  list(): RiskCandidate[] {
    const out: RiskCandidate[] = [];
    for (let i = 0; i < this.count; i++) {
      out.push(
        riskCandidate(
          this.kinds[i] ?? 'stale',
          this.sources[i] ?? 'jira',
          this.rows[i] ?? 0,
          this.severity[i] ?? 0,
        ),
      );
    }
    return out;
  }
}
