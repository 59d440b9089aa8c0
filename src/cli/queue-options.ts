/** Flags and environment shared by the commands that talk to Redis (worker, enqueue, status). */
import type { Command } from 'commander';
import { z } from 'zod';
import type { Env } from './context.js';
import { CliError, EXIT_USAGE } from './errors.js';

export const DEFAULT_QUEUE_PREFIX = 'northstar';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export const QueuePrefix = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
  error: 'letters, digits, "_", "." and "-" only (at most 64)',
});

export function addQueuePrefixOption(command: Command): Command {
  return command.option(
    '--queue-prefix <prefix>',
    `Redis key prefix (env NORTHSTAR_QUEUE_PREFIX, default ${DEFAULT_QUEUE_PREFIX})`,
  );
}

export interface RedisTarget {
  url: string;
  prefix: string;
}

export function redisTarget(options: { queuePrefix?: string }, env: Env): RedisTarget {
  const raw = options.queuePrefix ?? env['NORTHSTAR_QUEUE_PREFIX'] ?? DEFAULT_QUEUE_PREFIX;
  const prefix = QueuePrefix.safeParse(raw);
  if (!prefix.success) {
    throw new CliError(
      `--queue-prefix: ${prefix.error.issues[0]?.message ?? 'invalid'}`,
      EXIT_USAGE,
    );
  }
  return { url: env['REDIS_URL'] ?? DEFAULT_REDIS_URL, prefix: prefix.data };
}

/** Parses a flag with a zod schema; a bad value is a usage error naming the flag. */
export function parseFlag<T>(flag: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CliError(`${flag}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, EXIT_USAGE);
}
