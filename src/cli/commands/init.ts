import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { configPath, type GlobalOptions } from '../context.js';
import { CliError, EXIT_USAGE } from '../errors.js';
import { printResult } from '../output.js';

const EXAMPLE = fileURLToPath(new URL('../../../config/northstar.example.yaml', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../../../config/northstar.schema.json', import.meta.url));

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write an example config (config/northstar.yaml) to start from')
    .option('--force', 'overwrite an existing file')
    .option('--json', 'print the result as JSON')
    .action((options: { force?: boolean; json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const target = configPath(globals, process.env);
      if (existsSync(target) && options.force !== true) {
        throw new CliError(`${target} already exists (use --force to overwrite)`, EXIT_USAGE);
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(EXAMPLE, target);
      const schemaTarget = `${dirname(target)}/northstar.schema.json`;
      if (!existsSync(schemaTarget)) copyFileSync(SCHEMA, schemaTarget);
      printResult({ json: options.json === true }, { written: target }, () =>
        [
          `wrote ${target}`,
          'next: set JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN and GITHUB_TOKEN in the environment,',
          'map your epics and repositories, then run `northstar config check`.',
        ].join('\n'),
      );
    });
}
