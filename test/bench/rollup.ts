/**
 * Benchmark: rollups over a synthetic org (seeded) stored in a real SQLite file.
 * Full scale: 100k Jira issues under 2,000 epics in 500 projects (125 programs, 25 bets), 20k
 * GitHub issues and 10k pull requests; small: 5k issues, 100 epics, 25 projects.
 *
 * What each figure times (milliseconds; medians of 5 warm runs unless said):
 * - `loadMs`: `loadRollupInputs` — every synced row read from SQLite and reduced to rollup inputs.
 * - `indexMs`: building the engine from those rows (parse timestamps into typed columns, map every
 *   item to its projects).
 * - `fullMs`: recompute every project's numbers and assemble every node's `Rollup` (projects,
 *   programs, bets), forecasts excluded (taken from the cache).
 * - `incrementalMs`: apply 1,000 changed Jira issues (status moves, spread over the org), recompute
 *   the projects they touched and assemble every node's `Rollup` again, forecasts excluded.
 * - `incrementalClusteredMs`: the same for 1,000 issues of neighbouring epics (the few projects
 *   one sync run touches).
 * - `forecastMs`: the Monte Carlo forecasts of every project at 10,000 trials, forced (no cache).
 * - `jobMs`: one whole `compute-rollups` job (load, compute, forecast, write every snapshot),
 *   single run.
 *
 * Standalone: `node --import tsx test/bench/rollup.ts --scale small` prints the JSON.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildHierarchy } from '../../src/config/hierarchy.js';
import { NorthstarConfig } from '../../src/config/schema.js';
import { closeDatabase } from '../../src/db/open.js';
import { loadRollupInputs } from '../../src/db/repositories/rollup-inputs.js';
import { computeRollups, rollupSettings } from '../../src/jobs/compute-rollups.js';
import { ManualClock } from '../../src/lib/clock.js';
import { RollupEngine } from '../../src/rollup/engine.js';
import type { GitHubIssueRow, JiraItemRow, PullRequestRow } from '../../src/rollup/inputs.js';
import { mulberry32 } from '../../src/rollup/prng.js';
import { insertGitHub, insertJira, insertPulls, tempDb } from '../rollup/fixtures/db.js';
import { jobContext } from '../helpers/job-context.js';

export interface RollupBenchResult {
  fullMs: number;
  incrementalMs: number;
  forecastMs: number;
  loadMs: number;
  indexMs: number;
  jobMs: number;
  /** Projects the 1,000 changed issues touched (each recomputed). */
  incrementalProjects: number;
  /** The same with the 1,000 changed issues in a few neighbouring projects (one sync's worth). */
  incrementalClusteredMs: number;
  incrementalClusteredProjects: number;
  /** The same spans' CPU time (user + system, medians): less sensitive to a busy machine. */
  cpuMs: Record<string, number>;
  /** 1-minute load average when the bench ended (the machine is shared: read figures with it). */
  loadAverage: number;
  scale: {
    jiraIssues: number;
    epics: number;
    projects: number;
    githubIssues: number;
    pulls: number;
  };
  trials: number;
  seedMs: number;
}

const NOW = new Date('2026-11-25T12:00:00.000Z');
const DAY = 86_400_000;
const SIZES = {
  small: { issues: 5_000, epics: 100, projects: 25, githubIssues: 1_000, pulls: 500 },
  full: { issues: 100_000, epics: 2_000, projects: 500, githubIssues: 20_000, pulls: 10_000 },
} as const;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
}

/** CPU time (user + system) of the timed spans, by figure: the machine is shared, wall time waits. */
const cpu = new Map<string, number[]>();
let cpuLabel = '';

function time(run: () => void): number {
  const startCpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(startCpu);
  const list = cpu.get(cpuLabel) ?? [];
  list.push((used.user + used.system) / 1000);
  cpu.set(cpuLabel, list);
  return wall;
}

function labelled<T>(label: string, run: () => T): T {
  cpuLabel = label;
  return run();
}

