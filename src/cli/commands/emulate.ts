/**
 * `northstar emulate [--jira-port P] [--github-port Q] [--seed NAME] [--issues N] [--prs N]
 * [--write-config PATH] [--json]`: serves the Jira and GitHub emulators with one seeded org
 * until SIGINT / SIGTERM, then closes both and exits 0.
 *
 * `--json` prints exactly one line first and nothing else on stdout (logs go to stderr):
 * `{"jira":{"url","email","apiToken","projects":[…]},"github":{"url","token","repos":[…]}}`.
 * The credentials are the emulators' fixed ones, not secrets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { OrgEmulators } from '../../emulators/org/index.js';
import { createLogger } from '../../lib/logger.js';
import type { GlobalOptions } from '../context.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from '../errors.js';
import { printResult } from '../output.js';

/** A decimal integer flag (commander hands strings over). */
function intFlag(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

const EmulateFlags = z
  .object({
    jiraPort: intFlag(0, 65_535),
    githubPort: intFlag(0, 65_535),
    seed: z.string().min(1, { error: 'must not be empty' }).max(100),
    issues: intFlag(1, 250_000).optional(),
    prs: intFlag(0, 50_000).optional(),
    writeConfig: z.string().min(1, { error: 'must not be empty' }).optional(),
    json: z.boolean().optional(),
  })
  .refine((f) => f.jiraPort === 0 || f.jiraPort !== f.githubPort, {
    path: ['githubPort'],
    error: 'must differ from --jira-port',
  });
type EmulateFlags = z.infer<typeof EmulateFlags>;

const FLAG_NAMES: Record<string, string> = {
  jiraPort: '--jira-port',
  githubPort: '--github-port',
  writeConfig: '--write-config',
};

function parseFlags(raw: unknown): EmulateFlags {
  const parsed = EmulateFlags.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0];
    const flag = typeof key === 'string' ? (FLAG_NAMES[key] ?? `--${key}`) : 'flags';
    return `${flag}: ${issue.message}`;
  });
  throw new CliError(problems.join('\n'), EXIT_USAGE);
}

/** The documented `--json` line: exactly these keys. */
export function emulateJson(running: OrgEmulators): unknown {
  return {
    jira: {
      url: running.jira.url,
      email: running.jira.email,
      apiToken: running.jira.apiToken,
      projects: running.jira.projects,
    },
    github: { url: running.github.url, token: running.github.token, repos: running.github.repos },
  };
}

function humanText(running: OrgEmulators, configFile: string | undefined): string {
  const { jira, github, org } = running;
  const programs = org.bets.flatMap((b) => b.programs);
  const projects = programs.flatMap((p) => p.projects);
  const repos =
    github.repos.length > 8
      ? `${github.repos.slice(0, 8).join(', ')}, … (${github.repos.length})`
      : github.repos.join(', ');
  return [
    `Jira     ${jira.url}   email ${jira.email}   API token ${jira.apiToken}`,
    `         projects ${jira.projects.join(', ')}`,
    `GitHub   ${github.url}   token ${github.token}`,
    `         repos ${repos}`,
    `org      seed "${org.seed}": ${org.bets.length} big bets, ${programs.length} programs, ${projects.length} projects`,
    ...(configFile ? [`config   ${configFile}`] : []),
    '',
    'Point northstar at them:',
    `  export JIRA_BASE_URL=${jira.url} JIRA_EMAIL=${jira.email} JIRA_API_TOKEN=${jira.apiToken}`,
    `  export GITHUB_API_URL=${github.url} GITHUB_TOKEN=${github.token}`,
    '',
    'Serving until Ctrl-C (SIGINT) or SIGTERM.',
  ].join('\n');
}

/** The first SIGINT / SIGTERM; `dispose` stops listening (the default handlers return). */
function firstSignal(): { received: Promise<NodeJS.Signals>; dispose(): void } {
  let stop: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((resolveSignal) => {
    stop = resolveSignal;
  });
  process.on('SIGINT', stop).on('SIGTERM', stop);
  return {
    received,
    dispose: () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
    },
  };
}

export function registerEmulate(program: Command): void {
  program
    .command('emulate')
    .description('serve the Jira and GitHub emulators with a seeded org until SIGINT/SIGTERM')
    .option('--jira-port <port>', 'Jira emulator port (0: any free port)', '0')
    .option('--github-port <port>', 'GitHub emulator port (0: any free port)', '0')
    .option('--seed <name>', 'seed name for the data generator', 'demo')
    .option('--issues <n>', 'Jira issues (default 3000)')
    .option('--prs <n>', 'GitHub pull requests (default 1000)')
    .option(
      '--write-config <path>',
      'write a northstar config for the seeded org (folders created)',
    )
    .option('--json', 'print one line of JSON with URLs and credentials first')
    .action(async (options: unknown, command: Command) => {
      const flags = parseFlags(options);
      const globals = command.optsWithGlobals<GlobalOptions>();
      const logger = createLogger({
        level: globals.logLevel ?? process.env['LOG_LEVEL'] ?? 'info',
      });
      // Loaded on use: generating and serving the org is only this command's business.
      const { startOrgEmulators } = await import('../../emulators/org/index.js');
      const { orgConfigOptions, renderOrgConfig } = await import('../emulate/config.js');
      // Listen for signals before starting, so an early SIGTERM still closes the servers.
      const signal = firstSignal();
      let running: OrgEmulators;
      try {
        running = await startOrgEmulators({
          seed: flags.seed,
          jiraPort: flags.jiraPort,
          githubPort: flags.githubPort,
          ...(flags.issues !== undefined ? { issues: flags.issues } : {}),
          ...(flags.prs !== undefined ? { prs: flags.prs } : {}),
        });
      } catch (error) {
        signal.dispose();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES')
          throw new CliError(`cannot listen: ${(error as Error).message}`, EXIT_FAILURE);
        throw error;
      }
      try {
        let configFile: string | undefined;
        if (flags.writeConfig !== undefined) {
          configFile = resolve(flags.writeConfig);
          mkdirSync(dirname(configFile), { recursive: true });
          writeFileSync(configFile, renderOrgConfig(running.org, orgConfigOptions(running)));
          logger.info({ file: configFile }, 'config written');
        }
        printResult({ json: flags.json === true }, emulateJson(running), () =>
          humanText(running, configFile),
        );
        logger.info(
          { jira: running.jira.url, github: running.github.url, seed: flags.seed },
          'emulators serving',
        );
        logger.info({ signal: await signal.received }, 'emulators stopping');
      } finally {
        signal.dispose();
        await running.close();
      }
    });
}
