/**
 * Sync against the seeded org's emulators, with the real clients, a real SQLite file and the
 * in-process runner (what `northstar sync` runs):
 *
 * The emulators run in a child process (`emulator-host.ts`: same process tree, its own core),
 * so the times, CPU and memory measured here are northstar's, as against the real sites.
 *
 * - `fullSync`: `sync --full` into an empty database (wall time, HTTP requests, peak RSS of the
 *   northstar process; the emulators' own peak is reported beside it).
 * - `noChange`: an incremental sync after those, nothing changed remotely: write requests
 *   (the emulators' count), item rows written (rows whose `synced_at` is in the run), GitHub
 *   answers 304 of all GitHub requests.
 * - `incremental`: after changing `changedIssues` issues (1000 at full scale), an incremental sync.
 * - `rawFetch`: the floor — the very requests the full sync made (recorded), replayed with plain
 *   `fetch` at the same concurrency (`sync.concurrency` per source) right after it (later, the
 *   emulator would have dropped the search snapshots its page tokens point at), bodies parsed and
 *   thrown away; every answer must have the status the full sync got.
 *
 * `minRequests` is the fewest calls the APIs allow for the same work, with pages of the maximum
 * size and bulk endpoints:
 * - Jira, per source unit (one query per Jira project of the configured epics, one per project
 *   JQL): ⌈changed/100⌉ search pages (100 issues with fields; at least 1 to learn that nothing
 *   changed) + ⌈selected/5000⌉ id pages (ids only, 5000 per page: the only way to see deletions)
 *   + ⌈changed/1000⌉ `/changelog/bulkfetch` calls (1000 issues each); a full sync has
 *   changed = selected. Plus the site facts once per run for a full sync (myself, fields,
 *   statuses, ⌈projects/100⌉ project pages) and the server clock once per run.
 * - GitHub, per repository: ⌈items in the issues list/100⌉ + ⌈PRs/100⌉ for a full sync (the
 *   issues list holds PRs too); one conditional request per list (2 per repository) when
 *   incremental, plus ⌈changed/100⌉ further pages.
 *
 *   node --import tsx test/bench/sync.ts [--scale small|full]
 *
 * `--profile DIR` writes a CPU profile of each timed phase of the northstar process to DIR.
 * `BENCH_HOST_ARGS` adds node flags to the emulators' process (e.g. `--cpu-prof --cpu-prof-dir=DIR`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Session } from 'node:inspector/promises';
import { runSync } from '../../src/cli/run-sync.js';
import { createSyncSources } from '../../src/cli/sources.js';
import { buildHierarchy, parseConfigText } from '../../src/config/index.js';
import { closeDatabase, openDatabase } from '../../src/db/open.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import type { HostInfo, HostRequest, HostStats } from './emulator-host.js';

export type Scale = 'small' | 'full';

const SIZES = {
  small: { issues: 3_000, prs: 1_000, changed: 100 },
  full: { issues: 100_000, prs: 10_000, changed: 1_000 },
} as const;

/** CPU time of the phase: northstar's process, and the emulators' (user + system, ms). */
interface PhaseCpu {
  cpuMs: number;
  emulatorCpuMs: number;
}

export interface SyncBenchResult {
  scale: { jiraIssues: number; epics: number; githubPrs: number; repos: number };
  fullSync: PhaseCpu & {
    wallMs: number;
    requests: number;
    minRequests: number;
    peakRssMb: number;
    emulatorPeakRssMb: number;
  };
  rawFetch: PhaseCpu & { wallMs: number; requests: number };
  incremental: PhaseCpu & {
    changedIssues: number;
    wallMs: number;
    requests: number;
    minRequests: number;
  };
  noChange: PhaseCpu & {
    wallMs: number;
    writeRequests: number;
    rowsWritten: number;
    githubNotModified: number;
    githubRequests: number;
  };
}

interface Recorded {
  url: string;
  init: RequestInit;
  /** The status the full sync got: the replay must get the same. */
  status: number;
}

const ceil = (n: number, size: number): number => Math.ceil(n / size);

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface EmulatorHost {
  call<T>(request: WithoutId<HostRequest>): Promise<T>;
}

/** Forks `emulator-host.ts` and talks to it over IPC. */
function startEmulatorHost(): EmulatorHost {
  const child = fork(fileURLToPath(new URL('./emulator-host.ts', import.meta.url)), [], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env['BENCH_HOST_ARGS'] ?? '').split(' ').filter(Boolean),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`the emulator host exited (${String(code)})`));
    pending.clear();
  });
  return {
    call<T>(request: WithoutId<HostRequest>): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ ...request, id });
      });
    },
  };
}

/**
 * Runs `phase` under the V8 profiler when `dir` is set and writes `<dir>/<name>.cpuprofile`
 * (northstar's process only, that phase only; open it in Chrome DevTools or speedscope).
 */
