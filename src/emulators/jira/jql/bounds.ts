/**
 * Where a search starts: the issues a query can match, read from the store's indexes instead
 * of testing every issue — as Jira answers JQL from its index. A clause on project, key,
 * parent or Epic Link reads `JiraStore.issuesBy`; a date comparison (`updated >= "…"`) reads a
 * range of `JiraStore.issuesByTime`. An OR of bounded clauses is the union of their bounds; an
 * AND starts from its smallest bound and keeps what its other clauses accept. Every bound is
 * exact — the issues it gives match the query (deleted ones included: the search drops them)
 * — so a search that has one tests no other issue.
 */
import type { GroupField, JiraStore, TimeField, TimeIndex } from '../store/store.js';
import type { IssueRecord } from '../store/types.js';

export interface Bound {
  /** At least `ids().length`, cheap to compute: an AND picks its smallest part by it. */
  size(): number;
  /** The matching issue indexes, ascending, without duplicates; may be shared: read only. */
  ids(): Int32Array;
}

type Predicate = (issue: IssueRecord) => boolean;

/** `key in (…)`: the issues named. */
export function listBound(values: readonly number[]): Bound {
  return { size: () => values.length, ids: () => sortedUnique(Int32Array.from(values)) };
}

/** `project in (…)`, `parent = …`, `"Epic Link" in (…)`: the store's group index. */
export function groupBound(store: JiraStore, field: GroupField, values: readonly number[]): Bound {
  return indexBound(values, (v) => store.issuesBy(field, v));
}

/** `labels in (…)`: the store's label index. */
export function labelBound(store: JiraStore, labels: readonly string[]): Bound {
  return indexBound(labels, (label) => store.issuesWithLabel(label));
}

/** The union of the index lists of `values` (each list in issue order). */
function indexBound<T>(values: readonly T[], lookup: (value: T) => ArrayLike<number>): Bound {
  return {
    size: () => values.reduce((n, v) => n + lookup(v).length, 0),
    ids: () => concatSorted(values.map(lookup)),
  };
}

export type RangeOperator = '=' | '>' | '>=' | '<' | '<=';

/**
 * A date comparison on the minute-truncated index. The store keeps truncated minutes and the
 * clause compares truncated values with the same operator, so the range holds exactly the
 * issues the clause's predicate accepts.
 */
export function timeBound(
  store: JiraStore,
  field: TimeField,
  op: RangeOperator,
  target: number,
): Bound {
  const range = (): { index: TimeIndex; from: number; to: number } => {
    const index = store.issuesByTime(field);
    const n = index.minutes.length;
    const lower = (): number => firstAtLeast(index.minutes, target, false);
    const upper = (): number => firstAtLeast(index.minutes, target, true);
    switch (op) {
      case '>=':
        return { index, from: lower(), to: n };
      case '>':
        return { index, from: upper(), to: n };
      case '<':
        return { index, from: 0, to: lower() };
      case '<=':
        return { index, from: 0, to: upper() };
      case '=':
        return { index, from: lower(), to: upper() };
    }
  };
  return {
    size: () => {
      const { from, to } = range();
      return Math.max(0, to - from);
    },
    // Shared until the next change: the units of one sync all ask with the same date.
    ids: () =>
      store.derived(`${field} ${op} ${String(target)}`, () => {
        const { index, from, to } = range();
        return to > from ? index.order.slice(from, to).sort() : new Int32Array(0);
      }),
  };
}

/** An OR whose every alternative is bounded. */
export function unionBound(parts: readonly Bound[]): Bound {
  return {
    size: () => parts.reduce((n, part) => n + part.size(), 0),
    ids: () => concatSorted(parts.map((part) => part.ids())),
  };
}

/**
 * An AND with at least one bounded part: the smallest part's issues that every other part
 * accepts. Other bounded parts of similar size are intersected as id lists (cheaper than their
 * predicates); the rest test each remaining issue. `parts` are all the AND's predicates;
 * `bounds` the bounded ones, by position.
 */
export function intersectionBound(
  parts: readonly Predicate[],
  bounds: readonly { bound: Bound; at: number }[],
  issues: readonly IssueRecord[],
): Bound {
  return {
    size: () => Math.min(...bounds.map(({ bound }) => bound.size())),
    ids: () => {
      const bySize = bounds
        .map(({ bound, at }) => ({ bound, at, size: bound.size() }))
        .sort((a, b) => a.size - b.size);
      const smallest = bySize[0] as { bound: Bound; at: number };
      let ids = smallest.bound.ids();
      const used = new Set([smallest.at]);
      for (const { bound, at, size } of bySize.slice(1)) {
        if (size > INTERSECT_RATIO * ids.length) break;
        ids = intersectSorted(ids, bound.ids());
        used.add(at);
      }
      const rest = parts.filter((_, at) => !used.has(at));
      if (rest.length === 0) return ids;
      const out = new Int32Array(ids.length);
      let n = 0;
      for (const id of ids) {
        const issue = issues[id] as IssueRecord;
        let ok = true;
        for (const test of rest) {
          if (!test(issue)) {
            ok = false;
            break;
          }
        }
        if (ok) out[n++] = id;
      }
      return out.subarray(0, n);
    },
  };
}

/**
 * A bound at most this many times the size of the AND's running result is intersected as a
 * list; a bigger one is cheaper to check through its predicate, issue by issue.
 */
const INTERSECT_RATIO = 8;

/** Ids in both ascending lists, ascending. */
function intersectSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}

/** First position in ascending `sorted` whose value is ≥ `x` (> `x` when `strict`). */
function firstAtLeast(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (strict ? v <= x : v < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function concatSorted(lists: readonly ArrayLike<number>[]): Int32Array {
  if (lists.length === 1) return Int32Array.from(lists[0] as ArrayLike<number>);
  const out = new Int32Array(lists.reduce((n, list) => n + list.length, 0));
  let at = 0;
  for (const list of lists) {
    out.set(list, at);
    at += list.length;
  }
  return sortedUnique(out);
}

/** Sorts in place and drops repeats; a view of the same buffer. */
function sortedUnique(ids: Int32Array): Int32Array {
  ids.sort();
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (n === 0 || ids[n - 1] !== id) ids[n++] = id;
  }
  return ids.subarray(0, n);
}
