/**
 * The error policy on a real Redis, with small test-only jobs run by the real worker runtime:
 * rate limits delay without spending attempts and hold the whole host, transient errors back off,
 * unrecoverable errors fail once with their reason.
 */
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registryOf, type RegisteredJob } from '../../src/jobs/registry.js';
import type { JobDefinition } from '../../src/jobs/types.js';
import { systemClock } from '../../src/lib/clock.js';
import { AuthError, RateLimitedError, TransientError } from '../../src/lib/errors/index.js';
import { silentLogger } from '../../src/lib/logger.js';
import { decide, wakeAt } from '../../src/queue/error-policy.js';
import { startWorkerRuntime, type WorkerRuntime } from '../../src/queue/runtime.js';
import { deletePrefix, minimalConfig, uniquePrefix, waitFor, workerConnection } from './helpers.js';

const Payload = z.strictObject({ id: z.string() });
type Payload = z.infer<typeof Payload>;

function job(
  name: string,
  handle: (payload: Payload) => Promise<unknown>,
  hosts: RegisteredJob['hosts'] = [],
): RegisteredJob {
  const definition: JobDefinition<Payload> = {
    name,
    queue: 'sync',
    payload: Payload,
    handle: (payload) => handle(payload),
  };
  return { definition, hosts };
}

interface Harness {
  runtime: WorkerRuntime;
  connection: Redis;
  prefix: string;
}
let harness: Harness | undefined;

afterEach(async () => {
  if (!harness) return;
  await harness.runtime.close();
  harness.connection.disconnect();
  await deletePrefix(harness.prefix);
  harness = undefined;
});

async function start(label: string, jobs: RegisteredJob[]): Promise<Harness> {
  const prefix = uniquePrefix(label);
  const connection = workerConnection();
  const { config, hierarchy } = minimalConfig();
  const runtime = await startWorkerRuntime({
    connection,
    prefix,
    registry: registryOf(jobs),
    config,
    hierarchy,
    clock: systemClock,
    logger: silentLogger(),
    dbFile: ':memory:',
    openDb: () => {
      throw new Error('no database in this test');
    },
    closeDb: () => undefined,
    fetchOnly: true,
    concurrency: 4,
    lockDurationMs: 5_000,
    schedules: false,
    jobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 200, jitter: 0.5 } },
  });
  harness = { runtime, connection, prefix };
  return harness;
}

describe('error policy (pure)', () => {
  it('maps each typed error to one decision', () => {
    const until = new Date('2026-12-01T10:00:00Z');
    expect(decide(new RateLimitedError('jira', until, '429'))).toMatchObject({
      kind: 'delay',
      host: 'jira',
      until,
    });
    expect(decide(new TransientError('github', 'HTTP 502')).kind).toBe('retry');
    expect(decide(new AuthError('jira', 'check JIRA_API_TOKEN'))).toEqual({
      kind: 'fail',
      reason: 'jira rejected the credentials: check JIRA_API_TOKEN',
    });
    expect(decide(new Error('SQLITE_BUSY')).kind).toBe('retry');
  });

  it('wakes a delayed job after the announced time, with bounded jitter', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const until = new Date('2026-12-01T10:00:30Z');
    expect(wakeAt(until, now, () => 0)).toBe(until.getTime());
    expect(wakeAt(until, now, () => 0.999)).toBeLessThanOrEqual(until.getTime() + 2_000);
    expect(wakeAt(until, now, () => 0.999)).toBeGreaterThan(until.getTime());
  });
});

