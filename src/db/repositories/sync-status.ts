/** Read-only views of the sync state for `northstar status`. */
import { desc, isNull } from 'drizzle-orm';
import type { Db } from '../open.js';
import { jobRuns, quarantinedItems, rateLimits, sourceCursors } from '../schema.js';

export interface UnitStatus {
  source: string;
  unit: string;
  lastSuccessAt: string | null;
  /** Seconds since the last success (null: never succeeded). */
  lagSeconds: number | null;
  watermark: string | null;
  /** A run in progress: where it resumes. */
  runStartedAt: string | null;
  nextPage: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** GitHub: when the list was last read whole (where deleted items are found). */
  fullReadAt: string | null;
}

export interface QuarantinedStatus {
  source: string;
  itemRef: string;
  unit: string;
  reason: string;
  lastSeenAt: string;
}

export interface RateLimitStatus {
  source: string;
  limit: number | null;
  remaining: number | null;
  resetAt: string | null;
  observedAt: string;
}

export interface RecentFailure {
  job: string;
  jobId: string | null;
  at: string;
  error: string | null;
}

export interface RecentRun {
  job: string;
  jobId: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  error: string | null;
}

export interface SyncStatus {
  units: UnitStatus[];
  quarantined: { total: number; items: QuarantinedStatus[] };
  rateLimits: RateLimitStatus[];
  /** The newest entries of the job log (`job_runs`), newest first. */
  recentRuns: RecentRun[];
  recentFailures: RecentFailure[];
}

const SHOWN = 20;

export function readSyncStatus(db: Db, now: Date): SyncStatus {
  const units = db
    .select()
    .from(sourceCursors)
    .orderBy(sourceCursors.source, sourceCursors.unit)
    .all()
    .map((c) => ({
      source: c.source,
      unit: c.unit,
      lastSuccessAt: c.lastSuccessAt,
      lagSeconds:
        c.lastSuccessAt === null
          ? null
          : Math.max(0, Math.round((now.getTime() - Date.parse(c.lastSuccessAt)) / 1000)),
      watermark: c.watermark,
      runStartedAt: c.runStartedAt,
      nextPage: c.nextPage,
      lastError: c.lastError,
      lastErrorAt: c.lastErrorAt,
      fullReadAt: c.fullReadAt,
    }));
  const open = db
    .select()
    .from(quarantinedItems)
    .where(isNull(quarantinedItems.resolvedAt))
    .orderBy(desc(quarantinedItems.lastSeenAt))
    .all();
  const runs = db.select().from(jobRuns).orderBy(desc(jobRuns.id)).limit(200).all();
  const failures = runs.filter((r) => r.status === 'failed').slice(0, SHOWN);
  return {
    units,
    quarantined: {
      total: open.length,
      items: open.slice(0, SHOWN).map((q) => ({
        source: q.source,
        itemRef: q.itemRef,
        unit: q.unit,
        reason: q.reason,
        lastSeenAt: q.lastSeenAt,
      })),
    },
    rateLimits: db.select().from(rateLimits).orderBy(rateLimits.source).all(),
    recentRuns: runs.slice(0, 10).map((r) => ({
      job: r.job,
      jobId: r.jobId,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      status: r.status,
      error: r.error,
    })),
    recentFailures: failures.map((r) => ({
      job: r.job,
      jobId: r.jobId,
      at: r.finishedAt ?? r.startedAt,
      error: r.error,
    })),
  };
}
