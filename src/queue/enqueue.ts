/**
 * Adding jobs. A request's deterministic id becomes BullMQ's deduplication id: while a job with
 * that id is waiting, delayed or running, adding it again is a no-op, so one source unit (or one
 * rollup, one write-back) is never queued twice at once. Unlike a fixed `jobId`, deduplication
 * ends when the job finishes, so the next cycle can queue it again although the finished job is
 * still kept for `status` (retention). One asked for while its twin runs waits for it to end.
 * https://docs.bullmq.io/guide/jobs/deduplication
 */
import type { JobsOptions } from 'bullmq';
import type { JobRequest } from '../jobs/types.js';
import type { QueueSet } from './queues.js';

export interface EnqueuedJob {
  queue: string;
  name: string;
  /** BullMQ's id of the job that now stands for the request (the existing one if deduplicated). */
  id: string;
  dedupId: string | null;
}

export function jobOptions(request: JobRequest): JobsOptions {
  // keepLastIfActive: a request that arrives while its twin RUNS is kept and runs right after,
  // never beside it. Without it a rollup asked for while the previous one was finishing would be
  // dropped, and the data that arrived in between would miss the stored snapshot.
  return request.jobId ? { deduplication: { id: request.jobId, keepLastIfActive: true } } : {};
}

export async function enqueueJob(queues: QueueSet, request: JobRequest): Promise<EnqueuedJob> {
  const job = await queues
    .get(request.queue)
    .add(request.name, request.payload, jobOptions(request));
  return {
    queue: request.queue,
    name: request.name,
    id: job.id ?? '',
    dedupId: request.jobId ?? null,
  };
}
