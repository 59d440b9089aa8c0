/**
 * One sync run in-process: builds the sources and the sync jobs, runs `sync-start` and every
 * page after it with the inline runner, and sums the counts per unit. Used by `northstar sync`
 * (and by `northstar run` for its first stage).
 */
import { createIngestPageJob, type IngestPageResult } from '../jobs/ingest-page.js';
import {
  runInline,
  runnable,
  type InlineRunReport,
  type RunnableJob,
  type RunnerProgress,
} from '../jobs/inline-runner.js';
import { createSyncGitHubJob } from '../jobs/sync-github.js';
import { createSyncJiraJob } from '../jobs/sync-jira.js';
import { createSyncStartJob } from '../jobs/sync-start.js';
import type { PageCounts } from '../jobs/sync/payloads.js';
import type { SyncSources } from '../jobs/sync/sources.js';
import type { AppContext } from './context.js';
import { buildSyncReport, type SyncReport } from './sync-report.js';
import { createSyncSources } from './sources.js';

export interface RunSyncOptions {
  app: Pick<AppContext, 'loaded' | 'hierarchy' | 'clock' | 'logger' | 'db'>;
  sources: ('jira' | 'github')[];
  full: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: RunnerProgress) => void;
  /** Prebuilt sources (tests and benchmarks share a meter or a fetch); default: from config. */
  syncSources?: SyncSources;
  /** More jobs to chain in (e.g. `compute-rollups` for `northstar run`). */
  extraJobs?: RunnableJob[];
}

export function syncJobs(sources: SyncSources): RunnableJob[] {
  return [
    runnable(createSyncStartJob(sources)),
    runnable(createSyncJiraJob(sources)),
    runnable(createSyncGitHubJob(sources)),
    runnable(createIngestPageJob()),
  ];
}

export async function runSync(
  options: RunSyncOptions,
): Promise<{ report: SyncReport; run: InlineRunReport }> {
  const { app } = options;
  const config = app.loaded.config;
  const sources =
    options.syncSources ?? createSyncSources({ config, clock: app.clock, logger: app.logger });
  const before = sources.meter.snapshot();
  const pages: PageCounts[] = [];
  const run = await runInline(
    {
      queue: 'ingest',
      name: 'sync-start',
      payload: { full: options.full, sources: options.sources },
    },
    {
      jobs: [...syncJobs(sources), ...(options.extraJobs ?? [])],
      context: {
        config,
        hierarchy: app.hierarchy,
        clock: app.clock,
        logger: app.logger,
        db: () => app.db(),
      },
      concurrency: config.sync.concurrency,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onResult: (outcome) => {
        if (outcome.name === 'ingest-page' && outcome.result !== null)
          pages.push(outcome.result as NonNullable<IngestPageResult>);
      },
    },
  );
  const requests = subtract(sources.meter.snapshot(), before);
  return { report: buildSyncReport(pages, requests), run };
}

function subtract(
  after: ReturnType<SyncSources['meter']['snapshot']>,
  before: ReturnType<SyncSources['meter']['snapshot']>,
) {
  const earlier = new Map(before.map((c) => [`${c.source}\u0000${c.unit}`, c]));
  return after.map((c) => {
    const b = earlier.get(`${c.source}\u0000${c.unit}`);
    return b
      ? {
          ...c,
          requests: c.requests - b.requests,
          notModified: c.notModified - b.notModified,
          writes: c.writes - b.writes,
        }
      : c;
  });
}
