/**
 * Week-over-week item changes, measured from the daily snapshots' item sets (not from the rollup's
 * own "this week" counters), so any past week can be re-exported with the same result.
 *
 * - added   = in scope at the week's last snapshot, not at the baseline (the last snapshot before
 *             the week);
 * - removed = in scope at the baseline, not at the week's last snapshot;
 * - done    = done on any snapshot day of the week, and not done at the baseline. Taking every day
 *             of the week (not only the last) keeps an item that was done and then reopened or
 *             moved out before Sunday, and reads `doneRefs` right whether the rollup stores "done
 *             as of that day" or "completed that day".
 */
import type { RollupSnapshot } from '../domain/rollup.js';
import type { DoneOnDay } from './model-input.js';

export interface ItemSets {
  hasBaseline: boolean;
  done: ReadonlySet<string>;
  added: ReadonlySet<string>;
  removed: ReadonlySet<string>;
}

export const NO_BASELINE: ItemSets = {
  hasBaseline: false,
  done: new Set(),
  added: new Set(),
  removed: new Set(),
};

function minus(a: Iterable<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) if (!b.has(x)) out.add(x);
  return out;
}

export function projectItemSets(options: {
  current: RollupSnapshot | undefined;
  previous: RollupSnapshot | undefined;
  doneDuringWeek: readonly DoneOnDay[];
}): ItemSets {
  const { current, previous } = options;
  if (current === undefined || previous === undefined) return NO_BASELINE;
  const before = new Set(previous.itemIds);
  const now = new Set(current.itemIds);
  const doneBefore = new Set(previous.doneItemIds);
  const doneInWeek = new Set(current.doneItemIds);
  for (const day of options.doneDuringWeek) for (const ref of day.doneItemIds) doneInWeek.add(ref);
  return {
    hasBaseline: true,
    added: minus(now, before),
    removed: minus(before, now),
    done: minus(doneInWeek, doneBefore),
  };
}

/** A program's or bet's changes: the union of its children's (an item counts once). */
export function unionItemSets(children: readonly ItemSets[]): ItemSets {
  const measured = children.filter((c) => c.hasBaseline);
  if (measured.length === 0) return NO_BASELINE;
  const union = (pick: (s: ItemSets) => ReadonlySet<string>): Set<string> => {
    const out = new Set<string>();
    for (const child of measured) for (const ref of pick(child)) out.add(ref);
    return out;
  };
  return {
    hasBaseline: true,
    done: union((s) => s.done),
    added: union((s) => s.added),
    removed: union((s) => s.removed),
  };
}