async function profiled<T>(dir: string | undefined, name: string, phase: () => Promise<T>) {
  if (dir === undefined) return phase();
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await phase();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

export async function benchSync(options: {
  scale: Scale;
  /** Write a CPU profile of each timed phase here. */
  profileDir?: string;
}): Promise<SyncBenchResult> {
  const size = SIZES[options.scale];
  const { profileDir } = options;
  const host = startEmulatorHost();
  const dir = mkdtempSync(join(tmpdir(), 'northstar-bench-sync-'));
  try {
    const info = await host.call<HostInfo>({
      op: 'start',
      seed: 'bench',
      issues: size.issues,
      prs: size.prs,
    });
    const text = info.configText;
    const configFile = join(dir, 'northstar.yaml');
    writeFileSync(configFile, text);
    const loaded = parseConfigText(text, { file: configFile, env: {} });
    const db = openDatabase({ file: join(dir, 'northstar.db') });
    const logger = silentLogger();
    let recording: Recorded[] | null = null;
    const recordingFetch: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      if (recording === null) return fetch(input, init);
      const entry: Recorded = { url, init: { ...init }, status: 0 };
      recording.push(entry);
      return fetch(input, init).then((response) => {
        entry.status = response.status;
        return response;
      });
    };
    const sources = createSyncSources({
      config: loaded.config,
      clock: systemClock,
      logger,
      fetch: recordingFetch,
    });
    const app = {
      loaded,
      hierarchy: buildHierarchy(loaded.config),
      clock: systemClock,
      logger,
      db: () => db,
    };
    const sync = (full: boolean) =>
      runSync({ app, sources: ['jira', 'github'], full, syncSources: sources });
    const resetStats = (): Promise<void> => host.call({ op: 'resetStats' });
    const stats = (): Promise<HostStats> => host.call<HostStats>({ op: 'stats' });
    const requestsMade = async (): Promise<number> => {
      const s = await stats();
      return s.jira.total + s.github.total;
    };
    /** Starts counting CPU of both processes; the returned function reads the phase's. */
    const cpuFrom = async (): Promise<() => Promise<PhaseCpu>> => {
      const own = process.cpuUsage();
      const emulators = (await stats()).cpuMs;
      return async () => {
        const used = process.cpuUsage(own);
        return {
          cpuMs: Math.round((used.user + used.system) / 1000),
          emulatorCpuMs: (await stats()).cpuMs - emulators,
        };
      };
    };
    const sql = db.$client;
    const count = (query: string, ...args: unknown[]): number =>
      (sql.prepare(query).get(...args) as { n: number }).n;

    // ── full sync ──────────────────────────────────────────────────────────────────────────
    await resetStats();
    recording = [];
    let cpu = await cpuFrom();
    // `memoryUsage.rss()` reads RSS alone; `memoryUsage()` walks the heap spaces on each call.
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 20);
    let t0 = performance.now();
    const full = await profiled(profileDir, 'fullSync', () => sync(true));
    const fullMs = performance.now() - t0;
    const fullCpu = await cpu();
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (full.run.failed.length > 0)
      throw new Error(`full sync failed: ${full.run.failed[0]?.error ?? ''}`);
    const fullRequests = await requestsMade();
    const emulatorPeakRss = (await stats()).peakRssMb;
    const recorded = recording;
    recording = null;

    const unitSizes = sql
      .prepare('SELECT unit, count(*) AS n FROM sync_unit_members GROUP BY unit')
      .all() as {
      unit: string;
      n: number;
    }[];
    let fullMin = 3 + ceil(info.jiraProjects, 100) + 1;
    for (const u of unitSizes)
      fullMin += ceil(u.n, 100) + Math.max(1, ceil(u.n, 5000)) + ceil(u.n, 1000);
    const configuredRepos = new Set(
      loaded.config.bets.flatMap((b) =>
        b.programs.flatMap((p) => p.projects.flatMap((x) => x.github?.repos ?? [])),
      ),
    );
    const repos = info.repos.filter((repo) => configuredRepos.has(repo.fullName));
    for (const { items, pulls } of repos) {
      fullMin += Math.max(1, ceil(items, 100)) + Math.max(1, ceil(pulls, 100));
    }

    // ── raw fetch: the full sync's requests again, plain fetch, same concurrency ────────────
    // `sync.concurrency` requests in flight per source, as the sync has: one lane per host.
    const concurrency = loaded.config.sync.concurrency;
    const lanes = new Map<string, Recorded[]>();
    for (const request of recorded) {
      const origin = new URL(request.url).origin;
      const lane = lanes.get(origin) ?? [];
      lane.push(request);
      lanes.set(origin, lane);
    }
    let mismatched = 0;
    cpu = await cpuFrom();
    t0 = performance.now();
    await Promise.all(
      [...lanes.values()].flatMap((lane) => {
        let next = 0;
        return Array.from({ length: concurrency }, async () => {
          while (next < lane.length) {
            const request = lane[next++];
            if (!request) break;
            const response = await fetch(request.url, request.init);
            JSON.parse(await response.text());
            if (response.status !== request.status) mismatched++;
          }
        });
      }),
    );
    const rawMs = performance.now() - t0;
    const rawCpu = await cpu();
    // Right after the full sync, while the emulator still holds its search snapshots: replayed
    // later, page tokens would have been evicted and the floor would time 400s.
    if (mismatched > 0)
      throw new Error(`raw replay: ${String(mismatched)} answers differ from the full sync's`);

    // ── no change ──────────────────────────────────────────────────────────────────────────
    await resetStats();
    const noChangeStart = new Date().toISOString();
    cpu = await cpuFrom();
    t0 = performance.now();
    const quiet = await profiled(profileDir, 'noChange', () => sync(false));
    const noChangeMs = performance.now() - t0;
    const noChangeCpu = await cpu();
    if (quiet.run.failed.length > 0) throw new Error('no-change sync failed');
    const rowsWritten =
      count('SELECT count(*) AS n FROM jira_issues WHERE synced_at >= ?', noChangeStart) +
      count('SELECT count(*) AS n FROM github_issues WHERE synced_at >= ?', noChangeStart) +
      count('SELECT count(*) AS n FROM github_pull_requests WHERE synced_at >= ?', noChangeStart);
    const quietStats = await stats();
    const noChange = {
      wallMs: Math.round(noChangeMs),
      writeRequests: quietStats.jira.writes + quietStats.github.writes,
      rowsWritten,
      githubNotModified: quietStats.github.notModified,
      githubRequests: quietStats.github.total,
      ...noChangeCpu,
    };

    // ── incremental: change issues the config selects ──────────────────────────────────────
    const ids = sql
      .prepare(
        'SELECT id, key FROM jira_issues WHERE removed_at IS NULL AND is_epic = 0 ORDER BY CAST(id AS INTEGER)',
      )
      .all() as { id: string; key: string }[];
    const unitsOf = sql.prepare('SELECT unit FROM sync_unit_members WHERE item_id = ?');
    const step = Math.max(1, Math.floor(ids.length / size.changed));
    const picked = ids.filter((_, n) => n % step === 0).slice(0, size.changed);
    const changedPerUnit = new Map<string, number>();
    for (const issue of picked) {
      for (const { unit } of unitsOf.all(issue.id) as { unit: string }[])
        changedPerUnit.set(unit, (changedPerUnit.get(unit) ?? 0) + 1);
    }
    await host.call({
      op: 'updateSummaries',
      changes: picked.map((issue, n) => ({
        key: issue.key,
        summary: `Changed for the benchmark ${String(n)}`,
      })),
    });
    await resetStats();
    cpu = await cpuFrom();
    t0 = performance.now();
    const incremental = await profiled(profileDir, 'incremental', () => sync(false));
    const incrementalMs = performance.now() - t0;
    const incrementalCpu = await cpu();
    if (incremental.run.failed.length > 0) throw new Error('incremental sync failed');
    const incrementalRequests = await requestsMade();
    let incrementalMin = 1 + repos.length * 2;
    for (const u of unitSizes) {
      const changed = changedPerUnit.get(u.unit) ?? 0;
      incrementalMin +=
        Math.max(1, ceil(changed, 100)) + Math.max(1, ceil(u.n, 5000)) + ceil(changed, 1000);
    }

    closeDatabase(db);
    return {
      scale: {
        jiraIssues: size.issues,
        epics: loaded.config.bets.flatMap((b) =>
          b.programs.flatMap((p) => p.projects.flatMap((x) => x.jira?.epics ?? [])),
        ).length,
        githubPrs: size.prs,
        repos: repos.length,
      },
      fullSync: {
        wallMs: Math.round(fullMs),
        requests: fullRequests,
        minRequests: fullMin,
        peakRssMb: Math.round(peakRss / 2 ** 20),
        emulatorPeakRssMb: emulatorPeakRss,
        ...fullCpu,
      },
      rawFetch: { wallMs: Math.round(rawMs), requests: recorded.length, ...rawCpu },
      incremental: {
        changedIssues: picked.length,
        wallMs: Math.round(incrementalMs),
        requests: incrementalRequests,
        minRequests: incrementalMin,
        ...incrementalCpu,
      },
      noChange,
    };
  } finally {
    await host.call({ op: 'close' }).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: 'small' }, profile: { type: 'string' } },
  });
  const scale = values.scale === 'full' ? 'full' : 'small';
  const result = await benchSync({
    scale,
    ...(values.profile !== undefined ? { profileDir: values.profile } : {}),
  });
  console.log(JSON.stringify(result, null, 2));
}
