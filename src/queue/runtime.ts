/**
 * A worker process: one BullMQ `Worker` per queue it consumes, the database-owner lease, the
 * schedules, and graceful shutdown.
 *
 * Roles: the database owner consumes every queue; a fetch-only process (`--fetch-only`, or a
 * second worker while another owns the database) consumes only FETCH_QUEUES and never opens the
 * database. A standby on the owner's host takes the database queues over when the lease frees.
 *
 * Shutdown (`close`): stop taking jobs, tell running handlers (`ctx.signal`), let them finish
 * within the grace period or put them back in the queue unchanged, release the lease, close
 * Redis and SQLite. Crashes are covered by BullMQ's stalled-job check: a job locked by a process
 * that died is taken up again after `lockDurationMs`.
 */
import { Worker, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { NorthstarConfig } from '../config/schema.js';
import type { Db } from '../db/open.js';
import type { Hierarchy } from '../domain/hierarchy.js';
import type { JobRegistry } from '../jobs/registry.js';
import { DATABASE_QUEUES, FETCH_QUEUES, type QueueName } from '../jobs/types.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import { createDbOwnerLease, LEASE_TTL_MS, type LeaseHolder } from './db-owner.js';
import { createHostHolds } from './host-holds.js';
import { createProcessor } from './processor.js';
import { createQueueSet, type QueueSet } from './queues.js';
import { syncSchedules } from './schedules.js';

export type WorkerRole = 'owner' | 'fetch-only' | 'standby';

export interface WorkerRuntimeOptions {
  /** Shared by the queues; each BullMQ worker opens its own blocking duplicate. */
  connection: Redis;
  prefix: string;
  registry: JobRegistry;
  config: NorthstarConfig;
  hierarchy: Hierarchy;
  clock: Clock;
  logger: Logger;
  dbFile: string;
  openDb: () => Db;
  closeDb: () => void;
  /** Never own the database (workers on machines without the file). */
  fetchOnly: boolean;
  /** Jobs at once on the fetch queue; database queues run one job at a time (one writer). */
  concurrency: number;
  /** How long a crashed worker's job stays locked before another worker takes it up. */
  lockDurationMs: number;
  /** Upsert the config's schedules when this process owns the database. */
  schedules: boolean;
  shutdownGraceMs?: number;
  leaseTtlMs?: number;
  /** Defaults for the jobs this process adds (tests shorten the backoff). */
  jobOptions?: Partial<DefaultJobOptions>;
}

export interface WorkerRuntime {
  role(): WorkerRole;
  queues: QueueSet;
  /** Who owns the database when this process does not. */
  owner(): LeaseHolder | null;
  close(): Promise<void>;
}

export const DEFAULT_LOCK_DURATION_MS = 30_000;
export const DEFAULT_SHUTDOWN_GRACE_MS = 7_000;

export async function startWorkerRuntime(options: WorkerRuntimeOptions): Promise<WorkerRuntime> {
  const { connection, prefix, logger } = options;
  const shutdown = new AbortController();
  const queues = createQueueSet({
    connection,
    prefix,
    ...(options.jobOptions ? { jobOptions: options.jobOptions } : {}),
  });
  const holds = createHostHolds(connection, prefix, () => options.clock.now());
  const workers: Worker[] = [];
  let role: WorkerRole = 'fetch-only';
  let owner: LeaseHolder | null = null;
  let db: Db | null = null;
  let closing = false;
  // Read through a function: the lease timer changes the role behind TypeScript's back.
  const currentRole = (): WorkerRole => role;

  const processorDeps = {
    registry: options.registry,
    queues,
    holds,
    config: options.config,
    hierarchy: options.hierarchy,
    clock: options.clock,
    logger,
    shutdown: shutdown.signal,
    shutdownGraceMs: options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS,
    ownedDb: () => (role === 'owner' ? db : null),
  };

  function startWorker(queue: QueueName, withDb: boolean, concurrency: number): void {
    const processor = createProcessor(queue, {
      ...processorDeps,
      db: withDb
        ? () => {
            db ??= options.openDb();
            return db;
          }
        : null,
    });
    const worker = new Worker(queue, processor, {
      connection,
      prefix,
      concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.lockDurationMs,
      // A job may be interrupted by several crashes in a row before it is given up.
      maxStalledCount: 5,
    });
    worker.on('error', (error) => {
      logger.warn({ err: error, queue }, 'queue worker error (reconnecting if Redis went away)');
    });
    workers.push(worker);
  }

  async function becomeOwner(): Promise<void> {
    role = 'owner';
    owner = null;
    db ??= options.openDb();
    for (const queue of DATABASE_QUEUES) startWorker(queue, true, 1);
    if (options.schedules) {
      const result = await syncSchedules({
        queues,
        registry: options.registry,
        schedule: options.config.schedule,
        logger,
      });
      logger.info({ schedules: result.upserted }, 'schedules upserted');
    }
    logger.info({ queues: [...FETCH_QUEUES, ...DATABASE_QUEUES] }, 'owning the database');
  }

  const lease = createDbOwnerLease({
    redis: connection,
    prefix,
    file: options.dbFile,
    ttlMs: options.leaseTtlMs ?? LEASE_TTL_MS,
  });
  let leaseTimer: NodeJS.Timeout | undefined;

  async function tickLease(): Promise<void> {
    const attempt = await lease.tryAcquire();
    if (closing) return;
    if (attempt.owner && role !== 'owner') await becomeOwner();
    else if (!attempt.owner && role === 'owner') {
      // Lost during a long Redis outage and taken by another process: stop writing here.
      logger.error({ owner: attempt.holder }, 'database lease lost: database queues stopped');
      role = 'fetch-only';
      owner = attempt.holder;
      await Promise.all(workers.splice(FETCH_QUEUES.length).map((w) => w.close()));
    } else if (!attempt.owner) {
      owner = attempt.holder;
      role = attempt.canTakeOver ? 'standby' : 'fetch-only';
    }
  }

  for (const queue of FETCH_QUEUES) startWorker(queue, false, options.concurrency);
  if (!options.fetchOnly) {
    await tickLease();
    const started = currentRole();
    if (started !== 'owner') {
      logger.warn(
        { owner, standby: started === 'standby' },
        'another worker owns the database: running fetch-only',
      );
    }
    const ttl = options.leaseTtlMs ?? LEASE_TTL_MS;
    leaseTimer = setInterval(() => {
      tickLease().catch((error: unknown) => {
        logger.warn({ err: error }, 'database lease renewal failed');
      });
    }, ttl / 3);
  }

  return {
    role: currentRole,
    owner: () => owner,
    queues,
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(leaseTimer);
      shutdown.abort();
      await Promise.all(workers.map((w) => w.close()));
      if (currentRole() === 'owner') await lease.release();
      await queues.close();
      if (db) options.closeDb();
    },
  };
}
