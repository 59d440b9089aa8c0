/**
 * The worker runtime on a real Redis with test-only jobs: deduplicated ids, graceful shutdown that
 * returns an unfinished job unchanged, the database-owner lease, and schedules from config.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closeDatabase, openDatabase, type Db } from '../../src/db/open.js';
import { registryOf, type RegisteredJob } from '../../src/jobs/registry.js';
import type { JobContext, JobDefinition, QueueName } from '../../src/jobs/types.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { enqueueJob } from '../../src/queue/enqueue.js';
import { startWorkerRuntime, type WorkerRuntime } from '../../src/queue/runtime.js';
import { syncSchedules } from '../../src/queue/schedules.js';
import { deletePrefix, minimalConfig, uniquePrefix, waitFor, workerConnection } from './helpers.js';

const Payload = z.strictObject({ id: z.string() });
type Payload = z.infer<typeof Payload>;

function job(
  name: string,
  queue: QueueName,
  handle: (payload: Payload, ctx: JobContext) => Promise<unknown>,
): RegisteredJob {
  const definition: JobDefinition<Payload> = { name, queue, payload: Payload, handle };
  return { definition, hosts: [] };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function start(
  prefix: string,
  jobs: RegisteredJob[],
  options: { fetchOnly?: boolean; dbFile?: string; graceMs?: number } = {},
): Promise<WorkerRuntime> {
  const connection: Redis = workerConnection();
  const { config, hierarchy } = minimalConfig();
  let db: Db | undefined;
  const dbFile = options.dbFile ?? join(mkdtempSync(join(tmpdir(), 'ns-queue-')), 'db.sqlite');
  const runtime = await startWorkerRuntime({
    connection,
    prefix,
    registry: registryOf(jobs),
    config,
    hierarchy,
    clock: systemClock,
    logger: silentLogger(),
    dbFile,
    openDb: () => (db ??= openDatabase({ file: dbFile })),
    closeDb: () => {
      if (db) closeDatabase(db);
    },
    fetchOnly: options.fetchOnly ?? true,
    concurrency: 2,
    lockDurationMs: 5_000,
    schedules: false,
    shutdownGraceMs: options.graceMs ?? 1_000,
    leaseTtlMs: 3_000,
  });
  cleanup.push(async () => {
    await runtime.close();
    connection.disconnect();
  });
  return runtime;
}

function withPrefix(label: string): string {
  const prefix = uniquePrefix(label);
  cleanup.push(() => deletePrefix(prefix));
  return prefix;
}

describe('worker runtime', () => {
  it('a deterministic id is queued once while it waits, kept for after if it runs, never twice at once', async () => {
    const prefix = withPrefix('dedup');
    let runs = 0;
    let running = 0;
    let maxRunning = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const runtime = await start(prefix, [
      job('unit', 'sync', async () => {
        runs++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await gate;
        running--;
      }),
    ]);
    const request = { queue: 'sync' as const, name: 'unit', payload: { id: 'a' }, jobId: 'unit:a' };
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await enqueueJob(runtime.queues, request)).id);
    expect(ids.size).toBe(1); // waiting: five requests, one job
    await waitFor(() => Promise.resolve(runs === 1), { what: 'first run' });
    // Running (the worker could take two at once): asked again three times, kept once for after.
    for (let i = 0; i < 3; i++) await enqueueJob(runtime.queues, request);
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toBe(1);
    release();
    const queue = runtime.queues.get('sync');
    await waitFor(async () => (await queue.getCompletedCount()) === 2, { what: 'the kept run' });
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
    await enqueueJob(runtime.queues, request); // finished: a new run
    await waitFor(async () => (await queue.getCompletedCount()) === 3, { what: 'third run' });
    expect(runs).toBe(3);
  });

  it('shutdown returns a job that does not finish in time to the queue, attempts untouched', async () => {
    const prefix = withPrefix('shutdown');
    let started = 0;
    let sawAbort = false;
    const slow = job('slow', 'sync', (_p, ctx) => {
      started++;
      ctx.signal.addEventListener('abort', () => (sawAbort = true));
      return new Promise(() => undefined); // never finishes on its own
    });
    const runtime = await start(prefix, [slow], { graceMs: 500 });
    const added = await runtime.queues.get('sync').add('slow', { id: 'x' });
    await waitFor(() => Promise.resolve(started === 1), { what: 'start' });
    const t0 = Date.now();
    await runtime.close();
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(sawAbort).toBe(true);
    // A fresh worker finds it waiting (not failed, not stalled), with no attempt spent.
    let finished = false;
    const next = await start(prefix, [
      job('slow', 'sync', () => {
        finished = true;
        return Promise.resolve('done');
      }),
    ]);
    await waitFor(() => Promise.resolve(finished), { what: 'resumed job' });
    const resumed = await waitFor(async () => {
      const j = await next.queues.get('sync').getJob(added.id!);
      return j?.finishedOn ? j : null;
    });
    expect(resumed.returnvalue).toBe('done');
    expect(resumed.attemptsMade).toBe(1);
  });

  it('one worker owns the database; a second on the same file stands by and takes over', async () => {
    const prefix = withPrefix('owner');
    const dbFile = join(mkdtempSync(join(tmpdir(), 'ns-owner-')), 'db.sqlite');
    const ran: string[] = [];
    const jobs = (who: string): RegisteredJob[] => [
      job('write', 'rollup', (_p, ctx) => {
        ctx.db();
        ran.push(who);
        return Promise.resolve();
      }),
    ];
    const first = await start(prefix, jobs('first'), { fetchOnly: false, dbFile });
    const second = await start(prefix, jobs('second'), { fetchOnly: false, dbFile });
    expect(first.role()).toBe('owner');
    expect(second.role()).toBe('standby');
    expect(second.owner()?.pid).toBe(process.pid);
    await first.queues.get('rollup').add('write', { id: '1' });
    await waitFor(() => Promise.resolve(ran.length === 1), { what: 'owner ran it' });
    expect(ran).toEqual(['first']);
    await first.close();
    await waitFor(() => Promise.resolve(second.role() === 'owner'), {
      what: 'takeover',
      timeoutMs: 10_000,
    });
    await second.queues.get('rollup').add('write', { id: '2' });
    await waitFor(() => Promise.resolve(ran.length === 2), { what: 'new owner ran it' });
    expect(ran).toEqual(['first', 'second']);
  });

  it('a fetch-only worker never runs database jobs', async () => {
    const prefix = withPrefix('fetchonly');
    let ran = 0;
    const runtime = await start(prefix, [
      job('write', 'rollup', () => {
        ran++;
        return Promise.resolve();
      }),
    ]);
    expect(runtime.role()).toBe('fetch-only');
    await runtime.queues.get('rollup').add('write', { id: '1' });
    await new Promise((r) => setTimeout(r, 500));
    expect(ran).toBe(0);
    expect(await runtime.queues.get('rollup').getWaitingCount()).toBe(1);
  });

  it('schedules follow the config: upserted, re-patterned, removed when gone', async () => {
    const prefix = withPrefix('schedules');
    const jobs = [
      job('sync-start', 'ingest', () => Promise.resolve()),
      job('write-summaries', 'writeback', () => Promise.resolve()),
      job('export-report', 'report', () => Promise.resolve()),
    ];
    const runtime = await start(prefix, jobs);
    const registry = registryOf(jobs);
    const logger = silentLogger();
    const schedulers = async (): Promise<Record<string, string>> => {
      const out: Record<string, string> = {};
      for (const q of runtime.queues.all()) {
        for (const s of await q.getJobSchedulers()) out[`${q.name}/${s.key}`] = s.pattern ?? '';
      }
      return out;
    };
    await syncSchedules({
      queues: runtime.queues,
      registry,
      schedule: { sync: '*/15 * * * *', writeback: '0 * * * *', report: '0 8 * * MON' },
      logger,
    });
    expect(await schedulers()).toEqual({
      'ingest/schedule:sync': '*/15 * * * *',
      'writeback/schedule:writeback': '0 * * * *',
      'report/schedule:report': '0 8 * * MON',
    });
    const second = await syncSchedules({
      queues: runtime.queues,
      registry,
      schedule: { sync: '*/5 * * * *', writeback: '0 * * * *' },
      logger,
    });
    expect(second.removed).toEqual(['schedule:report']);
    expect(await schedulers()).toEqual({
      'ingest/schedule:sync': '*/5 * * * *',
      'writeback/schedule:writeback': '0 * * * *',
    });
    // The scheduled job is there, delayed until the next tick.
    const delayed = await runtime.queues.get('ingest').getDelayed();
    expect(delayed.map((j) => j.name)).toEqual(['sync-start']);
  });
});
