/**
 * The `northstar` command line. Parses flags, hands them to the command, and maps failures to
 * exit codes: 0 ok, 1 failure, 2 bad usage or invalid config.
 */
import { Command, CommanderError } from 'commander';
import { registerConfig } from './commands/config-check.js';
import { registerEmulate } from './commands/emulate.js';
import { registerInit } from './commands/init.js';
import { registerReport } from './commands/report.js';
import { registerEnqueue } from './commands/enqueue.js';
import { registerDemo } from './commands/demo.js';
import { registerRollup } from './commands/rollup.js';
import { registerRun } from './commands/run.js';
import { registerStatus } from './commands/status.js';
import { registerSync } from './commands/sync.js';
import { registerWorker } from './commands/worker.js';
import { registerWriteback } from './commands/writeback.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './errors.js';

export function buildProgram(): Command {
  const program = new Command('northstar')
    .description(
      'Rolls Jira and GitHub work up into projects → programs → big bets, writes sticky status comments and a weekly report.',
    )
    .option(
      '-c, --config <path>',
      'config file (env NORTHSTAR_CONFIG, default config/northstar.yaml)',
    )
    .option('--db <path>', 'SQLite database file (env NORTHSTAR_DB, default data/northstar.db)')
    .option('--log-level <level>', 'log level: trace, debug, info, warn, error (env LOG_LEVEL)')
    .showHelpAfterError()
    .exitOverride();
  registerInit(program);
  registerConfig(program);
  registerSync(program);
  registerRollup(program);
  registerWriteback(program);
  registerReport(program);
  registerRun(program);
  registerWorker(program);
  registerEnqueue(program);
  registerStatus(program);
  registerDemo(program);
  registerEmulate(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      if (error.exitCode === 0) return 0;
      return EXIT_USAGE;
    }
    if (error instanceof CliError) {
      if (error.message !== '') process.stderr.write(`northstar: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`northstar: ${message}\n`);
    return EXIT_FAILURE;
  }
}
