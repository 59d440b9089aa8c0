/** `northstar report [--week YYYY-Www] [--format md,html,csv,json] [--out DIR] [--json]`. */
import type { Command } from 'commander';
import { z } from 'zod';
import { IsoWeek, ReportFormatName } from '../../report/options.js';
import { createContext, type GlobalOptions } from '../context.js';
import { CliError, EXIT_USAGE } from '../errors.js';
import { printResult } from '../output.js';

const ReportFlags = z.object({
  week: IsoWeek.optional(),
  format: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((f) => f.trim())
        .filter((f) => f !== ''),
    )
    .pipe(z.array(ReportFormatName).min(1, { error: 'needs at least one format' }))
    .optional(),
  out: z.string().min(1, { error: 'must not be empty' }).optional(),
  json: z.boolean().optional(),
});
type ReportFlags = z.infer<typeof ReportFlags>;

function parseFlags(raw: unknown): ReportFlags {
  const parsed = ReportFlags.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const flag = issue.path[0];
    return `${typeof flag === 'string' ? `--${flag}` : 'flags'}: ${issue.message}`;
  });
  throw new CliError(problems.join('\n'), EXIT_USAGE);
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('export the weekly report (Markdown, HTML with charts, CSV, JSON)')
    .option(
      '--week <week>',
      'ISO week, e.g. 2026-W48 (default: the week holding yesterday — on a Monday, the week that just ended)',
    )
    .option('--format <formats>', 'comma-separated: md,html,csv,json (default: report.formats)')
    .option('--out <dir>', 'output directory (default: report.outDir from config)')
    .option('--json', 'print {"week", "files"} as JSON')
    .action(async (options: unknown, command: Command) => {
      const flags = parseFlags(options);
      // Loaded here, not at startup: every other command would pay for the renderers.
      const { generateReport } = await import('../../jobs/export-report.js');
      const ctx = createContext(command.optsWithGlobals<GlobalOptions>());
      try {
        const result = generateReport(
          { db: ctx.db(), config: ctx.loaded.config, hierarchy: ctx.hierarchy, clock: ctx.clock },
          { week: flags.week, formats: flags.format, outDir: flags.out },
        );
        printResult({ json: flags.json === true }, { week: result.week, files: result.files }, () =>
          [
            `report ${result.week}${result.asOf === null ? ' (no snapshots for this week)' : ` (data as of ${result.asOf})`}:`,
            ...result.files.map((f) => `  ${f}`),
          ].join('\n'),
        );
      } finally {
        ctx.close();
      }
    });
}
