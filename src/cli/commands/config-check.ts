import type { Command } from 'commander';
import { allProjects, buildHierarchy, ConfigError, loadConfigFile } from '../../config/index.js';
import { configPath, type GlobalOptions } from '../context.js';
import { CliError, EXIT_USAGE } from '../errors.js';
import { printResult } from '../output.js';

export function registerConfig(program: Command): void {
  const config = program.command('config').description('inspect and validate the config file');
  config
    .command('check')
    .description('validate the config file (exit 2 with the YAML path and line of each problem)')
    .option('--json', 'print the result as JSON')
    .action((options: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const file = configPath(globals, process.env);
      const json = options.json === true;
      try {
        const loaded = loadConfigFile(file, process.env);
        const hierarchy = buildHierarchy(loaded.config);
        const programs = hierarchy.bets.flatMap((b) => b.programs);
        const projects = allProjects(hierarchy);
        const summary = {
          valid: true,
          file,
          bets: hierarchy.bets.length,
          programs: programs.length,
          projects: projects.length,
          jiraEpics: projects.reduce((n, p) => n + p.jira.epics.length, 0),
          githubRepos: new Set(projects.flatMap((p) => p.github.repos)).size,
        };
        printResult(
          { json },
          summary,
          () =>
            `${file}: valid — ${summary.bets} big bets, ${summary.programs} programs, ${summary.projects} projects, ` +
            `${summary.jiraEpics} Jira epics, ${summary.githubRepos} GitHub repositories`,
        );
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        if (json) {
          printResult({ json }, { valid: false, file, problems: error.problems }, () => '');
          throw new CliError('', EXIT_USAGE);
        }
        throw new CliError(error.message, EXIT_USAGE);
      }
    });
  config
    .command('schema')
    .description('print the JSON Schema of the config file (for editors)')
    .action(async () => {
      const { configJsonSchemaText } = await import('../../config/index.js');
      process.stdout.write(configJsonSchemaText());
    });
}
