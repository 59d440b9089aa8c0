/**
 * What goes into the job log, the same under BullMQ and in-process: every failure (with its
 * reason), and the successes of the jobs a person follows — not the page-by-page fetches and
 * ingests of a sync.
 */
import { JobRunLog } from '../db/repositories/job-runs.js';
import type { Db } from '../db/open.js';

const PAGE_JOBS = new Set(['sync-jira', 'sync-github', 'ingest-page']);

export interface FinishedJob {
  name: string;
  jobId: string | null;
  startedAt: Date;
  finishedAt: Date;
  /** The handler's result (successes) — logged when it is a plain object. */
  result?: unknown;
  /** The reason it failed (failures). */
  error?: string;
}

export function logJobRun(db: Db, job: FinishedJob): void {
  const failed = job.error !== undefined;
  if (!failed && PAGE_JOBS.has(job.name)) return;
  const summary =
    !failed && typeof job.result === 'object' && job.result !== null && !Array.isArray(job.result)
      ? (job.result as Record<string, unknown>)
      : null;
  JobRunLog.for(db).record({
    job: job.name,
    jobId: job.jobId,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt.toISOString(),
    status: failed ? 'failed' : 'ok',
    summary,
    error: job.error ?? null,
  });
}
