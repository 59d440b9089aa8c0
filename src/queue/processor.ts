/**
 * The BullMQ processor of one queue: finds the job's definition by name, checks its payload,
 * builds its `JobContext`, runs it, and applies the error policy. Handlers never see BullMQ.
 *
 * Delays use the step-job pattern (`job.moveToDelayed` + `DelayedError`): the job goes back to
 * the delayed set without counting as a failed attempt.
 * https://docs.bullmq.io/patterns/process-step-jobs
 */
import { DelayedError, UnrecoverableError, type Job, type Processor } from 'bullmq';
import type { NorthstarConfig } from '../config/schema.js';
import type { Db } from '../db/open.js';
import type { Hierarchy } from '../domain/hierarchy.js';
import type { JobRegistry } from '../jobs/registry.js';
import type { JobContext, ProgressUpdate, QueueName } from '../jobs/types.js';
import type { Clock } from '../lib/clock.js';
import {
  DatabaseNotOwnedError,
  InvalidJobPayloadError,
  UnknownJobError,
} from '../lib/errors/index.js';
import type { Logger } from '../lib/logger.js';
import { logJobRun, type FinishedJob } from '../jobs/run-log.js';
import { enqueueJob } from './enqueue.js';
import { decide, wakeAt } from './error-policy.js';
import type { HostHolds } from './host-holds.js';
import type { QueueSet } from './queues.js';

export interface ProcessorDeps {
  registry: JobRegistry;
  queues: QueueSet;
  holds: HostHolds;
  config: NorthstarConfig;
  hierarchy: Hierarchy;
  clock: Clock;
  logger: Logger;
  /** The database, or null in a fetch-only process. */
  db: (() => Db) | null;
  /**
   * The database while this process owns it, for the job log of jobs that do not use it
   * (fetches): null when another process owns it.
   */
  ownedDb?: () => Db | null;
  /** Aborted when the process starts shutting down. */
  shutdown: AbortSignal;
  /** After shutdown starts, how long a running job may take before it is put back. */
  shutdownGraceMs: number;
}

/** At most one progress write to Redis per job per this many ms. */
const PROGRESS_INTERVAL_MS = 1_000;

/** How often a job that must not overlap a running run checks again. */
const EXCLUSIVE_RECHECK_MS = 2_000;

/** Other jobs of the run waiting or running (jobs of the same name wait their turn too). */
async function otherJobsPending(
  queues: QueueSet,
  names: readonly QueueName[],
  self: Job,
): Promise<boolean> {
  for (const name of names) {
    const jobs = await queues
      .get(name)
      .getJobs(['waiting', 'prioritized', 'active', 'delayed'], 0, 100);
    if (jobs.some((j) => j.name !== self.name)) return true;
  }
  return false;
}

class ShutdownReturn extends Error {
  override readonly name = 'ShutdownReturn';
}

/** Rejects once the shutdown grace period has run out; `cancel` when the job is over. */
function whenGraceExpires(
  signal: AbortSignal,
  graceMs: number,
): { expired: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: () => void = () => undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    onAbort = () => {
      timer = setTimeout(() => {
        reject(new ShutdownReturn('shutting down: job returned to the queue'));
      }, graceMs);
      timer.unref();
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return {
    expired,
    cancel: () => {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(timer);
    },
  };
}

/** The source unit a sync job works on (`payload.unit.id`), for logs. */
function unitOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('unit' in data)) return undefined;
  const unit: unknown = data.unit;
  if (typeof unit === 'string') return unit;
  if (typeof unit === 'object' && unit !== null && 'id' in unit && typeof unit.id === 'string') {
    return unit.id;
  }
  return undefined;
}

/** Puts the job back in the queue, to run at `at` (ms), without spending an attempt. */
async function putBack(job: Job, token: string | undefined, at: number): Promise<never> {
  await job.moveToDelayed(at, token);
  throw new DelayedError();
}

