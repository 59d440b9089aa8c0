/**
 * The queue's end-to-end "must show" scenarios: real `northstar worker` processes, a real Redis
 * (unique prefix each), the emulators of a small seeded org, and a database compared with that
 * of an uninterrupted `northstar run`.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cli,
  DATA_TABLES,
  dbFileIn,
  dumpsAtOneInstant,
  dumpTables,
  startWorker,
  startWorld,
  waitIdle,
  withQueues,
  type OrgWorld,
} from './org-world.js';
import { waitFor } from './helpers.js';

let world: OrgWorld;
let reference: Record<string, unknown[]>;
/** The uninterrupted run's database, compared at one instant with each scenario's. */
let referenceFile: string;

/** The database equals the uninterrupted run's (rollups of both recomputed at one instant). */
async function expectSameAsReference(db: string): Promise<void> {
  const [got, want] = await dumpsAtOneInstant(world, [db, referenceFile], DATA_TABLES);
  expect(got).toEqual(want);
}

beforeAll(async () => {
  world = await startWorld({
    seed: 'e2e',
    issues: 80,
    prs: 24,
    extraConfig: 'writeback:\n  enabled: false\n',
  });
  referenceFile = dbFileIn(world, 'reference');
  const run = await cli(world, ['run', '--full', '--no-report', '--json'], { db: referenceFile });
  expect(run.code, run.stderr).toBe(0);
  reference = dumpTables(referenceFile, DATA_TABLES);
}, 120_000);

afterAll(async () => {
  await world.close();
});

function enqueueFullSync(prefix: string): Promise<unknown> {
  return withQueues(prefix, (queues) =>
    queues
      .get('ingest')
      .add(
        'sync-start',
        { full: true },
        { deduplication: { id: 'sync-start', keepLastIfActive: true } },
      ),
  );
}

