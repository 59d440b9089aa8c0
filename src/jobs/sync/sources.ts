/**
 * What the sync jobs need from outside the job contract: the source adapters (built once per
 * process by the composition root; null when the source is not configured) and the request
 * meter they count on.
 */
import type { GitHubSource } from '../../sources/github/source.js';
import type { JiraSource } from '../../sources/jira/source.js';
import type { RequestMeter } from '../../sources/meter.js';
import { contentHash } from '../../lib/hash.js';
import type { JobRequest } from '../types.js';

export interface SyncSources {
  jira: JiraSource | null;
  github: GitHubSource | null;
  meter: RequestMeter;
}

/** A deterministic job id: the same page of the same run is never queued twice. */
export function jobRequest(request: Omit<JobRequest, 'jobId'>): JobRequest {
  return { ...request, jobId: `${request.name}.${contentHash(request.payload)}` };
}

export function rollupRequest(projectIds: readonly string[]): JobRequest {
  const ids = [...new Set(projectIds)].sort();
  return jobRequest({ queue: 'rollup', name: 'compute-rollups', payload: { projectIds: ids } });
}
