/**
 * `northstar run [--full] [--no-writeback] [--no-report] [--json]`: one whole cycle in-process
 * (no Redis): sync → rollup → write-back → report, with progress on a terminal.
 *
 * `--json` prints `{"ok","stages":[{"stage","completed","failed":[{"name","error"}]}],
 * "writes","report":{"week","files"}|null}`. Exit 1 when a job failed.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { CycleReport } from '../../jobs/cycle.js';
import { createContext, type GlobalOptions } from '../context.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from '../errors.js';
import { printResult } from '../output.js';
import { createProgress } from '../progress.js';

const RunFlags = z.object({
  full: z.boolean().default(false),
  writeback: z.boolean().default(true),
  report: z.boolean().default(true),
  json: z.boolean().default(false),
});

export function cycleJson(report: CycleReport): unknown {
  return {
    ok: report.ok,
    stages: report.stages.map((s) => ({
      stage: s.stage,
      completed: s.completed,
      failed: s.failed.map((f) => ({ name: f.name, error: f.error })),
    })),
    writes: report.writes,
    report: report.report ? { week: report.report.week, files: report.report.files } : null,
  };
}

function formatHuman(report: CycleReport): string {
  const lines = report.stages.map(
    (s) =>
      `${s.stage.padEnd(7)} ${s.completed} job(s)${s.failed.length > 0 ? `, ${s.failed.length} failed` : ''}`,
  );
  for (const s of report.stages)
    for (const f of s.failed) lines.push(`  failed ${f.name}: ${f.error}`);
  lines.push(`writeback ${report.writes} write request(s)`);
  if (report.report)
    lines.push(`report ${report.report.week}:`, ...report.report.files.map((f) => `  ${f}`));
  return lines.join('\n');
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('one whole cycle in-process, no Redis: sync → rollup → writeback → report')
    .option('--full', 'full sync instead of incremental')
    .option('--no-writeback', 'skip writing comments')
    .option('--no-report', 'skip the report')
    .option('--json', 'print the cycle summary as JSON')
    .action(async (raw: unknown, command: Command) => {
      const parsed = RunFlags.safeParse(raw);
      if (!parsed.success) {
        throw new CliError(parsed.error.issues.map((i) => i.message).join('; '), EXIT_USAGE);
      }
      const flags = parsed.data;
      const app = createContext(command.optsWithGlobals<GlobalOptions>());
      // Loaded on use: the clients are heavy and other commands should start fast.
      const { buildJobRegistry } = await import('../registry.js');
      const { runCycle } = await import('../../jobs/cycle.js');
      const controller = new AbortController();
      const stop = (): void => {
        controller.abort();
      };
      process.once('SIGINT', stop).once('SIGTERM', stop);
      const progress = createProgress({ logger: app.logger });
      try {
        const report = await runCycle({
          registry: await buildJobRegistry(app),
          context: {
            config: app.loaded.config,
            hierarchy: app.hierarchy,
            clock: app.clock,
            logger: app.logger,
            db: () => app.db(),
          },
          full: flags.full,
          writeback: flags.writeback,
          report: flags.report,
          concurrency: app.loaded.config.sync.concurrency,
          signal: controller.signal,
          onProgress: (stage, p) => {
            progress({
              label: `${stage}: jobs`,
              done: p.completed,
              total: p.completed + p.running + p.queued,
            });
          },
        });
        progress.end();
        printResult({ json: flags.json }, cycleJson(report), () => formatHuman(report));
        if (!report.ok) throw new CliError('the cycle did not complete', EXIT_FAILURE);
      } finally {
        progress.end();
        process.off('SIGINT', stop).off('SIGTERM', stop);
        app.close();
      }
    });
}