describe('queue end to end', () => {
  it('a scheduled cycle runs through the queues and gives the same database as northstar run', async () => {
    const prefix = world.newPrefix('scheduled');
    const db = dbFileIn(world, 'scheduled');
    const worker = startWorker(world, { db, prefix });
    // The worker upserts `schedule.sync`; its next run waits as a delayed job: run it now.
    await waitFor(
      () =>
        withQueues(prefix, async (queues) => {
          const delayed = await queues.get('ingest').getDelayed();
          const scheduled = delayed.find((j) => j.repeatJobKey === 'schedule:sync');
          if (!scheduled) return false;
          await scheduled.promote();
          return true;
        }),
      { timeoutMs: 60_000, what: 'the scheduled sync' },
    );
    await waitIdle(prefix);
    worker.child.kill('SIGTERM');
    expect((await worker.done).code).toBe(0);
    await expectSameAsReference(db);
  }, 240_000);

  it('an invalid token fails the job once, with the reason in northstar status', async () => {
    const prefix = world.newPrefix('badtoken');
    const db = dbFileIn(world, 'badtoken');
    const badToken = 'ghp_not-a-valid-token-4711';
    await enqueueFullSync(prefix);
    const worker = startWorker(world, {
      db,
      prefix,
      args: ['--no-schedules'],
      env: { GITHUB_TOKEN: badToken },
    });
    await waitIdle(prefix);
    worker.child.kill('SIGTERM');
    expect((await worker.done).code).toBe(0);
    const status = await cli(world, ['status', '--json'], { db, prefix });
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout) as {
      queue: { failed: { name: string; reason: string; attempts: number }[] };
      recentFailures: { job: string; error: string }[];
    };
    // The database owner wrote it into the job log too.
    expect(json.recentFailures).toContainEqual(
      expect.objectContaining({
        job: 'sync-github',
        error: expect.stringMatching(/github rejected the credentials/) as unknown,
      }),
    );
    const failed = json.queue.failed.filter((f) => f.name === 'sync-github');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) {
      expect(f.attempts).toBe(1);
      expect(f.reason).toMatch(/github rejected the credentials/);
    }
    expect(status.stdout).not.toContain(badToken);
    // Jira's token was fine: its items are all there.
    expect(dumpTables(db, ['jira_issues'])).toEqual({ jira_issues: reference['jira_issues'] });
  }, 240_000);

  it('a 429 storm is waited out: jobs delayed, no attempt spent, no early retry, same database', async () => {
    const prefix = world.newPrefix('storm');
    const db = dbFileIn(world, 'storm');
    const { jira, github } = world.org;
    // Every 3rd request to Jira and every 2nd to GitHub is a 429 announcing a 1 s wait (the
    // queue-level delay itself is shown in error-policy.test.ts: this is the whole pipeline).
    jira.emulator.control.setFaults({ rateLimit: { every: 3, retryAfterSeconds: 1 } });
    github.emulator.control.faults({ rateLimit: { every: 2, retryAfterSeconds: 1 } });
    jira.emulator.server.resetStats();
    github.emulator.server.resetStats();
    try {
      await enqueueFullSync(prefix);
      const worker = startWorker(world, { db, prefix, args: ['--no-schedules'] });
      await waitIdle(prefix, 180_000);
      worker.child.kill('SIGTERM');
      expect((await worker.done).code).toBe(0);
    } finally {
      jira.emulator.control.setFaults({});
      github.emulator.control.faults({});
    }
    const jiraStats = jira.emulator.server.stats();
    const githubStats = github.emulator.server.stats();
    console.log(
      `429 storm: jira ${jiraStats.total} requests, ${jiraStats.faults.rateLimit} answered 429, ${jiraStats.earlyRetries} in flight; ` +
        `github ${githubStats.total} requests, ${githubStats.faults.rateLimit} answered 429, ${githubStats.earlyRetries} in flight`,
    );
    // The storm happened on both sites ...
    expect(jiraStats.faults.rateLimit).toBeGreaterThan(0);
    expect(githubStats.faults.rateLimit).toBeGreaterThan(0);
    // ... and nobody knocked again before the announced time. A request already in flight when
    // another got its 429 arrives a few ms into the wait; one sent after the answer (a retry)
    // would arrive later, so only those count.
    const retriedEarly = [jira, github].flatMap((site) =>
      site.emulator.server.rateLimits.earlyRetryLog.filter((e) => e.earlyByMs < 750),
    );
    expect(retriedEarly).toEqual([]);
    // ... no job failed or spent more than its first attempt ...
    const jobs = await withQueues(prefix, async (queues) => {
      const out: { name: string; attemptsMade: number }[] = [];
      let failed = 0;
      for (const q of queues.all()) {
        failed += await q.getFailedCount();
        for (const j of await q.getCompleted(0, 1000)) {
          out.push({ name: j.name, attemptsMade: j.attemptsMade });
        }
      }
      return { failed, completed: out };
    });
    expect(jobs.failed).toBe(0);
    expect(jobs.completed.length).toBeGreaterThan(0);
    expect(jobs.completed.filter((j) => j.attemptsMade > 1)).toEqual([]);
    // ... and the database is that of a run without a storm.
    await expectSameAsReference(db);
  }, 240_000);

  it('SIGTERM during a sync exits within 10 s; the next start resumes from the saved cursor', async () => {
    const prefix = world.newPrefix('sigterm');
    const db = dbFileIn(world, 'sigterm');
    const { jira, github } = world.org;
    // Slow pages so the signal lands in the middle of the sync.
    jira.emulator.control.setFaults({ latencyMs: 250 });
    github.emulator.control.faults({ latencyMs: 250 });
    jira.emulator.server.resetStats();
    github.emulator.server.resetStats();
    try {
      await enqueueFullSync(prefix);
      const first = startWorker(world, { db, prefix, args: ['--no-schedules'] });
      await waitFor(
        () => Promise.resolve(jira.emulator.server.stats().total >= 6 && existsSync(db)),
        {
          timeoutMs: 60_000,
          what: 'the sync to be under way',
        },
      );
      const t0 = Date.now();
      first.child.kill('SIGTERM');
      const stopped = await first.done;
      const stopMs = Date.now() - t0;
      expect(stopped.code).toBe(0);
      expect(stopMs).toBeLessThan(10_000);
      const pending = await withQueues(prefix, async (queues) => {
        let n = 0;
        for (const q of queues.all())
          n += (await q.getWaitingCount()) + (await q.getDelayedCount());
        return n;
      });
      expect(pending).toBeGreaterThan(0); // the rest of the sync is still queued, nothing lost
      const before = jira.emulator.server.stats().total + github.emulator.server.stats().total;
      const second = startWorker(world, { db, prefix, args: ['--no-schedules'] });
      await waitIdle(prefix, 120_000);
      second.child.kill('SIGTERM');
      expect((await second.done).code).toBe(0);
      const after = jira.emulator.server.stats().total + github.emulator.server.stats().total;
      console.log(
        `SIGTERM: stopped in ${stopMs} ms; ${before} requests before, ${after - before} after`,
      );
    } finally {
      jira.emulator.control.setFaults({});
      github.emulator.control.faults({});
    }
    await expectSameAsReference(db);
  }, 240_000);
});