interface SyntheticOrg {
  config: NorthstarConfig;
  jira: JiraItemRow[];
  github: GitHubIssueRow[];
  pulls: PullRequestRow[];
}

/** A seeded org: epics dealt to projects, 4 per program, 5 programs per bet. */
export function syntheticOrg(scale: 'small' | 'full'): SyntheticOrg {
  const size = SIZES[scale];
  const random = mulberry32(2026);
  const epicsPerProject = size.epics / size.projects;
  const repos = Math.max(2, size.projects / 10);
  const epics: JiraItemRow[] = [];
  const jira: JiraItemRow[] = [];
  for (let e = 0; e < size.epics; e++) {
    const row = epicRow(e, random);
    epics.push(row);
    jira.push(row);
  }
  const childrenPerEpic = (size.issues - size.epics) / size.epics;
  for (let i = 0; i < size.issues - size.epics; i++) {
    const parent = epics[Math.floor(i / childrenPerEpic)] ?? epics[0]!;
    jira.push(childRow(size.epics + i, parent, random));
  }
  const github: GitHubIssueRow[] = [];
  for (let i = 0; i < size.githubIssues; i++) {
    const closed = random() < 0.5;
    github.push({
      id: 1_000_000 + i,
      repo: `acme/repo-${i % repos}`,
      number: i + 1,
      title: `Issue ${i}`,
      state: closed ? 'open' : 'closed',
      stateReason: closed ? (random() < 0.1 ? 'not_planned' : 'completed') : null,
      labels: [`team-${i % 10}`],
      milestone: null,
      assignees: random() < 0.4 ? 1 : 0,
      openLinkedPulls: i % 10 === 3 ? 1 : 0,
      createdAt: iso(NOW.getTime() - 200 * DAY),
      updatedAt: iso(NOW.getTime() - Math.floor(random() * 60) * DAY),
      closedAt: closed ? iso(NOW.getTime() - Math.floor(random() * 120) * DAY) : null,
      htmlUrl: `https://github.com/acme/repo-${i % repos}/issues/${i + 1}`,
    });
  }
  const pulls: PullRequestRow[] = [];
  for (let i = 0; i < size.pulls; i++) {
    const roll = random();
    const created = NOW.getTime() - Math.floor(random() * 90) * DAY;
    const child = jira[size.epics + Math.floor(random() * (size.issues - size.epics))]!;
    pulls.push({
      id: 2_000_000 + i,
      repo: `acme/repo-${i % repos}`,
      number: 100_000 + i,
      title: `PR ${i}`,
      state: roll < 0.15 ? 'open' : roll < 0.2 ? 'draft' : roll < 0.9 ? 'merged' : 'closed',
      labels: [],
      milestone: null,
      requestedReviewers: random() < 0.5 ? 1 : 0,
      createdAt: iso(created),
      mergedAt:
        roll >= 0.2 && roll < 0.9 ? iso(created + Math.floor(random() * 72) * 3_600_000) : null,
      htmlUrl: `https://github.com/acme/repo-${i % repos}/pull/${100_000 + i}`,
      jiraKeys: random() < 0.8 ? [child.key] : [],
    });
  }
  const bets = [];
  let project = 0;
  const programsPerBet = 5;
  const projectsPerProgram = 4;
  for (let b = 0; project < size.projects; b++) {
    const programs = [];
    for (let p = 0; p < programsPerBet && project < size.projects; p++) {
      const projects = [];
      for (let j = 0; j < projectsPerProgram && project < size.projects; j++, project++) {
        const keys = Array.from(
          { length: epicsPerProject },
          (_, k) => epics[project * epicsPerProject + k]!.key,
        );
        projects.push({
          id: `project-${project}`,
          name: `Project ${project}`,
          ...(project % 5 === 4
            ? {}
            : { targetDate: iso(NOW.getTime() + (20 + (project % 40) * 3) * DAY).slice(0, 10) }),
          jira: { epics: keys },
          github: { repos: [`acme/repo-${project % repos}`], labels: [`team-${project % 10}`] },
        });
      }
      programs.push({ id: `program-${b}-${p}`, name: `Program ${b}.${p}`, projects });
    }
    bets.push({ id: `bet-${b}`, name: `Bet ${b}`, programs });
  }
  const config = NorthstarConfig.parse({
    jira: { baseUrl: 'https://acme.atlassian.net', email: 'bot@example.com', apiToken: 'x' },
    github: { token: 'x' },
    bets,
  });
  return { config, jira, github, pulls };
}

