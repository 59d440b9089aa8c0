/**
 * The in-process runner (no Redis): runs a job and every follow-up job it asks for until none
 * is left — what `northstar sync` and `northstar run` use, with the same handlers as the BullMQ
 * workers and the same error policy in miniature:
 *
 * - `RateLimitedError`: wait until `resetAt`, then run the job again (does not use an attempt);
 * - other retryable errors (`TransientError`): exponential backoff with jitter, bounded attempts;
 * - `AuthError`: stop the whole run at once (every other request would fail the same way);
 * - anything else: the job fails with its message and the rest of the run goes on.
 *
 * Fetch-only jobs (`sync` queue) run `concurrency` at a time per job name — one name per source
 * (`sync-jira`, `sync-github`), so each host gets its own requests in flight (`sync.concurrency`
 * is per source) and a backlog of one source's pages never holds the other's back: GitHub's
 * conditional requests wait on the network while Jira's pages keep this thread busy. Jobs that
 * write the database run one at a time (SQLite has one writer), before any waiting fetch so pages
 * do not pile up in memory. Requests for job names the runner was not given are recorded and
 * skipped. The same job id is run once per run (as BullMQ's deterministic ids deduplicate).
 */
import type { z } from 'zod';
import { AuthError, RateLimitedError, SourceError } from '../lib/errors/index.js';
import type { Logger } from '../lib/logger.js';
import { logJobRun, type FinishedJob } from './run-log.js';
import type { JobContext, JobDefinition, JobRequest, ProgressUpdate } from './types.js';

/** A job definition with its payload type erased, as the runner holds them. */
export interface RunnableJob {
  name: string;
  queue: JobDefinition<unknown>['queue'];
  payload: z.ZodType;
  handle(payload: unknown, ctx: JobContext): Promise<unknown>;
}

export function runnable<P, R>(definition: JobDefinition<P, R>): RunnableJob {
  return {
    name: definition.name,
    queue: definition.queue,
    payload: definition.payload,
    handle: (payload, ctx) => definition.handle(payload as P, ctx),
  };
}

export interface RetryPolicy {
  /** Attempts for transient failures (the first run included). */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Rate-limit waits allowed per job before it fails (waits use no attempt). */
  maxRateLimitWaits: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRateLimitWaits: 20,
};

export interface RunnerProgress {
  completed: number;
  queued: number;
  running: number;
  /** The handler's own report, when this event comes from `ctx.progress`. */
  update?: ProgressUpdate;
}

export interface JobOutcome {
  name: string;
  jobId: string | undefined;
  payload: unknown;
  result: unknown;
}

export interface FailedJob {
  name: string;
  jobId: string | undefined;
  error: string;
  errorName: string;
}

export interface InlineRunReport {
  completed: number;
  failed: FailedJob[];
  /** Requests for jobs the runner does not know (e.g. a queue stage not given to it). */
  skipped: JobRequest[];
  /** True when the run stopped early (auth failure or abort signal). */
  stopped: boolean;
}

export interface InlineRunnerOptions {
  jobs: readonly RunnableJob[];
  /** Everything of the job context but what the runner provides per job. */
  context: Omit<JobContext, 'enqueue' | 'progress' | 'logger' | 'signal'> & { logger: Logger };
  signal?: AbortSignal;
  /** Fetch jobs in flight at once per job name, i.e. per source (default 4). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  onProgress?: (progress: RunnerProgress) => void;
  onResult?: (outcome: JobOutcome) => void;
  /** Injected for tests; default: a timer that stops early on abort. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, Math.max(0, ms));
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function isRetryable(error: unknown): boolean {
  return error instanceof SourceError && error.retryable;
}

export async function runInline(
  first: JobRequest | readonly JobRequest[],
  options: InlineRunnerOptions,
): Promise<InlineRunReport> {
  const byName = new Map(options.jobs.map((job) => [job.name, job]));
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const controller = new AbortController();
  const outer = options.signal;
  const onOuterAbort = (): void => {
    controller.abort();
  };
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = controller.signal;

  /** Fetch jobs by name (one lane per source), each lane first in, first out. */
  const fetchLanes = new Map<string, { queue: JobRequest[]; running: number }>();
  const writeQueue: JobRequest[] = [];
  const seen = new Set<string>();
  const report: InlineRunReport = { completed: 0, failed: [], skipped: [], stopped: false };
  let runningWrite = 0;
  const running = new Set<Promise<void>>();

