/**
 * The contract every job follows: a name, the queue it runs on, a zod schema for its payload and
 * `handle(payload, ctx)`. The same handlers run under BullMQ (`northstar worker`) and in-process
 * (`northstar run`), so nothing here knows about Redis.
 *
 * Topology (SQLite is single-writer): jobs on the `sync` queue only FETCH — one page of one source
 * unit over HTTP, no database — so any number of workers on any machine can run them. They hand
 * the page to a job on the `ingest` queue, which runs only where the database file lives: it
 * upserts the page in one transaction, saves the cursor after the commit, and enqueues the fetch
 * of the next page (or, at the end of a unit, the rollup of the affected projects). `rollup`,
 * `writeback` and `report` jobs read and write the database, so they run there too.
 */
import type { z } from 'zod';
import type { NorthstarConfig } from '../config/schema.js';
import type { Db } from '../db/open.js';
import type { Hierarchy } from '../domain/hierarchy.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';

export type QueueName = 'sync' | 'ingest' | 'rollup' | 'writeback' | 'report';

/** Queues whose jobs never touch the database (safe on workers without the database file). */
export const FETCH_QUEUES: readonly QueueName[] = ['sync'];
/** Queues whose jobs need the database (run only by the worker that owns the file). */
export const DATABASE_QUEUES: readonly QueueName[] = ['ingest', 'rollup', 'writeback', 'report'];

/** A follow-up job a handler asks for (chaining: sync → rollup → writeback). */
export interface JobRequest {
  queue: QueueName;
  name: string;
  payload: unknown;
  /** Deterministic id: the same logical job is never queued twice at once. */
  jobId?: string;
}

export interface ProgressUpdate {
  /** What is being worked on, e.g. `jira epic:INFRA-123`. */
  label: string;
  done: number;
  /** Unknown while paging without a total. */
  total?: number;
}

export interface JobContext {
  config: NorthstarConfig;
  hierarchy: Hierarchy;
  clock: Clock;
  /** A child logger per job, with the job's name and id bound. */
  logger: Logger;
  /**
   * The database. Only handlers on DATABASE_QUEUES may call it; on a fetch-only worker it throws.
   */
  db(): Db;
  /** Queue a follow-up job; in-process runs execute it after the current one. */
  enqueue(request: JobRequest): Promise<void>;
  progress(update: ProgressUpdate): void;
  /** Set when the process is shutting down: long handlers stop at the next safe point. */
  signal: AbortSignal;
}

export interface JobDefinition<Payload, Result = unknown> {
  name: string;
  queue: QueueName;
  payload: z.ZodType<Payload>;
  handle(payload: Payload, ctx: JobContext): Promise<Result>;
}
