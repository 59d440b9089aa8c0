/**
 * The config's `schedule:` as BullMQ job schedulers. On start the owner upserts one scheduler per
 * entry (a changed cron pattern replaces the old one) and removes every northstar scheduler that
 * is no longer in the config, so what runs is always what the file says.
 * https://docs.bullmq.io/guide/job-schedulers
 */
import type { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../lib/logger.js';
import type { QueueSet } from './queues.js';

/** Which job each `schedule:` entry starts. */
export const SCHEDULED_JOBS: Readonly<Record<string, string>> = {
  sync: 'sync-start',
  writeback: 'write-summaries',
  report: 'export-report',
};

const SCHEDULER_PREFIX = 'schedule:';

export function schedulerId(entry: string): string {
  return `${SCHEDULER_PREFIX}${entry}`;
}

export interface ScheduleSyncResult {
  upserted: { id: string; queue: string; job: string; pattern: string }[];
  removed: string[];
  /** Entries whose job is not registered in this build (logged, not scheduled). */
  skipped: string[];
}

export async function syncSchedules(options: {
  queues: QueueSet;
  registry: JobRegistry;
  /** Entry → cron pattern (UTC). */
  schedule: Readonly<Record<string, string | undefined>>;
  logger: Logger;
}): Promise<ScheduleSyncResult> {
  const { queues, registry, schedule, logger } = options;
  const result: ScheduleSyncResult = { upserted: [], removed: [], skipped: [] };
  const wanted = new Map<string, string>(); // scheduler id → queue name

  for (const [entry, pattern] of Object.entries(schedule)) {
    if (pattern === undefined) continue;
    const jobName = SCHEDULED_JOBS[entry];
    const job = jobName === undefined ? undefined : registry.get(jobName);
    if (jobName === undefined || job === undefined) {
      logger.warn({ entry, job: jobName }, 'schedule entry has no job in this build: skipped');
      result.skipped.push(entry);
      continue;
    }
    const id = schedulerId(entry);
    const queue = job.definition.queue;
    await queues
      .get(queue)
      .upsertJobScheduler(id, { pattern, tz: 'UTC' }, { name: jobName, data: {} });
    wanted.set(id, queue);
    result.upserted.push({ id, queue, job: jobName, pattern });
  }

  for (const queue of queues.all()) {
    for (const scheduler of await queue.getJobSchedulers()) {
      const id = scheduler.key;
      if (!id.startsWith(SCHEDULER_PREFIX) || wanted.get(id) === queue.name) continue;
      await queue.removeJobScheduler(id);
      result.removed.push(id);
    }
  }
  if (result.removed.length > 0) logger.info({ removed: result.removed }, 'schedules removed');
  return result;
}
