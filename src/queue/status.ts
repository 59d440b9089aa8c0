/** What `northstar status` reads from Redis: queue depths, failed jobs, holds, schedules, owner. */
import type { Redis } from 'ioredis';
import type { QueueName } from '../jobs/types.js';
import type { SourceName } from '../lib/errors/index.js';
import { readLeaseHolder, type LeaseHolder } from './db-owner.js';
import { createHostHolds } from './host-holds.js';
import type { QueueSet } from './queues.js';

export interface QueueDepth {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface FailedJob {
  queue: QueueName;
  id: string;
  name: string;
  reason: string;
  attempts: number;
  failedAt: string | null;
}

export interface ScheduleStatus {
  id: string;
  queue: QueueName;
  job: string;
  pattern: string | null;
  next: string | null;
}

export interface QueueStatus {
  queues: QueueDepth[];
  failed: FailedJob[];
  holds: { host: SourceName; until: string }[];
  schedules: ScheduleStatus[];
  databaseOwner: LeaseHolder | null;
}

/** Failed jobs listed per queue (newest first). */
export const FAILED_SHOWN = 20;

export async function readQueueStatus(
  queues: QueueSet,
  redis: Redis,
  now: () => Date,
): Promise<QueueStatus> {
  const depths: QueueDepth[] = [];
  const failed: FailedJob[] = [];
  const schedules: ScheduleStatus[] = [];
  for (const queue of queues.all()) {
    const name = queue.name as QueueName;
    const counts = await queue.getJobCounts(
      'waiting',
      'prioritized',
      'active',
      'delayed',
      'failed',
      'completed',
    );
    depths.push({
      queue: name,
      waiting: (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0),
      active: counts['active'] ?? 0,
      delayed: counts['delayed'] ?? 0,
      failed: counts['failed'] ?? 0,
      completed: counts['completed'] ?? 0,
    });
    for (const job of await queue.getFailed(0, FAILED_SHOWN - 1)) {
      failed.push({
        queue: name,
        id: job.id ?? '',
        name: job.name,
        reason: job.failedReason,
        attempts: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      });
    }
    for (const s of await queue.getJobSchedulers()) {
      schedules.push({
        id: s.key,
        queue: name,
        job: s.name,
        pattern: s.pattern ?? null,
        next: s.next ? new Date(s.next).toISOString() : null,
      });
    }
  }
  const holdsReader = createHostHolds(redis, queues.prefix, now);
  const holds: QueueStatus['holds'] = [];
  for (const host of ['jira', 'github'] as const) {
    const until = await holdsReader.heldUntil([host]);
    if (until) holds.push({ host, until: until.toISOString() });
  }
  failed.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  return {
    queues: depths,
    failed,
    holds,
    schedules,
    databaseOwner: await readLeaseHolder(redis, queues.prefix),
  };
}

/** True when no job is waiting, running or delayed (used by tests and `enqueue --wait`). */
export function isIdle(status: Pick<QueueStatus, 'queues'>): boolean {
  return status.queues.every((q) => q.waiting + q.active + q.delayed === 0);
}
