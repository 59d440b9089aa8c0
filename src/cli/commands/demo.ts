/**
 * `northstar demo [--out DIR] [--serve] [--json]`: the embedded default end to end, with no Jira,
 * GitHub or Redis. Starts both emulators on loopback with the seeded demo org (history up to
 * today), writes a config for it, runs one whole cycle in-process (sync → rollup → write-back →
 * report: the same handlers `northstar run` and the workers use), reads every sticky comment back
 * from the emulators' APIs into files, and prints where everything is.
 *
 * Everything lands in `--out` (default `demo/`): `northstar.yaml`, `northstar.db`, `reports/`,
 * `comments/`. A previous demo's database there is replaced (the emulators are new each time).
 * `--serve` keeps the emulators up afterwards so the worker can be pointed at them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { OrgEmulators } from '../../emulators/org/index.js';
import type { CycleReport } from '../../jobs/cycle.js';
import { createLogger } from '../../lib/logger.js';
import { createContext, type AppContext, type GlobalOptions } from '../context.js';
import type { ReadBackComment } from '../demo/read-back.js';
import { CliError, EXIT_USAGE } from '../errors.js';
import { printResult } from '../output.js';
import { createProgress, type ProgressSink } from '../progress.js';
import { cycleJson } from './run.js';

const DemoFlags = z.object({
  out: z.string().min(1, { error: 'must not be empty' }),
  seed: z.string().min(1, { error: 'must not be empty' }).max(100),
  serve: z.boolean().optional(),
  json: z.boolean().optional(),
});
type DemoFlags = z.infer<typeof DemoFlags>;

function parseFlags(raw: unknown): DemoFlags {
  const parsed = DemoFlags.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const flag = issue.path[0];
    return `${typeof flag === 'string' ? `--${flag}` : 'flags'}: ${issue.message}`;
  });
  throw new CliError(problems.join('\n'), EXIT_USAGE);
}

export interface DemoResult {
  seconds: number;
  org: { bets: number; programs: number; projects: number; jiraIssues: number; githubPrs: number };
  emulators: { jira: string; github: string; serving: boolean };
  config: string;
  database: string;
  reports: string[];
  comments: { dir: string; count: number; examples: ReadBackComment[] };
  cycle: unknown;
}

/** The same cycle as `northstar run --full`: every stage, every job handler, in-process. */
async function runDemoCycle(app: AppContext, progress: ProgressSink): Promise<CycleReport> {
  const { buildJobRegistry } = await import('../registry.js');
  const { runCycle } = await import('../../jobs/cycle.js');
  return runCycle({
    registry: await buildJobRegistry(app),
    context: {
      config: app.loaded.config,
      hierarchy: app.hierarchy,
      clock: app.clock,
      logger: app.logger,
      db: () => app.db(),
    },
    full: true,
    writeback: true,
    report: true,
    concurrency: app.loaded.config.sync.concurrency,
    onProgress: (stage, p) => {
      progress({
        label: `${stage}: jobs`,
        done: p.completed,
        total: p.completed + p.running + p.queued,
      });
    },
  });
}

