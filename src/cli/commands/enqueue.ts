/** `northstar enqueue sync|rollup|writeback|report [--full] [--json]`: queue a job now. */
import type { Command } from 'commander';
import { z } from 'zod';
import { createContext, type GlobalOptions } from '../context.js';
import { CliError, EXIT_USAGE } from '../errors.js';
import { printResult } from '../output.js';
import { addQueuePrefixOption, parseFlag, redisTarget } from '../queue-options.js';

const Step = z.enum(['sync', 'rollup', 'writeback', 'report'], {
  error: 'must be one of sync, rollup, writeback, report',
});
type Step = z.infer<typeof Step>;

/** The job each step starts with, and its payload. */
export function stepRequest(step: Step, full: boolean): { name: string; payload: unknown } {
  switch (step) {
    case 'sync':
      return { name: 'sync-start', payload: { full } };
    case 'rollup':
      return { name: 'compute-rollups', payload: {} };
    case 'writeback':
      return { name: 'write-summaries', payload: {} };
    case 'report':
      return { name: 'export-report', payload: {} };
  }
}

interface EnqueueFlags extends GlobalOptions {
  full?: boolean;
  json?: boolean;
  queuePrefix?: string;
}

export function registerEnqueue(program: Command): void {
  const command = program
    .command('enqueue')
    .description('add a job to the queues now: sync, rollup, writeback or report')
    .argument('<job>', 'sync | rollup | writeback | report')
    .option('--full', 'for sync: full instead of incremental')
    .option('--json', 'print the queued job as JSON');
  addQueuePrefixOption(command).action(async (job: string, _o: unknown, cmd: Command) => {
    const step = parseFlag('<job>', Step, job);
    const flags = cmd.optsWithGlobals<EnqueueFlags>();
    if (flags.full === true && step !== 'sync') {
      throw new CliError('--full applies to sync only', EXIT_USAGE);
    }
    const target = redisTarget(flags, process.env);
    const app = createContext(flags);
    const { buildJobRegistry } = await import('../registry.js');
    const { createRedisConnection, redactRedisUrl } = await import('../../queue/connection.js');
    const { createQueueSet } = await import('../../queue/queues.js');
    const { enqueueJob } = await import('../../queue/enqueue.js');
    const registry = await buildJobRegistry(app);
    const request = stepRequest(step, flags.full === true);
    const entry = registry.get(request.name);
    if (!entry) throw new CliError(`job ${request.name} is not available in this build`);
    const payload = entry.definition.payload.parse(request.payload);
    const connection = createRedisConnection({ url: target.url, failFast: true });
    connection.on('error', () => undefined); // reported by the failing command below
    const queues = createQueueSet({ connection, prefix: target.prefix });
    try {
      const queued = await enqueueJob(queues, {
        queue: entry.definition.queue,
        name: request.name,
        payload,
        // One manual run of a step at a time: queuing it again while it waits is a no-op.
        jobId: request.name,
      });
      printResult({ json: flags.json === true }, queued, () =>
        [
          `queued ${queued.name} on ${queued.queue} (job ${queued.id})`,
          `  run by \`northstar worker\` (Redis ${redactRedisUrl(target.url)}, prefix ${target.prefix})`,
        ].join('\n'),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(
        `could not queue ${request.name} on ${redactRedisUrl(target.url)}: ${message}`,
      );
    } finally {
      await queues.close().catch(() => undefined);
      connection.disconnect();
      app.close();
    }
  });
}
