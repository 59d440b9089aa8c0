/**
 * The world of the queue's end-to-end tests: a small seeded org served by the Jira and GitHub
 * emulators, a config for it, a unique Redis prefix, and the real `northstar` CLI started as
 * separate processes (workers that can be signalled and killed).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  emulatorEnvironment,
  orgConfigOptions,
  renderOrgConfig,
} from '../../src/cli/emulate/config.js';
import { startOrgEmulators, type OrgEmulators } from '../../src/emulators/org/index.js';
import { buildHierarchy, loadConfigFile } from '../../src/config/index.js';
import { closeDatabase, openDatabase } from '../../src/db/open.js';
import { computeRollups } from '../../src/jobs/compute-rollups.js';
import { ManualClock } from '../../src/lib/clock.js';
import { jobContext } from '../helpers/job-context.js';
import { createQueueSet, type QueueSet } from '../../src/queue/queues.js';
import { runCli, startCli, type CliResult, type RunningCli } from '../helpers/cli.js';
import { deletePrefix, REDIS_URL, uniquePrefix, waitFor, workerConnection } from './helpers.js';

export interface WorldOptions {
  seed: string;
  issues: number;
  prs: number;
  /** Extra top-level YAML (schedule:, writeback:, …). */
  extraConfig?: string;
}

export interface OrgWorld {
  org: OrgEmulators;
  dir: string;
  configFile: string;
  /** The environment every CLI process of this world gets. */
  env: Record<string, string>;
  newPrefix(label: string): string;
  close(): Promise<void>;
}

export async function startWorld(options: WorldOptions): Promise<OrgWorld> {
  const org = await startOrgEmulators({
    seed: options.seed,
    issues: options.issues,
    prs: options.prs,
  });
  const dir = mkdtempSync(join(tmpdir(), 'ns-world-'));
  const configFile = join(dir, 'northstar.yaml');
  const extra = [
    `report:\n  outDir: ${JSON.stringify(join(dir, 'reports'))}\n`,
    options.extraConfig ?? '',
  ].join('');
  writeFileSync(configFile, `${renderOrgConfig(org.org, orgConfigOptions(org))}\n${extra}`);
  const prefixes: string[] = [];
  return {
    org,
    dir,
    configFile,
    env: {
      ...emulatorEnvironment(org),
      NORTHSTAR_CONFIG: configFile,
      REDIS_URL,
      LOG_LEVEL: 'warn',
    },
    newPrefix(label) {
      const prefix = uniquePrefix(label);
      prefixes.push(prefix);
      return prefix;
    },
    async close() {
      for (const prefix of prefixes) await deletePrefix(prefix);
      await org.close();
    },
  };
}

export function dbFileIn(world: OrgWorld, name: string): string {
  return join(world.dir, `${name}.db`);
}

export interface WorkerOptions {
  db: string;
  prefix: string;
  args?: string[];
  env?: Record<string, string>;
}

export function startWorker(world: OrgWorld, options: WorkerOptions): RunningCli {
  return startCli(['worker', '--lock-duration', '2000', ...(options.args ?? [])], {
    env: {
      ...world.env,
      NORTHSTAR_DB: options.db,
      NORTHSTAR_QUEUE_PREFIX: options.prefix,
      ...options.env,
    },
    timeoutMs: 170_000,
  });
}

export function cli(
  world: OrgWorld,
  args: string[],
  options: { db: string; prefix?: string; env?: Record<string, string> },
): Promise<CliResult> {
  return runCli(args, {
    env: {
      ...world.env,
      NORTHSTAR_DB: options.db,
      ...(options.prefix ? { NORTHSTAR_QUEUE_PREFIX: options.prefix } : {}),
      ...options.env,
    },
    timeoutMs: 120_000,
  });
}

