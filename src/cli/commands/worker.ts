/**
 * `northstar worker [--concurrency N] [--fetch-only] [--no-schedules]`: BullMQ workers and the
 * schedules from config, until SIGTERM / SIGINT (then a graceful shutdown, exit 0).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { createContext, type GlobalOptions } from '../context.js';
import { addQueuePrefixOption, parseFlag, redisTarget } from '../queue-options.js';

interface WorkerFlags extends GlobalOptions {
  concurrency: string;
  fetchOnly?: boolean;
  schedules: boolean;
  lockDuration: string;
  queuePrefix?: string;
}

const Concurrency = z.coerce.number().int().min(1).max(64);
const LockDuration = z.coerce.number().int().min(1_000).max(600_000);

export function registerWorker(program: Command): void {
  const command = program
    .command('worker')
    .description('run BullMQ workers and the schedules from config (needs Redis: REDIS_URL)')
    .option('--concurrency <n>', 'fetch jobs processed at once (database jobs: one at a time)', '4')
    .option('--fetch-only', 'never open the database: only fetch (for machines without the file)')
    .option('--no-schedules', 'do not upsert the job schedulers from config')
    .option(
      '--lock-duration <ms>',
      "how long a crashed worker's job stays locked before another worker takes it up",
      '30000',
    );
  addQueuePrefixOption(command).action(async (_options: unknown, cmd: Command) => {
    const flags = cmd.optsWithGlobals<WorkerFlags>();
    const concurrency = parseFlag('--concurrency', Concurrency, flags.concurrency);
    const lockDurationMs = parseFlag('--lock-duration', LockDuration, flags.lockDuration);
    const target = redisTarget(flags, process.env);
    const app = createContext(flags);
    const { buildJobRegistry } = await import('../registry.js');
    const { createRedisConnection, redactRedisUrl } = await import('../../queue/connection.js');
    const { startWorkerRuntime } = await import('../../queue/runtime.js');
    const connection = createRedisConnection({ url: target.url, name: 'northstar-worker' });
    connection.on('error', (error) => {
      app.logger.warn({ err: error, redis: redactRedisUrl(target.url) }, 'Redis connection error');
    });
    const runtime = await startWorkerRuntime({
      connection,
      prefix: target.prefix,
      registry: await buildJobRegistry(app),
      config: app.loaded.config,
      hierarchy: app.hierarchy,
      clock: app.clock,
      logger: app.logger,
      dbFile: app.dbFile,
      openDb: () => app.db(),
      closeDb: () => {
        app.close();
      },
      fetchOnly: flags.fetchOnly === true,
      concurrency,
      lockDurationMs,
      schedules: flags.schedules,
    });
    app.logger.info(
      { role: runtime.role(), prefix: target.prefix, pid: process.pid, concurrency },
      'worker started',
    );
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals): void => {
        app.logger.info({ signal }, 'worker shutting down');
        resolve();
      };
      process.once('SIGTERM', stop).once('SIGINT', stop);
    });
    const started = Date.now();
    await runtime.close();
    await connection.quit().catch(() => undefined);
    app.logger.info({ ms: Date.now() - started }, 'worker stopped');
  });
}
