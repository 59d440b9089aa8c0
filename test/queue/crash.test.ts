/**
 * Crash safety: a worker process is killed with SIGKILL at a random point of a full sync (ten
 * trials, seeded points), a new worker is started, and once the queues drain the database equals
 * that of an uninterrupted `northstar run`: nothing lost, nothing duplicated.
 */
import { existsSync } from 'node:fs';
import { waitFor } from './helpers.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  cli,
  DATA_TABLES,
  dumpsAtOneInstant,
  dbFileIn,
  dumpTables,
  seededRandom,
  startWorker,
  startWorld,
  waitIdle,
  withQueues,
  type OrgWorld,
} from './org-world.js';

const TRIALS = 10;

function storedIssues(db: string): string {
  if (!existsSync(db)) return 'no database yet:';
  try {
    return String(dumpTables(db, ['jira_issues'])['jira_issues']!.length);
  } catch {
    return 'unreadable:';
  }
}
let world: OrgWorld;
let reference: Record<string, unknown[]>;
/** The uninterrupted run's database, compared at one instant with each trial's. */
let referenceFile: string;

beforeAll(async () => {
  world = await startWorld({
    seed: 'crash',
    issues: 80,
    prs: 24,
    extraConfig: 'writeback:\n  enabled: false\n',
  });
  referenceFile = dbFileIn(world, 'reference');
  const run = await cli(world, ['run', '--full', '--no-report', '--json'], { db: referenceFile });
  expect(run.code, run.stderr).toBe(0);
  reference = dumpTables(referenceFile, DATA_TABLES);
  expect(reference['jira_issues']!.length).toBeGreaterThan(50);
  expect(reference['github_pull_requests']!.length).toBe(24);
}, 120_000);

afterAll(async () => {
  await world.close();
});

it(`SIGKILL at ${TRIALS} random points of a full sync: the restarted worker ends with the same database`, async () => {
  const random = seededRandom(20261202);
  const killedAt: string[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const prefix = world.newPrefix(`crash${trial}`);
    const db = dbFileIn(world, `crash-${trial}`);
    await withQueues(prefix, (queues) =>
      queues
        .get('ingest')
        .add('sync-start', { full: true }, { deduplication: { id: 'sync-start' } }),
    );
    // The worker needs ~3-5 s to start on this machine; the sync of this org takes a few more.
    const delayMs = Math.round(3_000 + random() * 6_000);
    const first = startWorker(world, { db, prefix, args: ['--no-schedules'] });
    await new Promise((r) => setTimeout(r, delayMs));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    killedAt.push(`${delayMs} ms (${storedIssues(db)} issues stored)`);

    const second = startWorker(world, { db, prefix, args: ['--no-schedules'] });
    // Wait until it consumes (its SIGTERM handling is in place by then): the kill may have come
    // after the last job, and an idle queue alone would not show the worker started.
    await waitFor(
      () =>
        withQueues(prefix, async (queues) => (await queues.get('ingest').getWorkersCount()) > 0),
      { timeoutMs: 60_000, what: 'the restarted worker to consume' },
    );
    await waitIdle(prefix, 120_000);
    second.child.kill('SIGTERM');
    expect((await second.done).code).toBe(0);
    const failed = await withQueues(prefix, async (queues) => {
      let n = 0;
      for (const q of queues.all()) n += await q.getFailedCount();
      return n;
    });
    expect(failed).toBe(0);
    // Rollups of both recomputed at one instant: they read the clock (see dumpsAtOneInstant).
    const [got, want] = await dumpsAtOneInstant(world, [db, referenceFile], DATA_TABLES);
    expect(got, `trial ${trial}, killed after ${delayMs} ms`).toEqual(want);
  }
  console.log(`killed at: ${killedAt.join('; ')}`);
}, 600_000);