  const progress = (update?: ProgressUpdate): void => {
    let queued = writeQueue.length;
    let runningFetch = 0;
    for (const lane of fetchLanes.values()) {
      queued += lane.queue.length;
      runningFetch += lane.running;
    }
    options.onProgress?.({
      completed: report.completed,
      queued,
      running: runningFetch + runningWrite,
      ...(update ? { update } : {}),
    });
  };
  const laneOf = (name: string) => {
    let lane = fetchLanes.get(name);
    if (!lane) {
      lane = { queue: [], running: 0 };
      fetchLanes.set(name, lane);
    }
    return lane;
  };
  const clearQueues = (): void => {
    for (const lane of fetchLanes.values()) lane.queue.length = 0;
    writeQueue.length = 0;
  };

  const add = (request: JobRequest): void => {
    if (request.jobId !== undefined) {
      const key = `${request.name}\u0000${request.jobId}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    const job = byName.get(request.name);
    if (!job) {
      report.skipped.push(request);
      options.context.logger.info(
        { job: request.name, queue: request.queue },
        'job not run here (no handler)',
      );
      return;
    }
    if (job.queue === 'sync') laneOf(job.name).queue.push(request);
    else writeQueue.push(request);
  };

  async function execute(request: JobRequest, job: RunnableJob, startedAt: Date): Promise<void> {
    const logger = options.context.logger.child({
      job: job.name,
      jobId: request.jobId ?? 'inline',
    });
    const followUps: JobRequest[] = [];
    const ctx: JobContext = {
      ...options.context,
      logger,
      signal,
      enqueue: (next) => {
        followUps.push(next);
        return Promise.resolve();
      },
      progress: (update) => {
        progress(update);
      },
    };
    let attempt = 0;
    let waits = 0;
    for (;;) {
      followUps.length = 0;
      try {
        const payload = job.payload.parse(request.payload);
        const result = await job.handle(payload, ctx);
        report.completed++;
        logRun(job, request, startedAt, { result });
        for (const next of followUps) add(next);
        options.onResult?.({ name: job.name, jobId: request.jobId, payload, result });
        return;
      } catch (error) {
        if (signal.aborted) throw error;
        if (error instanceof RateLimitedError && waits < policy.maxRateLimitWaits) {
          waits++;
          const waitMs = error.resetAt.getTime() - Date.now();
          logger.warn({ resetAt: error.resetAt.toISOString(), waitMs }, 'rate limited: waiting');
          await sleep(waitMs + 20, signal);
          continue;
        }
        attempt++;
        if (
          isRetryable(error) &&
          !(error instanceof RateLimitedError) &&
          attempt < policy.attempts
        ) {
          const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
          const delay = cap / 2 + random() * (cap / 2);
          logger.warn(
            { attempt, delayMs: Math.round(delay), err: error },
            'transient failure: retrying',
          );
          await sleep(delay, signal);
          continue;
        }
        throw error;
      }
    }
  }

  /** Into the job log (`job_runs`); a database that cannot take it never fails the job. */
  function logRun(
    job: RunnableJob,
    request: JobRequest,
    startedAt: Date,
    outcome: Pick<FinishedJob, 'result' | 'error'>,
  ): void {
    try {
      logJobRun(options.context.db(), {
        name: job.name,
        jobId: request.jobId ?? 'inline',
        startedAt,
        finishedAt: new Date(),
        ...outcome,
      });
    } catch (error) {
      options.context.logger.warn({ err: error }, 'could not write the job log');
    }
  }

  function start(request: JobRequest, job: RunnableJob): void {
    const started = new Date();
    const isFetch = job.queue === 'sync';
    if (isFetch) laneOf(job.name).running++;
    else runningWrite++;
    const task = execute(request, job, started)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        const errorName = error instanceof Error ? error.name : 'Error';
        report.failed.push({ name: job.name, jobId: request.jobId, error: message, errorName });
        if (!signal.aborted) logRun(job, request, started, { error: message });
        options.context.logger.error({ job: job.name, err: error }, 'job failed');
        if (error instanceof AuthError) {
          // Every other request to that source would be refused the same way: stop now.
          report.stopped = true;
          clearQueues();
        }
      })
      .finally(() => {
        if (isFetch) laneOf(job.name).running--;
        else runningWrite--;
        running.delete(task);
        progress();
      });
    running.add(task);
  }

  (Array.isArray(first) ? first : [first as JobRequest]).forEach(add);
  try {
    for (;;) {
      if (signal.aborted) {
        report.stopped = true;
        clearQueues();
      }
      // Writers first (one at a time), then each source's fetches up to the concurrency.
      while (runningWrite === 0 && writeQueue.length > 0) {
        const request = writeQueue.shift();
        if (request) start(request, byName.get(request.name) as RunnableJob);
      }
      for (const lane of fetchLanes.values()) {
        while (lane.running < concurrency && lane.queue.length > 0) {
          const request = lane.queue.shift();
          if (request) start(request, byName.get(request.name) as RunnableJob);
        }
      }
      if (running.size === 0) break;
      await Promise.race(running);
    }
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
  return report;
}
