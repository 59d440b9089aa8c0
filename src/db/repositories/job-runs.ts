/**
 * The job log (`job_runs`): one row per finished run of a job that matters to a person (a sync
 * start, a rollup, a write-back, a report) and one per failed job of any kind, with its reason.
 * Page fetches and ingests that succeed are not logged (thousands per full sync); the queue keeps
 * its own short history of those. The table keeps the newest `KEEP` rows.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../open.js';
import { perDatabase } from './per-database.js';

export interface JobRunRow {
  job: string;
  /** BullMQ job id, or `inline` for `northstar run` / `sync`. */
  jobId: string | null;
  startedAt: string;
  finishedAt: string;
  status: 'ok' | 'failed';
  summary: Record<string, unknown> | null;
  error: string | null;
}

const KEEP = 5_000;
/** Longest summary / error stored, in characters. */
const MAX_SUMMARY = 4_000;

export class JobRunLog {
  /** One instance (and one set of prepared statements) per open database. */
  static readonly for = perDatabase((db: Db) => new JobRunLog(db));

  private readonly insert: Database.Statement;
  private readonly prune: Database.Statement;
  private inserted = 0;

  constructor(db: Db) {
    const c = db.$client;
    this.insert = c.prepare(`
      INSERT INTO job_runs (job, job_id, started_at, finished_at, status, summary, error)
      VALUES (@job, @jobId, @startedAt, @finishedAt, @status, @summary, @error)`);
    this.prune = c.prepare(
      `DELETE FROM job_runs WHERE id <= (SELECT MAX(id) FROM job_runs) - ${String(KEEP)}`,
    );
  }

  record(row: JobRunRow): void {
    const summary = row.summary === null ? null : JSON.stringify(row.summary);
    this.insert.run({
      ...row,
      summary: summary !== null && summary.length > MAX_SUMMARY ? '{"truncated":true}' : summary,
      error: row.error?.slice(0, MAX_SUMMARY) ?? null,
    });
    if (++this.inserted % 100 === 1) this.prune.run();
  }
}
