/**
 * Adding jobs. A request's deterministic id becomes BullMQ's deduplication id: while a job with
 * that id is waiting, delayed or running, adding it again is a no-op, so one source unit (or one
 * rollup, one write-back) is never queued twice at once. Unlike a fixed `jobId`, deduplication
 * ends when the job finishes, so the next cycle can queue it again although the finished job is
 * still kept for `status` (retention).
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
  return request.jobId ? { deduplication: { id: request.jobId } } : {};
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
