/**
 * `northstar rollup [--json]`: computes the rollups in-process (the `compute-rollups` job's
 * handler, without queueing the write-back it would ask for) and prints the tree.
 *
 * `--json`: `{"generatedAt", "bets": [...]}`; every node is its full `Rollup` (id, name, health,
 * counts, points, progress, forecast, scope, throughput, risks, dates, links, …) with its children
 * as `programs` (bets) and `projects` (programs) instead of `children` ids.
 */
import type { Command } from 'commander';
import type { Rollup } from '../../domain/rollup.js';
import type { RollupTree } from '../../rollup/engine.js';
import type { JobContext } from '../../jobs/types.js';
import { createContext, type GlobalOptions } from '../context.js';
import { printResult } from '../output.js';

interface RollupOptions {
  json?: boolean;
}

type NodeJson = Omit<Rollup, 'children'> & { programs?: NodeJson[]; projects?: NodeJson[] };

function nodeJson(rollup: Rollup, tree: RollupTree): NodeJson {
  const { children, ...rest } = rollup;
  const kids = children
    .map((id) => tree.byId.get(id))
    .filter((r): r is Rollup => r !== undefined)
    .map((r) => nodeJson(r, tree));
  if (rollup.level === 'bet') return { ...rest, programs: kids };
  if (rollup.level === 'program') return { ...rest, projects: kids };
  return rest;
}

export function rollupJson(tree: RollupTree): { generatedAt: string; bets: NodeJson[] } {
  return { generatedAt: tree.generatedAt, bets: tree.bets.map((bet) => nodeJson(bet, tree)) };
}

const percent = (value: number | null): string =>
  value === null ? '—' : `${Math.round(value * 100)}%`;

function row(rollup: Rollup, depth: number): string[] {
  const { counts, points, forecast, dates } = rollup;
  const declared =
    rollup.declaredStatus === null
      ? ''
      : ` (declared ${rollup.declaredStatus}${rollup.healthDisagrees ? ' ≠' : ''})`;
  return [
    `${'  '.repeat(depth)}${rollup.name} [${rollup.id}]`,
    `${rollup.health}${declared}`,
    `${counts.done}/${counts.total}`,
    percent(rollup.progress.byCount),
    points.total === 0 ? '—' : `${points.done}/${points.total} (${percent(points.coverage)} est.)`,
    forecast.p50 ?? '—',
    forecast.p85 ?? '—',
    dates.targetDate ?? '—',
    percent(forecast.probOnTime),
    String(rollup.risks.blocked + rollup.risks.overdue),
  ];
}

export function rollupTable(tree: RollupTree): string {
  const rows: string[][] = [
    [
      'node',
      'health',
      'done/total',
      'progress',
      'points',
      'P50',
      'P85',
      'target',
      'on time',
      'blocked+overdue',
    ],
  ];
  const walk = (rollup: Rollup, depth: number): void => {
    rows.push(row(rollup, depth));
    for (const id of rollup.children) {
      const child = tree.byId.get(id);
      if (child) walk(child, depth + 1);
    }
  };
  for (const bet of tree.bets) walk(bet, 0);
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const lines = rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  return [...lines, '', `computed ${tree.generatedAt}`].join('\n');
}

export function registerRollup(program: Command): void {
  program
    .command('rollup')
    .description(
      'compute progress, scope, throughput, forecasts, health and risks; store the daily snapshot',
    )
    .option('--json', 'print the bet → program → project tree as JSON')
    .action(async (options: RollupOptions, command: Command) => {
      // Loaded on use: other commands should not pay for the engine.
      const { computeRollups } = await import('../../jobs/compute-rollups.js');
      const app = createContext(command.optsWithGlobals<GlobalOptions>());
      const controller = new AbortController();
      const stop = (): void => {
        controller.abort();
      };
      process.once('SIGINT', stop).once('SIGTERM', stop);
      try {
        const logger = app.logger.child({ job: 'compute-rollups', jobId: 'inline' });
        const ctx: JobContext = {
          config: app.loaded.config,
          hierarchy: app.hierarchy,
          clock: app.clock,
          logger,
          db: () => app.db(),
          // `northstar writeback` writes the comments; this command only computes.
          enqueue: () => Promise.resolve(),
          progress: (update) => {
            if (process.stderr.isTTY) {
              process.stderr.write(
                `\r${update.label} (${update.done}/${update.total ?? '?'})\x1b[K`,
              );
              if (update.done === update.total) process.stderr.write('\n');
            } else {
              logger.debug({ ...update }, 'progress');
            }
          },
          signal: controller.signal,
        };
        const result = await computeRollups(ctx, {});
        printResult({ json: options.json === true }, rollupJson(result.tree), () =>
          rollupTable(result.tree),
        );
      } finally {
        process.off('SIGINT', stop).off('SIGTERM', stop);
        app.close();
      }
    });
}
