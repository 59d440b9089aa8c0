/**
 * The BullMQ queues of the topology in `src/jobs/types.ts`, with the job defaults that make the
 * error policy work: attempts with exponential backoff and jitter (transient errors), and
 * retention limits so Redis does not grow with every finished job.
 */
import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { DATABASE_QUEUES, FETCH_QUEUES, type QueueName } from '../jobs/types.js';

export const ALL_QUEUES: readonly QueueName[] = [...FETCH_QUEUES, ...DATABASE_QUEUES];

/** Attempts before a job that keeps failing with retryable errors is given up. */
export const DEFAULT_ATTEMPTS = 8;
/** First retry after ~2 s, then 4, 8, … (each with up to 50 % jitter): ~4 min in all. */
export const BACKOFF = { type: 'exponential', delay: 2_000, jitter: 0.5 } as const;
/** Finished jobs kept for `status` and the dashboard: a day of completed, a week of failed. */
export const RETENTION = {
  completed: { age: 24 * 3600, count: 1_000 },
  failed: { age: 7 * 24 * 3600, count: 5_000 },
} as const;

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: DEFAULT_ATTEMPTS,
  backoff: { ...BACKOFF },
  removeOnComplete: { ...RETENTION.completed },
  removeOnFail: { ...RETENTION.failed },
};

export interface QueueSetOptions {
  connection: Redis;
  /** Key prefix: several northstar deployments (or tests) can share one Redis. */
  prefix: string;
  /** Override the defaults (tests shorten the backoff). */
  jobOptions?: Partial<DefaultJobOptions>;
  /** Connection errors of the queues (ioredis reconnects by itself); default: ignored. */
  onError?: (error: Error) => void;
}

export interface QueueSet {
  readonly prefix: string;
  get(name: QueueName): Queue;
  all(): Queue[];
  close(): Promise<void>;
}

export function createQueueSet(options: QueueSetOptions): QueueSet {
  const defaultJobOptions = { ...DEFAULT_JOB_OPTIONS, ...options.jobOptions };
  const queues = new Map<QueueName, Queue>(
    ALL_QUEUES.map((name) => [
      name,
      new Queue(name, {
        connection: options.connection,
        prefix: options.prefix,
        defaultJobOptions,
      }),
    ]),
  );
  for (const queue of queues.values()) {
    queue.on('error', options.onError ?? (() => undefined));
  }
  return {
    prefix: options.prefix,
    get(name) {
      const queue = queues.get(name);
      if (!queue) throw new Error(`unknown queue ${name}`);
      return queue;
    },
    all: () => [...queues.values()],
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
