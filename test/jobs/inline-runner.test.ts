/**
 * The in-process runner's scheduling: `concurrency` fetches in flight per fetch job (one per
 * source), so a backlog of one source's pages never holds the other's back, and database jobs
 * one at a time.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runInline, type RunnableJob } from '../../src/jobs/inline-runner.js';
import type { JobRequest, QueueName } from '../../src/jobs/types.js';
import { buildHierarchy } from '../../src/config/hierarchy.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { configWith } from '../rollup/fixtures/small-org.js';

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

interface Trace {
  events: { name: string; id: number; at: 'start' | 'end' }[];
  inFlight: Map<string, number>;
  maxInFlight: Map<string, number>;
  maxTotal: number;
  maxWriters: number;
}

function newTrace(): Trace {
  return { events: [], inFlight: new Map(), maxInFlight: new Map(), maxTotal: 0, maxWriters: 0 };
}

function tracedJob(trace: Trace, name: string, queue: QueueName, ms: number): RunnableJob {
  const isWrite = queue !== 'sync';
  return {
    name,
    queue,
    payload: z.object({ id: z.number() }),
    async handle(payload) {
      const { id } = payload as { id: number };
      trace.events.push({ name, id, at: 'start' });
      const now = (trace.inFlight.get(name) ?? 0) + 1;
      trace.inFlight.set(name, now);
      trace.maxInFlight.set(name, Math.max(trace.maxInFlight.get(name) ?? 0, now));
      const fetches = [...trace.inFlight]
        .filter(([n]) => n !== 'write')
        .reduce((sum, [, k]) => sum + k, 0);
      trace.maxTotal = Math.max(trace.maxTotal, fetches);
      if (isWrite) trace.maxWriters = Math.max(trace.maxWriters, now);
      await sleep(ms);
      trace.inFlight.set(name, (trace.inFlight.get(name) ?? 1) - 1);
      trace.events.push({ name, id, at: 'end' });
      return null;
    },
  };
}

function request(name: string, queue: QueueName, id: number): JobRequest {
  return { name, queue, payload: { id }, jobId: `${name}.${String(id)}` };
}

function context() {
  const config = configWith('2027-03-31');
  return {
    config,
    hierarchy: buildHierarchy(config),
    clock: systemClock,
    logger: silentLogger(),
    db: () => {
      throw new Error('no database in this test');
    },
  };
}

describe('runInline scheduling', () => {
  it('runs `concurrency` fetches per fetch job at once, each source in its own lane', async () => {
    const trace = newTrace();
    const jobs = [
      tracedJob(trace, 'fetch-a', 'sync', 15),
      tracedJob(trace, 'fetch-b', 'sync', 15),
      tracedJob(trace, 'write', 'ingest', 5),
    ];
    // Twelve of source A queued before two of source B (as sync-start queues one source's lists
    // before the other's), and three database jobs.
    const first = [
      ...Array.from({ length: 12 }, (_, i) => request('fetch-a', 'sync', i)),
      request('fetch-b', 'sync', 0),
      request('fetch-b', 'sync', 1),
      ...Array.from({ length: 3 }, (_, i) => request('write', 'ingest', i)),
    ];
    const report = await runInline(first, { jobs, context: context(), concurrency: 2 });

    expect(report).toMatchObject({ completed: 17, failed: [], stopped: false });
    expect(trace.maxInFlight.get('fetch-a')).toBe(2);
    expect(trace.maxInFlight.get('fetch-b')).toBe(2);
    expect(trace.maxTotal).toBe(4);
    expect(trace.maxWriters).toBe(1);
    // B's two pages do not wait behind A's backlog: both start before A's third.
    const startOrder = trace.events.filter((e) => e.at === 'start' && e.name !== 'write');
    const thirdA = startOrder.filter((e) => e.name === 'fetch-a')[2];
    const lastB = startOrder.filter((e) => e.name === 'fetch-b')[1];
    expect(thirdA && lastB && startOrder.indexOf(lastB) < startOrder.indexOf(thirdA)).toBe(true);
  });

  it('keeps one lane at `concurrency` when only one source has work', async () => {
    const trace = newTrace();
    const jobs = [tracedJob(trace, 'fetch-a', 'sync', 5)];
    const first = Array.from({ length: 9 }, (_, i) => request('fetch-a', 'sync', i));
    const report = await runInline(first, { jobs, context: context(), concurrency: 3 });
    expect(report.completed).toBe(9);
    expect(trace.maxInFlight.get('fetch-a')).toBe(3);
    expect(trace.maxTotal).toBe(3);
  });
});
