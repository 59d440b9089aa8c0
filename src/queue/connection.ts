/**
 * Redis connections for BullMQ. Workers need `maxRetriesPerRequest: null` (a blocking command
 * must wait out a Redis restart instead of failing), and every connection reconnects on its own
 * with a capped backoff, so a worker carries on when Redis comes back.
 * https://docs.bullmq.io/guide/going-to-production#maxretriesperrequest
 */
import { Redis, type RedisOptions } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** Prefix of every key northstar writes (BullMQ's own default is `bull`). */
export const DEFAULT_KEY_PREFIX = 'northstar';

export interface RedisConnectionOptions {
  url: string;
  /**
   * Fail commands at once while disconnected (for short-lived commands such as `status`) instead
   * of waiting for the reconnection (workers).
   */
  failFast?: boolean;
  /** Connection name shown by `CLIENT LIST`. */
  name?: string;
}

/** Waits between reconnection attempts: 100 ms, 200 ms, … capped at 5 s; never gives up. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt - 1, 6), 5_000);
}

export function redisOptions(options: RedisConnectionOptions): RedisOptions {
  const failFast = options.failFast ?? false;
  return {
    maxRetriesPerRequest: failFast ? 1 : null,
    enableOfflineQueue: !failFast,
    connectTimeout: failFast ? 2_000 : 10_000,
    retryStrategy: failFast ? (attempt) => (attempt > 2 ? null : 200) : reconnectDelay,
    ...(options.name ? { connectionName: options.name } : {}),
  };
}

export function createRedisConnection(options: RedisConnectionOptions): Redis {
  return new Redis(options.url, redisOptions(options));
}

/** `redis://user:password@host` → `redis://host` for logs and errors. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(invalid REDIS_URL)';
  }
}
