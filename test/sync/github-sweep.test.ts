/**
 * GitHub lists have no feed of deletions, and an incremental run stops at the watermark, so it
 * never sees an issue that was deleted or transferred away. `sync.githubSweepHours` after a list
 * was last read whole, a scheduled (incremental) run reads it whole again and marks what it did
 * not see removed — the BRIEF's "an issue that disappears is marked removed" for GitHub without
 * anyone running `sync --full`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDue } from '../../src/jobs/sync-start.js';
import { startSyncWorld, type SyncWorld } from './helpers.js';

const HOUR = 3_600_000;

describe('sweepDue', () => {
  const now = '2026-12-07T12:00:00.000Z';
  const at = (hoursAgo: number): string =>
    new Date(Date.parse(now) - hoursAgo * HOUR).toISOString();

  it('reads a list whole when it was never read, or last read whole a sweep interval ago', () => {
    expect(sweepDue(null, now, 24 * HOUR)).toBe(true);
    expect(sweepDue({ watermark: null, fullReadAt: null }, now, 24 * HOUR)).toBe(true);
    expect(sweepDue({ watermark: at(1), fullReadAt: null }, now, 24 * HOUR)).toBe(true);
    expect(sweepDue({ watermark: at(1), fullReadAt: at(23.9) }, now, 24 * HOUR)).toBe(false);
    expect(sweepDue({ watermark: at(1), fullReadAt: at(24) }, now, 24 * HOUR)).toBe(true);
  });

  it('with 0 hours leaves whole reads to full runs', () => {
    expect(sweepDue({ watermark: at(1), fullReadAt: null }, now, 0)).toBe(false);
    expect(sweepDue({ watermark: at(1), fullReadAt: at(1000) }, now, 0)).toBe(false);
  });
});

describe('GitHub sweep in incremental runs', () => {
  let world: SyncWorld;

  beforeAll(async () => {
    world = await startSyncWorld({ seed: 'github-sweep', issues: 200, prs: 60 });
    const first = await world.sync({ full: true });
    expect(first.run.failed).toEqual([]);
  }, 60_000);
  afterAll(async () => {
    await world.close();
  });

  const sql = () => world.db.$client;
  const removedAt = (id: number): string | null =>
    (
      sql().prepare('SELECT removed_at FROM github_issues WHERE id = ?').get(id) as {
        removed_at: string | null;
      }
    ).removed_at;

  it('marks a deleted issue removed once the list is due for a whole read', async () => {
    const github = world.org.github.emulator.control;
    const victim = sql()
      .prepare('SELECT id, repo, number FROM github_issues WHERE removed_at IS NULL LIMIT 1')
      .get() as { id: number; repo: string; number: number };
    const fullReads = () =>
      sql()
        .prepare("SELECT unit, full_read_at FROM source_cursors WHERE source = 'github'")
        .all() as { unit: string; full_read_at: string | null }[];
    // The full run read every list whole.
    expect(fullReads().length).toBe(world.org.github.repos.length * 2);
    expect(fullReads().every((c) => c.full_read_at !== null)).toBe(true);

    github.deleteItem({ repo: victim.repo, number: victim.number });

    // Not due yet: the incremental run stops at the watermark and cannot see the deletion.
    const early = await world.sync();
    expect(early.run.failed).toEqual([]);
    expect(removedAt(victim.id)).toBeNull();

    // A day later (the last whole reads moved back 25 hours): the next run reads every list
    // whole, and the deleted issue is marked removed.
    const dayAgo = new Date(Date.now() - 25 * HOUR).toISOString();
    sql().prepare("UPDATE source_cursors SET full_read_at = ? WHERE source = 'github'").run(dayAgo);
    const startedAt = new Date().toISOString();
    github.resetStats();
    const due = await world.sync();
    expect(due.run.failed).toEqual([]);
    expect(removedAt(victim.id)).not.toBeNull();
    expect(due.report.totals.removed).toBe(1);
    expect(github.stats().notModified).toBe(0);
    expect(fullReads().every((c) => (c.full_read_at ?? '') >= startedAt)).toBe(true);
    // Nothing else changed: the whole read wrote no other item row.
    const touched = sql()
      .prepare('SELECT count(*) AS n FROM github_issues WHERE synced_at >= ? AND id != ?')
      .get(startedAt, victim.id) as { n: number };
    expect(touched.n).toBe(0);

    // Read whole just now: the next run is conditional again, every list answered 304.
    github.resetStats();
    const after = await world.sync();
    expect(after.run.failed).toEqual([]);
    const stats = github.stats();
    expect(stats.total).toBe(world.org.github.repos.length * 2);
    expect(stats.notModified).toBe(stats.total);
  }, 120_000);
});