function epicRow(n: number, random: () => number): JiraItemRow {
  const done = random() < 0.1;
  return {
    id: String(100_000 + n),
    key: `P${n % 24}-${n + 1}`,
    summary: `Epic ${n}`,
    isEpic: true,
    statusCategory: done ? 'done' : 'in_progress',
    storyPoints: null,
    dueDate: null,
    createdAt: iso(NOW.getTime() - 300 * DAY),
    updatedAt: iso(NOW.getTime() - 10 * DAY),
    resolvedAt: null,
    parentId: null,
    parentKey: null,
    epicLinkKey: null,
    jqlProjectIds: [],
    firstInProgressAt: null,
    lastDoneAt: null,
    openBlockers: [],
  };
}

function childRow(n: number, parent: JiraItemRow, random: () => number): JiraItemRow {
  const roll = random();
  const category = roll < 0.55 ? 'done' : roll < 0.7 ? 'in_progress' : 'todo';
  const created = NOW.getTime() - (30 + Math.floor(random() * 250)) * DAY;
  const doneAt = NOW.getTime() - Math.floor(random() * 180) * DAY;
  const started = doneAt - Math.floor(1 + random() * 20) * DAY;
  const legacy = random() < 0.2;
  return {
    id: String(100_000 + n),
    key: `P${n % 24}-${n + 1}`,
    summary: `Work item ${n}`,
    isEpic: false,
    statusCategory: category,
    storyPoints: random() < 0.7 ? [1, 2, 3, 5, 8][Math.floor(random() * 5)]! : null,
    dueDate:
      random() < 0.3
        ? iso(NOW.getTime() + Math.floor(random() * 120 - 40) * DAY).slice(0, 10)
        : null,
    createdAt: iso(created),
    updatedAt: iso(category === 'done' ? doneAt : NOW.getTime() - Math.floor(random() * 40) * DAY),
    resolvedAt: category === 'done' ? iso(doneAt) : null,
    parentId: legacy ? null : parent.id,
    parentKey: legacy ? null : parent.key,
    epicLinkKey: legacy ? parent.key : null,
    jqlProjectIds: [],
    firstInProgressAt: category === 'todo' ? null : iso(started),
    lastDoneAt: category === 'done' ? iso(doneAt) : null,
    openBlockers: category !== 'done' && random() < 0.05 ? [`CORE-${n % 97}`] : [],
  };
}