export function createProcessor(queue: QueueName, deps: ProcessorDeps): Processor {
  return async (job: Job, token?: string) => {
    const entry = deps.registry.get(job.name);
    if (entry?.definition.queue !== queue) {
      throw new UnrecoverableError(new UnknownJobError(job.name, queue).message);
    }
    const { definition, hosts } = entry;
    const dedupId = job.opts.deduplication?.id ?? null;
    const logger = deps.logger.child({
      job: job.name,
      jobId: job.id,
      queue,
      dedupId,
      unit: unitOf(job.data),
    });

    const heldUntil = await deps.holds.heldUntil(hosts);
    if (heldUntil) {
      logger.debug({ until: heldUntil.toISOString() }, 'host rate-limited: job delayed');
      return putBack(job, token, wakeAt(heldUntil, deps.clock.now()));
    }

    if (entry.exclusiveOf && (await otherJobsPending(deps.queues, entry.exclusiveOf, job))) {
      logger.debug('a run is in progress: job waits its turn');
      return putBack(job, token, Date.now() + EXCLUSIVE_RECHECK_MS);
    }

    const parsed = definition.payload.safeParse(job.data);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
        .join('; ');
      throw new UnrecoverableError(new InvalidJobPayloadError(job.name, issues).message);
    }

    let lastProgress = 0;
    const ctx: JobContext = {
      config: deps.config,
      hierarchy: deps.hierarchy,
      clock: deps.clock,
      logger,
      db: () => {
        if (!deps.db) throw new DatabaseNotOwnedError(job.name);
        return deps.db();
      },
      enqueue: async (request) => {
        await enqueueJob(deps.queues, request);
      },
      progress: (update: ProgressUpdate) => {
        const now = Date.now();
        if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
        lastProgress = now;
        logger.debug({ progress: update }, 'job progress');
        job.updateProgress({ ...update }).catch((error: unknown) => {
          logger.warn({ err: error }, 'could not record job progress');
        });
      },
      signal: deps.shutdown,
    };

    const started = Date.now();
    /** Into the job log, where this process owns the database; never fails the job. */
    const logRun = (outcome: Pick<FinishedJob, 'result' | 'error'>): void => {
      try {
        const db = deps.db ? deps.db() : (deps.ownedDb?.() ?? null);
        if (!db) return;
        logJobRun(db, {
          name: job.name,
          jobId: job.id ?? null,
          startedAt: new Date(started),
          finishedAt: new Date(),
          ...outcome,
        });
      } catch (error) {
        logger.warn({ err: error }, 'could not write the job log');
      }
    };
    logger.debug({ attempt: job.attemptsMade + 1 }, 'job started');
    const grace = whenGraceExpires(deps.shutdown, deps.shutdownGraceMs);
    try {
      const result = await Promise.race([definition.handle(parsed.data, ctx), grace.expired]);
      logger.debug({ ms: Date.now() - started }, 'job finished');
      logRun({ result });
      return result;
    } catch (error) {
      if (deps.shutdown.aborted) {
        // Whatever stopped it, a job interrupted by shutdown goes back to the queue as it was.
        logger.info({ ms: Date.now() - started }, 'job returned to the queue (shutdown)');
        return await putBack(job, token, Date.now());
      }
      const decision = decide(error);
      logger.debug({ ms: Date.now() - started, decision }, 'job stopped');
      switch (decision.kind) {
        case 'delay': {
          await deps.holds.hold(decision.host, decision.until);
          logger.warn(
            { host: decision.host, until: decision.until.toISOString() },
            'rate-limited: job delayed without using an attempt',
          );
          return await putBack(job, token, wakeAt(decision.until, deps.clock.now()));
        }
        case 'fail':
          logger.error({ reason: decision.reason }, 'job failed (not retried)');
          logRun({ error: decision.reason });
          throw new UnrecoverableError(decision.reason);
        case 'retry': {
          const attempts = job.opts.attempts ?? 1;
          if (job.attemptsMade + 1 >= attempts) {
            logRun({ error: `${decision.reason} (after ${String(attempts)} attempts)` });
          }
          logger.warn({ reason: decision.reason, attempt: job.attemptsMade + 1 }, 'job will retry');
          throw error;
        }
      }
    } finally {
      grace.cancel();
    }
  };
}
