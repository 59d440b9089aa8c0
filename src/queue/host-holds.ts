/**
 * A 429 (or a GitHub primary/secondary limit) applies to the whole client, not to one request:
 * nothing may go to that host before the announced time. A job that meets a limit records a hold
 * for its host in Redis, shared by every worker process; any job that would call a held host is
 * put back (delayed to the hold's end) before it sends a request. Holds only move later, and
 * expire by themselves.
 */
import type { Redis } from 'ioredis';
import type { SourceName } from '../lib/errors/index.js';

/** Sets the hold only if it ends later than the current one. */
const EXTEND_HOLD = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local ends = tonumber(ARGV[1])
if ends > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

export interface HostHolds {
  hold(host: SourceName, until: Date): Promise<void>;
  /** The end of the hold on any of these hosts that ends last, or null when none is held. */
  heldUntil(hosts: readonly SourceName[]): Promise<Date | null>;
  release(host: SourceName): Promise<void>;
}

export function createHostHolds(redis: Redis, prefix: string, now: () => Date): HostHolds {
  const key = (host: SourceName): string => `${prefix}:host-hold:${host}`;
  return {
    async hold(host, until) {
      const ttl = until.getTime() - now().getTime();
      if (ttl <= 0) return;
      await redis.eval(EXTEND_HOLD, 1, key(host), String(until.getTime()), String(ttl));
    },
    async heldUntil(hosts) {
      if (hosts.length === 0) return null;
      const values = await redis.mget(hosts.map(key));
      const ends = values.map((v) => Number(v ?? 0)).filter((t) => t > now().getTime());
      return ends.length === 0 ? null : new Date(Math.max(...ends));
    },
    async release(host) {
      await redis.del(key(host));
    },
  };
}