describe('error policy on real queues', () => {
  it('a 429 storm delays the job without spending attempts and holds the whole host', async () => {
    const calls: { id: string; at: number }[] = [];
    let limitedUntil = 0;
    let storm = 6; // more 429s than the job has attempts (3)
    const { runtime } = await start('ratelimit', [
      job(
        'limited',
        (p) => {
          calls.push({ id: p.id, at: Date.now() });
          if (p.id === 'first' && storm-- > 0) {
            limitedUntil = Date.now() + 250;
            return Promise.reject(new RateLimitedError('jira', new Date(limitedUntil), '429'));
          }
          return Promise.resolve('ok');
        },
        ['jira'],
      ),
    ]);
    const queue = runtime.queues.get('sync');
    const first = await queue.add('limited', { id: 'first' });
    await waitFor(() => Promise.resolve(limitedUntil > 0), { what: 'first 429' });
    // Queued while the host is held: must not run before the hold ends.
    const heldWhenAdded = limitedUntil;
    const second = await queue.add('limited', { id: 'second' });
    const done = await waitFor(async () => (await queue.getJob(first.id!))?.finishedOn, {
      what: 'first job to complete',
    });
    expect(done).toBeGreaterThan(0);
    const finished = await queue.getJob(first.id!);
    expect(finished?.returnvalue).toBe('ok');
    // Seven runs of a job allowed three attempts: only the last, successful run counted.
    expect(finished?.attemptsMade).toBe(1);
    expect(calls.filter((c) => c.id === 'first')).toHaveLength(7);
    await waitFor(async () => (await queue.getJob(second.id!))?.finishedOn, { what: 'second' });
    const secondCalls = calls.filter((c) => c.id === 'second');
    expect(secondCalls).toHaveLength(1);
    expect(secondCalls[0]!.at).toBeGreaterThanOrEqual(heldWhenAdded);
    // Every request to the held host came after the announced reset.
    const firstCalls = calls.filter((c) => c.id === 'first').map((c) => c.at);
    for (let i = 1; i < firstCalls.length; i++) {
      expect(firstCalls[i]! - firstCalls[i - 1]!).toBeGreaterThanOrEqual(240);
    }
  });

  it('transient errors retry with exponential backoff, then succeed', async () => {
    const at: number[] = [];
    const { runtime } = await start('transient', [
      job('flaky', () => {
        at.push(Date.now());
        return at.length < 3
          ? Promise.reject(new TransientError('github', 'HTTP 502'))
          : Promise.resolve('ok');
      }),
    ]);
    const queue = runtime.queues.get('sync');
    const added = await queue.add('flaky', { id: 'x' });
    await waitFor(async () => (await queue.getJob(added.id!))?.finishedOn, { what: 'retries' });
    const finished = await queue.getJob(added.id!);
    expect(finished?.returnvalue).toBe('ok');
    expect(finished?.attemptsMade).toBe(3); // two failures and the success
    // 200 ms then 400 ms, each at least half of it (jitter 0.5).
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(100);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(200);
  });

  it('an auth error fails once, with its reason, and is not retried', async () => {
    let calls = 0;
    const { runtime } = await start('auth', [
      job('secret', () => {
        calls++;
        return Promise.reject(new AuthError('github', 'check GITHUB_TOKEN'));
      }),
    ]);
    const queue = runtime.queues.get('sync');
    const added = await queue.add('secret', { id: 'x' });
    await waitFor(async () => (await queue.getJob(added.id!))?.finishedOn, { what: 'failure' });
    const failed = await queue.getJob(added.id!);
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.failedReason).toBe('github rejected the credentials: check GITHUB_TOKEN');
    expect(calls).toBe(1);
  });

  it('an unknown job or an invalid payload fails at once with the reason', async () => {
    let calls = 0;
    const { runtime } = await start('invalid', [
      job('known', () => {
        calls++;
        return Promise.resolve();
      }),
    ]);
    const queue = runtime.queues.get('sync');
    const unknown = await queue.add('nope', { id: 'x' });
    const invalid = await queue.add('known', { id: 42 });
    for (const j of [unknown, invalid]) {
      await waitFor(async () => (await queue.getJob(j.id!))?.finishedOn, { what: 'failure' });
    }
    expect((await queue.getJob(unknown.id!))?.failedReason).toBe(
      'no job named "nope" runs on queue sync',
    );
    expect((await queue.getJob(invalid.id!))?.failedReason).toMatch(
      /^job known: invalid payload: id: /,
    );
    expect(calls).toBe(0);
  });
});
