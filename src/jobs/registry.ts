/**
 * Every job northstar can run, by name: what `northstar worker` dispatches on and what the
 * in-process runner (`northstar run`) follows. Built by the composition root, which hands in the
 * adapters the handlers need, so no job opens a connection on its own.
 *
 * `hosts` says which remote APIs a job calls: while one of them is rate-limited (a 429 holds the
 * whole host), the queue puts such jobs back instead of starting them.
 */
import type { SourceName } from '../lib/errors/index.js';
import { computeRollupsJob } from './compute-rollups.js';
import { exportReportJob } from './export-report.js';
import { createIngestPageJob } from './ingest-page.js';
import { createSyncGitHubJob } from './sync-github.js';
import { createSyncJiraJob } from './sync-jira.js';
import { createSyncStartJob } from './sync-start.js';
import type { SyncSources } from './sync/sources.js';
import type { JobDefinition, QueueName } from './types.js';
import { createWriteSummariesJob, type WriteSummariesDeps } from './write-summaries.js';

/** Any job definition, whatever its payload (each parses its own). */
export type AnyJobDefinition = JobDefinition<unknown>;

export interface RegisteredJob {
  definition: AnyJobDefinition;
  hosts: readonly SourceName[];
  /**
   * The job starts a run that must not overlap another (a sync run): while any other job waits
   * or runs on these queues, it waits its turn instead of starting a second run, so no source
   * unit is ever synced twice at once.
   */
  exclusiveOf?: readonly QueueName[];
}

export interface JobRegistry {
  get(name: string): RegisteredJob | undefined;
  names(): string[];
  /** Definitions by name, for the in-process runner. */
  definitions(): Map<string, AnyJobDefinition>;
}

export interface JobRegistryDeps extends WriteSummariesDeps {
  /** The source adapters of this process (null for a source that is not configured). */
  sources: SyncSources;
}

export function registryOf(entries: readonly RegisteredJob[]): JobRegistry {
  const byName = new Map<string, RegisteredJob>();
  for (const entry of entries) {
    if (byName.has(entry.definition.name)) {
      throw new Error(`job ${entry.definition.name} is registered twice`);
    }
    byName.set(entry.definition.name, entry);
  }
  return {
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    definitions: () => new Map([...byName].map(([name, entry]) => [name, entry.definition])),
  };
}

export function createJobRegistry(deps: JobRegistryDeps): JobRegistry {
  return registryOf([
    // A run waits for the previous one's pages: no source unit is synced twice at once.
    { definition: createSyncStartJob(deps.sources), hosts: [], exclusiveOf: ['sync', 'ingest'] },
    { definition: createSyncJiraJob(deps.sources), hosts: ['jira'] },
    { definition: createSyncGitHubJob(deps.sources), hosts: ['github'] },
    { definition: createIngestPageJob(), hosts: [] },
    { definition: computeRollupsJob, hosts: [] },
    { definition: createWriteSummariesJob(deps), hosts: ['jira', 'github'] },
    { definition: exportReportJob, hosts: [] },
  ]);
}
