/**
 * `northstar sync [--source jira|github] [--full] [--json]`: one sync run in-process (no Redis)
 * with the same jobs the workers run: `sync-start` → fetch a page → ingest it → next page …
 *
 * `--json` prints `{"units":[{"source","unit","fetched","written","unchanged","removed",
 * "quarantined","requests","notModified"}],"totals":{…same keys but source/unit…}}`; `written`
 * counts rows inserted or changed, `requests` the HTTP calls made (retries included; unit
 * `site` holds the calls that read the site's fields, statuses, projects and clock).
 * Exit 1 when a unit failed (bad credentials stop the run at once), 2 on bad flags.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { InlineRunReport } from '../../jobs/inline-runner.js';
import { createContext, type GlobalOptions } from '../context.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from '../errors.js';
import { printResult } from '../output.js';
import { createProgress } from '../progress.js';
import { COUNT_KEYS, type SyncReport } from '../sync-report.js';

const SyncFlags = z.object({
  source: z.enum(['jira', 'github'], { error: '--source must be jira or github' }).optional(),
  full: z.boolean().default(false),
  json: z.boolean().default(false),
});

function formatHuman(report: SyncReport, run: InlineRunReport): string {
  const header = ['source', 'unit', ...COUNT_KEYS];
  const rows = report.units.map((u) => [u.source, u.unit, ...COUNT_KEYS.map((k) => String(u[k]))]);
  rows.push(['total', '', ...COUNT_KEYS.map((k) => String(report.totals[k]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...rows.map(line)];
  for (const f of run.failed) lines.push(`failed: ${f.name}: ${f.error}`);
  return lines.join('\n');
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('pull Jira issues and GitHub issues/PRs into the database (incremental)')
    .option('--source <source>', 'only this source: jira or github')
    .option('--full', 'ignore cursors and re-read everything (marks vanished items removed)')
    .option('--json', 'print per-unit counts as JSON')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const parsed = SyncFlags.safeParse(raw);
      if (!parsed.success) {
        throw new CliError(parsed.error.issues.map((i) => i.message).join('; '), EXIT_USAGE);
      }
      const flags = parsed.data;
      // Loaded on use: the clients are heavy and other commands should start fast.
      const { runSync } = await import('../run-sync.js');
      const app = createContext(command.optsWithGlobals<GlobalOptions>());
      const config = app.loaded.config;
      const sources = flags.source
        ? [flags.source]
        : (['jira', 'github'] as const).filter((s) => config[s] !== undefined);
      for (const s of sources) {
        if (config[s] === undefined)
          throw new CliError(`the config has no ${s} section`, EXIT_USAGE);
      }
      if (sources.length === 0)
        throw new CliError('the config has neither a jira nor a github section', EXIT_USAGE);
      const controller = new AbortController();
      const stop = (): void => {
        controller.abort();
      };
      process.once('SIGINT', stop).once('SIGTERM', stop);
      const progress = createProgress({ logger: app.logger });

      try {
        const { report, run } = await runSync({
          app,
          sources: [...sources],
          full: flags.full,
          signal: controller.signal,
          onProgress: (p) => {
            // Jobs are discovered as pages arrive, so the total grows while it runs.
            progress({
              label: 'sync jobs (fetch + ingest per page)',
              done: p.completed,
              total: p.completed + p.running + p.queued,
            });
          },
        });
        progress.end();
        printResult({ json: flags.json }, report, () => formatHuman(report, run));
        if (run.failed.length > 0) {
          const first = run.failed[0];
          throw new CliError(
            `${run.failed.length} sync job(s) failed${first ? `: ${first.error}` : ''}`,
            EXIT_FAILURE,
          );
        }
      } finally {
        progress.end();
        process.off('SIGINT', stop).off('SIGTERM', stop);
        app.close();
      }
    });
}
