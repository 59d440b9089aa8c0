/**
 * One whole cycle in-process, no Redis: sync → rollup → write-back → report, with the same job
 * definitions the workers run and the in-process runner (`inline-runner.ts`). What `northstar run`
 * does (the embedded default for a laptop, cron or CI) and what `northstar demo` calls.
 *
 * Stages run one after the other so each starts from a settled database: the sync stage runs the
 * sync jobs only (the rollups a finished unit asks for are left to the next stage), the rollup
 * stage computes every node once and chains the write-back of the summaries that changed, and the
 * report stage exports the weekly report.
 */
import { COMPUTE_ROLLUPS } from './compute-rollups.js';
import type { ReportResult } from './export-report.js';
import {
  runInline,
  runnable,
  type FailedJob,
  type InlineRunnerOptions,
  type RunnableJob,
  type RunnerProgress,
} from './inline-runner.js';
import type { JobRegistry } from './registry.js';
import type { JobRequest } from './types.js';
import { WRITE_SUMMARIES } from './write-summaries.js';

export type CycleStageName = 'sync' | 'rollup' | 'report';

export interface CycleStage {
  stage: CycleStageName;
  completed: number;
  failed: FailedJob[];
  stopped: boolean;
}

export interface CycleReport {
  stages: CycleStage[];
  report: ReportResult | null;
  /** Write requests of the write-back (0 when nothing changed or write-back is off). */
  writes: number;
  ok: boolean;
}

export interface CycleOptions {
  registry: JobRegistry;
  context: InlineRunnerOptions['context'];
  full: boolean;
  writeback: boolean;
  report: boolean;
  /** Fetch jobs in flight at once. */
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (stage: CycleStageName, progress: RunnerProgress) => void;
}

const SYNC_JOBS = ['sync-start', 'sync-jira', 'sync-github', 'ingest-page'];

function jobsNamed(registry: JobRegistry, names: readonly string[]): RunnableJob[] {
  return names.flatMap((name) => {
    const entry = registry.get(name);
    return entry ? [runnable(entry.definition)] : [];
  });
}

export async function runCycle(options: CycleOptions): Promise<CycleReport> {
  const stages: CycleStage[] = [];
  let report: ReportResult | null = null;
  let writes = 0;

  async function stage(
    name: CycleStageName,
    first: JobRequest,
    jobs: RunnableJob[],
  ): Promise<CycleStage> {
    const run = await runInline(first, {
      jobs,
      context: options.context,
      concurrency: options.concurrency,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => options.onProgress?.(name, p),
      onResult: (outcome) => {
        if (outcome.name === 'export-report') report = outcome.result as ReportResult;
        if (outcome.name === WRITE_SUMMARIES) {
          writes += (outcome.result as { writes?: number } | null)?.writes ?? 0;
        }
      },
    });
    const result = {
      stage: name,
      completed: run.completed,
      failed: run.failed,
      stopped: run.stopped,
    };
    stages.push(result);
    return result;
  }

  const sync = await stage(
    'sync',
    { queue: 'ingest', name: 'sync-start', payload: { full: options.full } },
    jobsNamed(options.registry, SYNC_JOBS),
  );
  if (!sync.stopped) {
    const rollup = await stage(
      'rollup',
      { queue: 'rollup', name: COMPUTE_ROLLUPS, payload: {} },
      jobsNamed(options.registry, [
        COMPUTE_ROLLUPS,
        ...(options.writeback ? [WRITE_SUMMARIES] : []),
      ]),
    );
    if (options.report && !rollup.stopped) {
      await stage(
        'report',
        { queue: 'report', name: 'export-report', payload: {} },
        jobsNamed(options.registry, ['export-report']),
      );
    }
  }
  return {
    stages,
    report,
    writes,
    ok: stages.every((s) => s.failed.length === 0 && !s.stopped),
  };
}
