/**
 * Real Redis for queue tests: every test gets its own key prefix on the shared server at
 * 127.0.0.1:6379 and deletes every key under it afterwards.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { parseConfigText, buildHierarchy } from '../../src/config/index.js';
import type { NorthstarConfig } from '../../src/config/schema.js';
import type { Hierarchy } from '../../src/domain/hierarchy.js';
import { createRedisConnection } from '../../src/queue/connection.js';

export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export function uniquePrefix(label: string): string {
  return `ns-test-${label}-${randomUUID().slice(0, 8)}`;
}

export function workerConnection(): Redis {
  return createRedisConnection({ url: REDIS_URL });
}

/** Deletes every key of a test prefix (queues, holds, lease). */
export async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

const MINIMAL_CONFIG = `
jira: { baseUrl: "http://127.0.0.1:1", email: "bot@example.com", apiToken: "x" }
bets:
  - id: bet
    name: Bet
    programs:
      - id: program
        name: Program
        projects:
          - id: project
            name: Project
            jira: { epics: [ABC-1] }
`;

export function minimalConfig(): { config: NorthstarConfig; hierarchy: Hierarchy } {
  const loaded = parseConfigText(MINIMAL_CONFIG, { file: 'test.yaml', env: {} });
  return { config: loaded.config, hierarchy: buildHierarchy(loaded.config) };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${options.what ?? 'condition'}`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 50));
  }
}