export async function benchRollup(options: {
  scale: 'small' | 'full';
}): Promise<RollupBenchResult> {
  const seedStart = performance.now();
  const org = syntheticOrg(options.scale);
  const { db } = tempDb();
  insertJira(db, org.jira);
  insertGitHub(db, org.github);
  insertPulls(db, org.pulls);
  const seedMs = performance.now() - seedStart;
  const hierarchy = buildHierarchy(org.config);
  const settings = rollupSettings(org.config);

  const loads: number[] = [];
  let data = loadRollupInputs(db);
  cpuLabel = 'loadMs';
  for (let i = 0; i < 5; i++) loads.push(time(() => (data = loadRollupInputs(db))));
  const indexes: number[] = [];
  let engine = new RollupEngine(hierarchy, settings, data);
  cpuLabel = 'indexMs';
  for (let i = 0; i < 5; i++)
    indexes.push(time(() => (engine = new RollupEngine(hierarchy, settings, data))));

  engine.recompute(NOW);
  engine.forecast(NOW);
  engine.rollups(NOW);
  const fulls: number[] = [];
  cpuLabel = 'fullMs';
  for (let i = 0; i < 5; i++) {
    fulls.push(
      time(() => {
        engine.recompute(NOW);
        engine.rollups(NOW);
      }),
    );
  }

  const forecasts: number[] = [];
  cpuLabel = 'forecastMs';
  for (let i = 0; i < 3; i++)
    forecasts.push(
      time(() => {
        engine.forecast(NOW, undefined, { force: true });
      }),
    );

  // 1,000 changed issues per round: open ones move on a category; spread over the whole org, or
  // taken from one stretch of neighbouring epics (clustered).
  const random = mulberry32(99);
  const children = data.jira.filter((r) => !r.isEpic);
  const next = { todo: 'in_progress', in_progress: 'done', done: 'in_progress' } as const;
  const incremental = (
    pick: (i: number, round: number) => number,
  ): { ms: number; projects: number } => {
    const times: number[] = [];
    let projects = 0;
    for (let round = 0; round < 6; round++) {
      const changed: JiraItemRow[] = [];
      for (let i = 0; i < 1_000; i++) {
        const at = pick(i, round);
        const row = children[at]!;
        const statusCategory = next[row.statusCategory];
        // Written out like the loader's rows (`rollup-inputs.ts`), as `compute-rollups` reads
        // changed rows: a spread copy has another V8 shape than every row the engine holds.
        const updated: JiraItemRow = {
          id: row.id,
          key: row.key,
          summary: row.summary,
          isEpic: row.isEpic,
          statusCategory,
          storyPoints: row.storyPoints,
          dueDate: row.dueDate,
          createdAt: row.createdAt,
          updatedAt: NOW.toISOString(),
          resolvedAt: row.resolvedAt,
          parentId: row.parentId,
          parentKey: row.parentKey,
          epicLinkKey: row.epicLinkKey,
          jqlProjectIds: row.jqlProjectIds,
          firstInProgressAt: row.firstInProgressAt,
          lastDoneAt: statusCategory === 'done' ? NOW.toISOString() : row.lastDoneAt,
          openBlockers: row.openBlockers,
        };
        children[at] = updated;
        changed.push(updated);
      }
      const ms = time(() => {
        const affected = engine.applyChanges({ jira: changed });
        projects = affected.size;
        engine.recompute(NOW, affected);
        engine.rollups(NOW);
      });
      if (round > 0) times.push(ms);
    }
    return { ms: median(times), projects };
  };
  const spread = labelled('incrementalMs', () =>
    incremental(() => Math.floor(random() * children.length)),
  );
  const clustered = labelled('incrementalClusteredMs', () =>
    incremental((i, round) => (round * 7_919 + i) % children.length),
  );

  const clock = new ManualClock(NOW);
  const ctx = jobContext({ config: org.config, hierarchy, clock, db });
  const jobStart = performance.now();
  await computeRollups(ctx, {});
  const jobMs = performance.now() - jobStart;
  closeDatabase(db);

  const size = SIZES[options.scale];
  return {
    fullMs: median(fulls),
    incrementalMs: spread.ms,
    forecastMs: median(forecasts),
    loadMs: median(loads),
    indexMs: median(indexes),
    jobMs: Math.round(jobMs),
    incrementalProjects: spread.projects,
    incrementalClusteredMs: clustered.ms,
    incrementalClusteredProjects: clustered.projects,
    cpuMs: Object.fromEntries([...cpu].map(([label, values]) => [label, median(values)])),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    scale: {
      jiraIssues: size.issues,
      epics: size.epics,
      projects: size.projects,
      githubIssues: size.githubIssues,
      pulls: size.pulls,
    },
    trials: settings.trials,
    seedMs: Math.round(seedMs),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'full' } } });
  const scale = values.scale === 'small' ? 'small' : 'full';
  const result = await benchRollup({ scale });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