function step(stderr: NodeJS.WriteStream, text: string): void {
  stderr.write(`• ${text}\n`);
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function humanText(result: DemoResult): string {
  const html = result.reports.find((f) => f.endsWith('.html'));
  const md = result.reports.find((f) => f.endsWith('.md'));
  const example = result.comments.examples[0];
  const lines = [
    '',
    `northstar demo finished in ${result.seconds.toFixed(1)} s: ${result.org.bets} big bets, ${result.org.programs} programs, ${result.org.projects} projects, ${result.org.jiraIssues} Jira issues, ${result.org.githubPrs} PRs.`,
    '',
    `  database   ${display(result.database)}`,
    ...(html ? [`  report     ${display(html)}   (open in a browser)`] : []),
    ...(md ? [`             ${display(md)}`] : []),
    `  comments   ${display(result.comments.dir)}/   (${result.comments.count} sticky comments, read back from the emulators)`,
    `  config     ${display(result.config)}`,
    '',
    'Look around:',
    `  npx northstar rollup --config ${display(result.config)} --db ${display(result.database)}`,
    `  npx northstar status --config ${display(result.config)} --db ${display(result.database)}`,
  ];
  if (result.emulators.serving) {
    lines.push(
      '',
      `The emulators keep serving (Jira ${result.emulators.jira}, GitHub ${result.emulators.github}) until Ctrl-C.`,
      ...(example
        ? [`  read a comment back:  curl -s ${example.apiUrl}  (credentials in the config)`]
        : []),
      'Run the queue-driven worker against them (needs Redis):',
      `  REDIS_URL=redis://127.0.0.1:6379 npx northstar worker --config ${display(result.config)} --db ${display(result.database)}`,
      `  REDIS_URL=redis://127.0.0.1:6379 npx northstar enqueue sync --config ${display(result.config)}`,
    );
  } else {
    lines.push(
      '',
      'To run the queue-driven worker (needs Redis) against the emulators, keep them up:',
      '  npx northstar demo --serve          # then, in another terminal:',
      `  REDIS_URL=redis://127.0.0.1:6379 npx northstar worker --config ${display(result.config)} --db ${display(result.database)}`,
    );
  }
  return lines.join('\n');
}

/** The first SIGINT / SIGTERM. */
function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    process.once('SIGINT', resolveSignal).once('SIGTERM', resolveSignal);
  });
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'start the emulators with a seeded org, run one full cycle, show where the results are',
    )
    .option('--out <dir>', 'where the config, database, report and comments go', 'demo')
    .option('--seed <name>', 'seed name for the demo org', 'demo')
    .option('--serve', 'keep the emulators serving afterwards (until Ctrl-C)')
    .option('--json', 'print the result locations as JSON')
    .action(async (options: unknown, command: Command) => {
      const flags = parseFlags(options);
      const globals = command.optsWithGlobals<GlobalOptions>();
      const stderr = process.stderr;
      const logger = createLogger({
        level: globals.logLevel ?? process.env['LOG_LEVEL'] ?? 'warn',
      });
      const started = performance.now();
      const outDir = resolve(flags.out);
      const configFile = join(outDir, 'northstar.yaml');
      const dbFile = join(outDir, 'northstar.db');
      const reportDir = join(outDir, 'reports');
      mkdirSync(outDir, { recursive: true });
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
      rmSync(join(outDir, 'comments'), { recursive: true, force: true });

      const { startOrgEmulators, DEMO_ORG_SIZE } = await import('../../emulators/org/index.js');
      const { emulatorEnvironment, orgConfigOptions, renderOrgConfig } =
        await import('../emulate/config.js');
      step(
        stderr,
        `starting the Jira and GitHub emulators with the seeded "${flags.seed}" org (${DEMO_ORG_SIZE.issues} issues, ${DEMO_ORG_SIZE.prs} PRs, history up to today)`,
      );
      const running: OrgEmulators = await startOrgEmulators({ seed: flags.seed, now: new Date() });
      try {
        writeFileSync(
          configFile,
          renderOrgConfig(running.org, {
            ...orgConfigOptions(running),
            reportOutDir: reportDir,
          }),
        );
        // The emulators' credentials win over whatever the shell exports for a real site.
        const env = { ...process.env, ...emulatorEnvironment(running) };
        // Quiet logs by default: the demo shows its steps and a progress bar instead.
        const app = createContext(
          {
            ...globals,
            logLevel: globals.logLevel ?? env['LOG_LEVEL'] ?? 'warn',
            config: configFile,
            db: dbFile,
          },
          env,
        );
        const progress = createProgress({
          logger: createLogger({ level: 'info' }),
          stream: stderr,
        });
        let cycle: CycleReport;
        let stored: { target: string; kind: 'jira' | 'github'; remoteId: string }[];
        try {
          step(stderr, 'running one cycle in-process: sync → rollup → write-back → report');
          cycle = await runDemoCycle(app, progress);
          progress.end();
          if (!cycle.ok) {
            const failed = cycle.stages.flatMap((s) =>
              s.failed.map((f) => `${f.name}: ${f.error}`),
            );
            throw new CliError(`the demo cycle did not complete:\n  ${failed.join('\n  ')}`);
          }
          stored = app
            .db()
            .$client.prepare<[], { target: string; kind: 'jira' | 'github'; remoteId: string }>(
              `SELECT target, kind, remote_id AS remoteId FROM written_comments WHERE remote_id IS NOT NULL ORDER BY target`,
            )
            .all();
        } finally {
          progress.end();
          app.close();
        }
        step(stderr, `reading ${stored.length} sticky comments back from the emulators`);
        const { readBackComments } = await import('../demo/read-back.js');
        const saved = await readBackComments(stored, {
          jira: running.jira,
          github: running.github,
          outDir,
        });
        const projects = running.org.bets.flatMap((b) => b.programs.flatMap((p) => p.projects));
        const result: DemoResult = {
          seconds: Math.round((performance.now() - started) / 100) / 10,
          org: {
            bets: running.org.bets.length,
            programs: running.org.bets.reduce((n, b) => n + b.programs.length, 0),
            projects: projects.length,
            jiraIssues: DEMO_ORG_SIZE.issues,
            githubPrs: DEMO_ORG_SIZE.prs,
          },
          emulators: {
            jira: running.jira.url,
            github: running.github.url,
            serving: flags.serve === true,
          },
          config: configFile,
          database: dbFile,
          reports: cycle.report?.files ?? [],
          comments: {
            dir: join(outDir, 'comments'),
            count: saved.length,
            examples: saved.slice(0, 3),
          },
          cycle: cycleJson(cycle),
        };
        printResult({ json: flags.json === true }, result, () => humanText(result));
        if (flags.serve === true) {
          const signal = await firstSignal();
          logger.info({ signal }, 'emulators stopping');
        }
      } finally {
        await running.close();
      }
    });
}
