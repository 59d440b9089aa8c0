/**
 * Who owns the database. SQLite has one writer: every job on a database queue (`ingest`,
 * `rollup`, `writeback`, `report`) must run in the one process that has the database file, while
 * fetch-only jobs (`sync`) may run in any number of workers on any machine.
 *
 * The owner holds a lease in Redis (`<prefix>:db-owner`, renewed every third of its TTL). A second
 * worker started on the same host with the same file stands by as fetch-only and takes over when
 * the lease ends — at once if the owner's process is gone (a crash on this host), otherwise when
 * the lease expires. A worker on another host, or with another file, never takes over: it would
 * write to a different database. Start such workers with `--fetch-only`.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const LeaseHolder = z.object({
  host: z.string(),
  pid: z.int(),
  file: z.string(),
  id: z.string(),
  since: z.string(),
});
export type LeaseHolder = z.infer<typeof LeaseHolder>;

/** Renew if we hold it; take it if it is free; report who holds it otherwise. */
const RENEW = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export type LeaseAttempt =
  { owner: true } | { owner: false; holder: LeaseHolder | null; canTakeOver: boolean };

export interface DbOwnerLease {
  readonly me: LeaseHolder;
  /** Acquires or renews the lease. */
  tryAcquire(): Promise<LeaseAttempt>;
  release(): Promise<void>;
  holder(): Promise<LeaseHolder | null>;
}

export const LEASE_TTL_MS = 15_000;

export function leaseKey(prefix: string): string {
  return `${prefix}:db-owner`;
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export async function readLeaseHolder(redis: Redis, prefix: string): Promise<LeaseHolder | null> {
  const raw = await redis.get(leaseKey(prefix));
  if (raw === null) return null;
  try {
    return LeaseHolder.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function createDbOwnerLease(options: {
  redis: Redis;
  prefix: string;
  file: string;
  ttlMs?: number;
}): DbOwnerLease {
  const { redis, prefix, file } = options;
  const ttl = options.ttlMs ?? LEASE_TTL_MS;
  const key = leaseKey(prefix);
  const me: LeaseHolder = {
    host: hostname(),
    pid: process.pid,
    file,
    id: randomUUID(),
    since: new Date().toISOString(),
  };
  const value = JSON.stringify(me);

  async function attempt(): Promise<boolean> {
    return (await redis.eval(RENEW, 1, key, value, String(ttl))) === 1;
  }

  return {
    me,
    async tryAcquire() {
      if (await attempt()) return { owner: true };
      const raw = await redis.get(key);
      const holder = await readLeaseHolder(redis, prefix);
      const sameDatabase = holder !== null && holder.host === me.host && holder.file === me.file;
      // The previous owner on this host crashed: its lease is stale, take it now.
      if (sameDatabase && raw !== null && processGone(holder.pid)) {
        await redis.eval(RELEASE, 1, key, raw);
        if (await attempt()) return { owner: true };
      }
      return { owner: false, holder, canTakeOver: holder === null || sameDatabase };
    },
    async release() {
      await redis.eval(RELEASE, 1, key, value);
    },
    holder: () => readLeaseHolder(redis, prefix),
  };
}
