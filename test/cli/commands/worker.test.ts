/**
 * `northstar worker`, `enqueue` and `status` as a user runs them: separate processes, real Redis
 * (a unique prefix), the emulators of a small seeded org.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { cli, dbFileIn, startWorker, startWorld, type OrgWorld } from '../../queue/org-world.js';
import { waitFor } from '../../queue/helpers.js';

let world: OrgWorld;
beforeAll(async () => {
  world = await startWorld({ seed: 'worker-cli', issues: 60, prs: 20 });
});
afterAll(async () => {
  await world.close();
});

interface StatusJson {
  queue: {
    queues: { queue: string; waiting: number }[];
    databaseOwner: { pid: number } | null;
    schedules: { id: string; job: string; pattern: string }[];
  } | null;
  redis: { prefix: string; error: string | null };
}

describe('northstar worker / enqueue / status', () => {
  it('every command has --help', async () => {
    const commands = ['worker', 'enqueue', 'status'];
    const results = await Promise.all(commands.map((c) => runCli([c, '--help'])));
    for (const [i, command] of commands.entries()) {
      const result = results[i]!;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: northstar ${command}`);
      expect(result.stdout).toContain('--queue-prefix');
    }
  });

  it('bad flags are usage errors (exit 2)', async () => {
    const db = dbFileIn(world, 'flags');
    const [job, full, concurrency, prefix] = await Promise.all([
      cli(world, ['enqueue', 'nonsense'], { db }),
      cli(world, ['enqueue', 'report', '--full'], { db }),
      cli(world, ['worker', '--concurrency', '0'], { db }),
      cli(world, ['status', '--queue-prefix', 'a b'], { db }),
    ]);
    expect([job.code, full.code, concurrency.code]).toEqual([2, 2, 2]);
    expect(job.stderr).toContain('must be one of sync, rollup, writeback, report');
    expect(prefix.code).toBe(2);
    expect(prefix.stderr).toContain('--queue-prefix');
  });

  it('owns the database, upserts the schedules, and stops on SIGTERM within seconds', async () => {
    const db = dbFileIn(world, 'sigterm');
    const prefix = world.newPrefix('cli-worker');
    const worker = startWorker(world, { db, prefix });
    const status = await waitFor(
      async () => {
        const result = await cli(world, ['status', '--json'], { db, prefix });
        const json = JSON.parse(result.stdout) as StatusJson;
        return json.queue?.databaseOwner ? json : null;
      },
      { timeoutMs: 30_000, what: 'the worker to own the database' },
    );
    expect(status.queue!.databaseOwner!.pid).toBe(worker.child.pid);
    expect(status.queue!.schedules.map((s) => `${s.id} ${s.job} ${s.pattern}`).sort()).toEqual(
      expect.arrayContaining([
        'schedule:report export-report 0 8 * * MON',
        'schedule:writeback write-summaries 0 * * * *',
      ]),
    );
    const t0 = Date.now();
    worker.child.kill('SIGTERM');
    const done = await worker.done;
    expect(done.code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const after = JSON.parse(
      (await cli(world, ['status', '--json'], { db, prefix })).stdout,
    ) as StatusJson;
    expect(after.queue!.databaseOwner).toBeNull(); // the lease was released
  });

  it('enqueue queues a step once while it waits (--json)', async () => {
    const db = dbFileIn(world, 'enqueue');
    const prefix = world.newPrefix('cli-enqueue');
    const first = await cli(world, ['enqueue', 'report', '--json'], { db, prefix });
    const second = await cli(world, ['enqueue', 'report', '--json'], { db, prefix });
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout) as { id: string; queue: string; name: string };
    const b = JSON.parse(second.stdout) as { id: string };
    expect(a).toMatchObject({ queue: 'report', name: 'export-report' });
    expect(b.id).toBe(a.id);
    const status = JSON.parse(
      (await cli(world, ['status', '--json'], { db, prefix })).stdout,
    ) as StatusJson;
    expect(status.queue!.queues.find((q) => q.queue === 'report')!.waiting).toBe(1);
  });

  it('status without Redis still reports the database and says why the queues are missing', async () => {
    const db = dbFileIn(world, 'noredis');
    const result = await cli(world, ['status', '--json'], {
      db,
      env: { REDIS_URL: 'redis://127.0.0.1:1' },
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as StatusJson;
    expect(json.queue).toBeNull();
    expect(json.redis.error).toContain('ECONNREFUSED');
  });
});
