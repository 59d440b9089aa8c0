/**
 * `northstar status [--json]`: per source unit the last success, lag and cursor; queue depths;
 * failed jobs with their reasons; quarantined items; the API budget left. Works without Redis
 * (the embedded `northstar run` setup): the queue part then says Redis is not reachable.
 */
import type { Command } from 'commander';
import type { SyncStatus } from '../../db/repositories/sync-status.js';
import type { QueueStatus } from '../../queue/status.js';
import { createContext, type GlobalOptions } from '../context.js';
import { printResult } from '../output.js';
import { addQueuePrefixOption, redisTarget } from '../queue-options.js';

interface StatusFlags extends GlobalOptions {
  json?: boolean;
  queuePrefix?: string;
}

export interface StatusReport extends SyncStatus {
  generatedAt: string;
  redis: { url: string; prefix: string; error: string | null };
  queue: QueueStatus | null;
}

function lag(seconds: number | null): string {
  if (seconds === null) return 'never';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  return `${Math.round(seconds / 3600)}h`;
}

export function formatStatus(s: StatusReport): string {
  const lines: string[] = ['Source units:'];
  if (s.units.length === 0) lines.push('  (none synced yet)');
  for (const u of s.units) {
    const cursor =
      u.nextPage !== null ? `resumes at ${u.nextPage}` : `watermark ${u.watermark ?? '-'}`;
    const error = u.lastError ? `  last error ${u.lastErrorAt ?? ''}: ${u.lastError}` : '';
    const whole = u.source === 'github' ? `  read whole ${u.fullReadAt ?? 'never'}` : '';
    lines.push(
      `  ${u.source} ${u.unit}  last success ${u.lastSuccessAt ?? 'never'} (lag ${lag(u.lagSeconds)})  ${cursor}${whole}${error}`,
    );
  }
  lines.push('', `Queues (Redis ${s.redis.url}, prefix ${s.redis.prefix}):`);
  if (s.queue === null) lines.push(`  not reachable: ${s.redis.error ?? 'unknown error'}`);
  else {
    for (const q of s.queue.queues) {
      lines.push(
        `  ${q.queue.padEnd(10)} waiting ${q.waiting}  active ${q.active}  delayed ${q.delayed}  failed ${q.failed}  completed ${q.completed}`,
      );
    }
    const owner = s.queue.databaseOwner;
    lines.push(
      `  database owner: ${owner ? `${owner.host} pid ${owner.pid} (${owner.file})` : 'no worker'}`,
    );
    for (const h of s.queue.holds) lines.push(`  ${h.host} rate-limited until ${h.until}`);
    for (const sc of s.queue.schedules)
      lines.push(`  schedule ${sc.id}: ${sc.job} "${sc.pattern ?? ''}" next ${sc.next ?? '-'}`);
    lines.push('', `Failed jobs (${s.queue.failed.length}):`);
    for (const f of s.queue.failed) {
      lines.push(
        `  ${f.failedAt ?? ''} ${f.queue}/${f.name} #${f.id} after ${f.attempts} attempt(s): ${f.reason}`,
      );
    }
  }
  lines.push('', `Quarantined items (${s.quarantined.total}):`);
  for (const q of s.quarantined.items)
    lines.push(`  ${q.source} ${q.itemRef} (${q.unit}): ${q.reason}`);
  lines.push('', 'Recent job runs:');
  if (s.recentRuns.length === 0) lines.push('  (none yet)');
  for (const r of s.recentRuns) {
    const error = r.error !== null ? `: ${r.error}` : '';
    lines.push(`  ${r.finishedAt ?? r.startedAt} ${r.job} ${r.status}${error}`);
  }
  lines.push('', 'API budget:');
  if (s.rateLimits.length === 0) lines.push('  (not observed yet)');
  for (const r of s.rateLimits) {
    lines.push(
      `  ${r.source}: ${r.remaining ?? '?'} of ${r.limit ?? '?'} left, resets ${r.resetAt ?? '?'} (seen ${r.observedAt})`,
    );
  }
  return lines.join('\n');
}

export function registerStatus(program: Command): void {
  const command = program
    .command('status')
    .description(
      'last sync per source, lag, queue depths, failures, quarantined items, rate-limit budget',
    )
    .option('--json', 'print the status as JSON');
  addQueuePrefixOption(command).action(async (_o: unknown, cmd: Command) => {
    const flags = cmd.optsWithGlobals<StatusFlags>();
    const target = redisTarget(flags, process.env);
    const app = createContext(flags);
    const { readSyncStatus } = await import('../../db/repositories/sync-status.js');
    const { createRedisConnection, redactRedisUrl } = await import('../../queue/connection.js');
    const { createQueueSet } = await import('../../queue/queues.js');
    const { readQueueStatus } = await import('../../queue/status.js');
    try {
      const now = app.clock.now();
      const sync = readSyncStatus(app.db(), now);
      const connection = createRedisConnection({ url: target.url, failFast: true });
      let redisError: unknown = null;
      connection.on('error', (error: unknown) => (redisError ??= error));
      let queue: QueueStatus | null = null;
      const queues = createQueueSet({ connection, prefix: target.prefix });
      try {
        // Fail fast, with the connection's own error, before asking BullMQ anything.
        await new Promise<void>((resolve, reject) => {
          connection
            .once('ready', resolve)
            .once('error', reject)
            .once('end', () => {
              reject(new Error('connection closed'));
            });
        });
        queue = await readQueueStatus(queues, connection, () => app.clock.now());
      } catch (error) {
        redisError ??= error;
      } finally {
        await queues.close().catch(() => undefined);
        connection.disconnect();
      }
      const report: StatusReport = {
        generatedAt: now.toISOString(),
        ...sync,
        redis: {
          url: redactRedisUrl(target.url),
          prefix: target.prefix,
          error:
            queue === null
              ? redisError instanceof Error
                ? redisError.message
                : String(redisError)
              : null,
        },
        queue,
      };
      printResult({ json: flags.json === true }, report, () => formatStatus(report));
    } finally {
      app.close();
    }
  });
}
