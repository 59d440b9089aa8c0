/**
 * Commands whose implementation has not landed yet: registered with their flags so `--help` is
 * complete, and failing with exit 1 and a clear message when run.
 */
import type { Command } from 'commander';
import { CliError } from '../errors.js';

function notYet(name: string): () => never {
  return () => {
    throw new CliError(`northstar ${name}: not implemented yet`);
  };
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'start the emulators with a seeded org, run one full cycle, show where the results are',
    )
    .option('--json', 'print the result locations as JSON')
    .action(notYet('demo'));
}