/** Jobs waiting, running or delayed — but not the next run a schedule holds ready. */
export async function pendingJobs(queues: QueueSet): Promise<number> {
  let pending = 0;
  for (const queue of queues.all()) {
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active');
    pending += Object.values(counts).reduce((a, b) => a + b, 0);
    const delayed = await queue.getDelayed();
    pending += delayed.filter((j) => !j.repeatJobKey).length;
  }
  return pending;
}

/** Waits until no job of the prefix waits, runs or is delayed (seen three times in a row). */
export async function waitIdle(prefix: string, timeoutMs = 90_000): Promise<void> {
  const connection = workerConnection();
  const queues = createQueueSet({ connection, prefix });
  let quiet = 0;
  try {
    await waitFor(
      async () => {
        quiet = (await pendingJobs(queues)) === 0 ? quiet + 1 : 0;
        return quiet >= 3;
      },
      { timeoutMs, intervalMs: 200, what: `queues of ${prefix} to drain` },
    );
  } finally {
    await queues.close();
    connection.disconnect();
  }
}

/** Columns that record when northstar did something, not what it stored. */
const VOLATILE = new Set([
  'synced_at',
  'first_seen_at',
  'last_seen_at',
  'computed_at',
  'observed_at',
  'started_at',
  'finished_at',
]);

/** Every row of the given tables, volatile columns dropped, in a stable order. */
export function dumpTables(file: string, tables: readonly string[]): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      out[table] = rows
        .map((row) =>
          Object.fromEntries(Object.entries(row).filter(([column]) => !VOLATILE.has(column))),
        )
        .map((row) => JSON.stringify(row))
        .sort()
        .map((text) => JSON.parse(text) as unknown);
    }
    return out;
  } finally {
    db.close();
  }
}

/**
 * Every row of `tables` in each database, the rollups of all of them recomputed first at one
 * instant. Rollups read the clock (an item's "no update for N days", stale counts, forecasts):
 * snapshots computed minutes apart differ whenever an item's age crosses a whole day in between,
 * whatever was synced. Recomputed with one clock, they differ only where the synced data does.
 */
export async function dumpsAtOneInstant(
  world: OrgWorld,
  files: readonly string[],
  tables: readonly string[],
): Promise<Record<string, unknown[]>[]> {
  const { config } = loadConfigFile(world.configFile, world.env);
  const hierarchy = buildHierarchy(config);
  const clock = new ManualClock(new Date());
  const nodes = hierarchy.bets.reduce(
    (n, bet) => n + 1 + bet.programs.reduce((m, program) => m + 1 + program.projects.length, 0),
    0,
  );
  for (const file of files) {
    const db = openDatabase({ file });
    try {
      // The run itself must have rolled every node up; only then are they recomputed.
      const { stored } = db.$client
        .prepare('SELECT count(DISTINCT node_id) AS stored FROM rollup_snapshots')
        .get() as { stored: number };
      if (stored !== nodes)
        throw new Error(`${file}: rollups stored for ${stored} of ${nodes} nodes`);
      await computeRollups(jobContext({ config, hierarchy, clock, db }), {});
    } finally {
      closeDatabase(db);
    }
  }
  return files.map((file) => dumpTables(file, tables));
}

/** The tables a sync, and the rollup after it, fill: what "the same database" means. */
export const DATA_TABLES = [
  'jira_issues',
  'jira_issue_keys',
  'jira_issue_links',
  'jira_status_transitions',
  'github_issues',
  'github_pull_requests',
  'pull_request_jira_keys',
  'quarantined_items',
  'rollup_snapshots',
] as const;

/** A seeded sequence for reproducible random points (printed by the tests that use it). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Queues jobs from the test process, as `northstar enqueue` would. */
export async function withQueues<T>(
  prefix: string,
  use: (queues: QueueSet) => Promise<T>,
): Promise<T> {
  const connection = workerConnection();
  const queues = createQueueSet({ connection, prefix });
  try {
    return await use(queues);
  } finally {
    await queues.close();
    connection.disconnect();
  }
}
