/**
 * Benchmark: the `write-summaries` job (the handler `northstar writeback` and the worker run, with
 * the real jira.js and Octokit clients from `createCommentPorts`) against the seeded org's
 * emulators, twice: a first run that creates every summary comment, then a second run with the
 * same rollups that must write nothing. Writes and requests are the emulators' own counts.
 *
 * Scales: `small` is the seeded org at 600 issues / 200 PRs (12 epics, 3 tracking issues);
 * `full` is 100k issues / 10k PRs (2,002 epics, 102 tracking issues). Every node gets a rollup
 * snapshot built from the write-back fixtures; seeding is not timed.
 *
 * Octokit's throttling plugin spaces new GitHub comments 3 s apart (edits and deletes 1 s), as
 * GitHub advises for requests that notify people, so the GitHub share of `firstRunMs` is about
 * 3 s per tracking issue. Measured (2 shared cores): small 15 writes in ~6 s, rerun 0 writes in
 * ~0.1 s; full 2,104 writes in ~306 s (10,011 Jira + 409 GitHub requests), rerun 0 writes in ~16 s.
 *
 * Standalone: `node --import tsx test/bench/writeback.ts --scale small` prints JSON.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { orgConfigOptions, renderOrgConfig } from '../../src/cli/emulate/config.js';
import { buildHierarchy, parseConfigText } from '../../src/config/index.js';
import { closeDatabase, openDatabase } from '../../src/db/open.js';
import type { Health, Rollup } from '../../src/domain/rollup.js';
import type { EmulatorStats } from '../../src/emulators/core/index.js';
import { startOrgEmulators, type OrgLayout } from '../../src/emulators/org/index.js';
import { createWriteSummariesJob } from '../../src/jobs/write-summaries.js';
import { systemClock } from '../../src/lib/clock.js';
import { createCommentPorts } from '../../src/writeback/ports.js';
import type { WriteSummariesReport } from '../../src/writeback/write-summaries.js';
import { projectRollup } from '../writeback/fixtures/rollups.js';
import { writeSnapshots } from '../writeback/fixtures/snapshots.js';
import { jobContext } from '../helpers/job-context.js';

export interface WritebackBenchResult {
  /** Write requests (POST/PUT/PATCH/DELETE answered 2xx) the emulators counted. */
  firstRunWrites: number;
  secondRunWrites: number;
  firstRunMs: number;
  secondRunMs: number;
  targets: { jira: number; github: number };
  /** All requests the emulators answered, per run. */
  firstRunRequests: { jira: number; github: number };
  secondRunRequests: { jira: number; github: number };
  /** Answers 403/429 (rate limits) over both runs: must be 0. */
  rateLimited: number;
  /** What the job itself reported, per run: created / updated / skipped targets. */
  firstRunActions: Record<string, number>;
  secondRunActions: Record<string, number>;
}

const SIZES = {
  small: { issues: 600, prs: 200 },
  full: { issues: 100_000, prs: 10_000 },
} as const;

const HEALTHS: Health[] = ['green', 'amber', 'red', 'no-data'];

/** One rollup per node of the org, varied a little so the comments differ. */
function orgRollups(org: OrgLayout): Rollup[] {
  const rollups: Rollup[] = [];
  let i = 0;
  const base = projectRollup();
  const vary = (id: string, name: string, overrides: Partial<Rollup>): Rollup => {
    i++;
    return projectRollup({
      id,
      name,
      health: HEALTHS[i % HEALTHS.length] ?? 'green',
      counts: { ...base.counts, done: base.counts.done + (i % 7), total: base.counts.total + i },
      ...overrides,
    });
  };
  for (const bet of org.bets) {
    rollups.push(vary(bet.id, bet.name, { level: 'bet', children: bet.programs.map((p) => p.id) }));
    for (const program of bet.programs) {
      rollups.push(
        vary(program.id, program.name, {
          level: 'program',
          children: program.projects.map((p) => p.id),
        }),
      );
      for (const project of program.projects) rollups.push(vary(project.id, project.name, {}));
    }
  }
  return rollups;
}

function countActions(report: WriteSummariesReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of report.targets) counts[t.action] = (counts[t.action] ?? 0) + 1;
  return counts;
}

function refused(stats: EmulatorStats): number {
  return (stats.byStatus['403'] ?? 0) + (stats.byStatus['429'] ?? 0);
}

export async function benchWriteback(options: {
  scale: 'small' | 'full';
}): Promise<WritebackBenchResult> {
  const org = await startOrgEmulators({ seed: 'demo', ...SIZES[options.scale] });
  const dir = mkdtempSync(join(tmpdir(), 'ns-bench-writeback-'));
  const db = openDatabase({ file: join(dir, 'northstar.db') });
  try {
    const { config } = parseConfigText(renderOrgConfig(org.org, orgConfigOptions(org)), {
      file: 'bench.yaml',
      env: {},
    });
    const hierarchy = buildHierarchy(config);
    const day = org.org.now.slice(0, 10);
    writeSnapshots(db, orgRollups(org.org), { day, computedAt: `${day}T06:00:00.000Z` });

    const job = createWriteSummariesJob({
      ports: (ctx) =>
        createCommentPorts({ config: ctx.config, clock: ctx.clock, logger: ctx.logger }),
    });
    const ctx = jobContext({ config, hierarchy, clock: systemClock, db });
    const servers = [org.jira.emulator.server, org.github.emulator.server];
    let rateLimited = 0;
    const run = async () => {
      for (const server of servers) server.resetStats();
      const start = performance.now();
      const report = await job.handle({}, ctx);
      const ms = Math.round(performance.now() - start);
      const [jira, github] = servers.map((server) => server.stats()) as [
        EmulatorStats,
        EmulatorStats,
      ];
      rateLimited += refused(jira) + refused(github);
      return {
        ms,
        report,
        writes: jira.writes + github.writes,
        requests: { jira: jira.total, github: github.total },
      };
    };
    const first = await run();
    const second = await run();
    return {
      firstRunWrites: first.writes,
      secondRunWrites: second.writes,
      firstRunMs: first.ms,
      secondRunMs: second.ms,
      targets: {
        jira: first.report.targets.filter((t) => t.kind === 'jira').length,
        github: first.report.targets.filter((t) => t.kind === 'github').length,
      },
      firstRunRequests: first.requests,
      secondRunRequests: second.requests,
      rateLimited,
      firstRunActions: countActions(first.report),
      secondRunActions: countActions(second.report),
    };
  } finally {
    closeDatabase(db);
    await org.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { scale: { type: 'string', default: 'small' } },
  });
  if (values.scale !== 'small' && values.scale !== 'full') {
    process.stderr.write('usage: node --import tsx test/bench/writeback.ts --scale small|full\n');
    process.exit(2);
  }
  const result = await benchWriteback({ scale: values.scale });
  console.log(JSON.stringify({ node: process.version, scale: values.scale, ...result }, null, 2));
}
