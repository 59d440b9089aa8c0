/**
 * `northstar writeback [--dry-run] [--json]`: runs the `write-summaries` job in-process.
 *
 * `--json` prints `{"targets":[{"target","action","commentId"}],"writes":n}` (a failed target
 * also carries `"error"`); `--dry-run` reads but writes nothing and shows, per target, whether it
 * would create, update or skip, with a unified diff of the readable body (ADF as text).
 */
import type { Command } from 'commander';
import type { JobContext } from '../../jobs/types.js';
import type { TargetReport, WriteSummariesReport } from '../../writeback/write-summaries.js';
import { createContext, type GlobalOptions } from '../context.js';
import { CliError, EXIT_FAILURE } from '../errors.js';
import { printResult } from '../output.js';

interface WritebackOptions {
  dryRun?: boolean;
  json?: boolean;
}

const WOULD = { create: 'would create', update: 'would update', skip: 'would skip' } as const;

function humanLine(t: TargetReport, dryRun: boolean): string {
  const action = dryRun ? WOULD[t.action] : t.action;
  const id = t.commentId ? ` comment ${t.commentId}` : '';
  const why = t.error ? `${t.reason}: ${t.error}` : t.reason;
  return `${action.padEnd(12)} ${t.target}${id} — ${why}`;
}

export function formatHuman(report: WriteSummariesReport): string {
  const lines: string[] = [];
  for (const t of report.targets) {
    lines.push(humanLine(t, report.dryRun));
    if (t.diff) lines.push(t.diff.trimEnd(), '');
  }
  if (report.targets.length === 0) lines.push('no summary comment targets');
  lines.push(
    report.dryRun
      ? `dry run: nothing written (${report.targets.filter((t) => t.action !== 'skip').length} would change)`
      : `${report.writes} write request(s)`,
  );
  return lines.join('\n');
}

export function toJson(report: WriteSummariesReport): unknown {
  return {
    targets: report.targets.map((t) => ({
      target: t.target,
      action: t.action,
      commentId: t.commentId,
      ...(t.error ? { error: t.error } : {}),
    })),
    writes: report.writes,
  };
}

export function registerWriteback(program: Command): void {
  program
    .command('writeback')
    .description(
      'create or update the sticky status comment on each Jira epic / GitHub tracking issue',
    )
    .option('--dry-run', 'print what would be written (with a diff) and write nothing')
    .option('--json', 'print the actions as JSON')
    .action(async (options: WritebackOptions, command: Command) => {
      // Loaded on use: the clients are heavy and other commands should start fast.
      const { createWriteSummariesJob } = await import('../../jobs/write-summaries.js');
      const { createCommentPorts } = await import('../../writeback/ports.js');
      const app = createContext(command.optsWithGlobals<GlobalOptions>());
      const controller = new AbortController();
      const stop = (): void => {
        controller.abort();
      };
      process.once('SIGINT', stop).once('SIGTERM', stop);
      try {
        const job = createWriteSummariesJob({
          ports: (ctx) =>
            createCommentPorts({ config: ctx.config, clock: ctx.clock, logger: ctx.logger }),
        });
        const ctx: JobContext = {
          config: app.loaded.config,
          hierarchy: app.hierarchy,
          clock: app.clock,
          logger: app.logger.child({ job: job.name, jobId: 'inline' }),
          db: () => app.db(),
          enqueue: () => Promise.resolve(),
          progress: () => undefined,
          signal: controller.signal,
        };
        const report = await job.handle(
          job.payload.parse({ dryRun: options.dryRun === true }),
          ctx,
        );
        printResult({ json: options.json === true }, toJson(report), () => formatHuman(report));
        const failed = report.targets.filter((t) => t.error !== undefined).length;
        if (failed > 0) throw new CliError(`${failed} target(s) failed`, EXIT_FAILURE);
      } finally {
        process.off('SIGINT', stop).off('SIGTERM', stop);
        app.close();
      }
    });
}
