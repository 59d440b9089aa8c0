import { describe, expect, it } from 'vitest';
import type { RollupSnapshot } from '../../src/domain/rollup.js';
import { projectItemSets, unionItemSets } from '../../src/report/changes.js';

function snap(day: string, itemIds: string[], doneItemIds: string[]): RollupSnapshot {
  // Only the item sets matter to the change computation.
  return { nodeId: 'p', day, rollup: {} as RollupSnapshot['rollup'], itemIds, doneItemIds };
}

describe('week changes from snapshots', () => {
  const previous = snap('2026-11-22', ['a', 'b', 'c', 'd'], ['a']);

  it('measures added, removed and done against the last snapshot before the week', () => {
    const current = snap('2026-11-29', ['a', 'b', 'c', 'e'], ['a', 'b']);
    const sets = projectItemSets({ current, previous, doneDuringWeek: [] });
    expect(sets.hasBaseline).toBe(true);
    expect([...sets.added]).toEqual(['e']);
    expect([...sets.removed]).toEqual(['d']);
    expect([...sets.done]).toEqual(['b']);
  });

  it('counts an item done mid-week even if it was reopened by Sunday', () => {
    const current = snap('2026-11-29', ['a', 'b', 'c', 'd'], ['a']);
    const sets = projectItemSets({
      current,
      previous,
      doneDuringWeek: [{ nodeId: 'p', day: '2026-11-25', doneItemIds: ['a', 'c'] }],
    });
    expect([...sets.done]).toEqual(['c']);
  });

  it('has no baseline without a snapshot before the week (or none in it)', () => {
    const current = snap('2026-11-29', ['a'], []);
    expect(projectItemSets({ current, previous: undefined, doneDuringWeek: [] }).hasBaseline).toBe(
      false,
    );
    expect(projectItemSets({ current: undefined, previous, doneDuringWeek: [] }).hasBaseline).toBe(
      false,
    );
  });

  it('unites children so an item in two projects counts once, ignoring unmeasured children', () => {
    const one = projectItemSets({
      current: snap('2026-11-29', ['x', 'y'], ['x']),
      previous: snap('2026-11-22', ['x'], []),
      doneDuringWeek: [],
    });
    const two = projectItemSets({
      current: snap('2026-11-29', ['x', 'z'], ['x']),
      previous: snap('2026-11-22', ['x'], []),
      doneDuringWeek: [],
    });
    const none = projectItemSets({ current: undefined, previous: undefined, doneDuringWeek: [] });
    const union = unionItemSets([one, two, none]);
    expect([...union.done]).toEqual(['x']);
    expect([...union.added].sort()).toEqual(['y', 'z']);
    expect(unionItemSets([none]).hasBaseline).toBe(false);
  });
});
