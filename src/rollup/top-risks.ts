/**
 * Keeps the N worst risks seen so far in fixed parallel arrays: a project can have hundreds of
 * stale items, and only the worst few are shown, so no object is made for the rest.
 */
import type { RiskItem } from '../domain/rollup.js';

export type RiskKind = RiskItem['kind'];

export const TOP_RISKS = 10;

export interface RiskCandidate {
  kind: RiskKind;
  /** Which table the row is in. */
  source: 'jira' | 'github' | 'pull';
  row: number;
  severity: number;
}

export class TopRisks {
  private readonly severity = new Float64Array(TOP_RISKS);
  private readonly rows = new Int32Array(TOP_RISKS);
  private readonly kinds: RiskKind[] = [];
  private readonly sources: RiskCandidate['source'][] = [];
  private readonly refs: string[] = [];
  private count = 0;

  /** Offers below this severity cannot enter (callers skip the call: most items never do). */
  threshold = Number.NEGATIVE_INFINITY;

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
    if (at === TOP_RISKS) {
      if (!this.worse(severity, ref, TOP_RISKS - 1)) return;
      at = TOP_RISKS - 1;
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
    if (this.count === TOP_RISKS) this.threshold = this.severity[TOP_RISKS - 1] ?? 0;
  }

  list(): RiskCandidate[] {
    const out: RiskCandidate[] = [];
    for (let i = 0; i < this.count; i++) {
      out.push({
        kind: this.kinds[i] ?? 'stale',
        source: this.sources[i] ?? 'jira',
        row: this.rows[i] ?? 0,
        severity: this.severity[i] ?? 0,
      });
    }
    return out;
  }
}
