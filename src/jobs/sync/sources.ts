/**
 * What the sync jobs need from outside the job contract: the source adapters (built once per
 * process by the composition root; null when the source is not configured) and the request
 * meter they count on.
 */
import type { GitHubSource } from '../../sources/github/source.js';
import type { JiraSource } from '../../sources/jira/source.js';
import type { RequestMeter } from '../../sources/meter.js';
import type { RateBudget } from '../../sources/transport.js';
import { contentHash } from '../../lib/hash.js';
import type { JobRequest } from '../types.js';

export interface SyncSources {
  jira: JiraSource | null;
  github: GitHubSource | null;
  meter: RequestMeter;
  /**
   * The last API budget each host announced to this process (`x-ratelimit-*`). It travels to the
   * database owner with the fetched page, which stores it for `northstar status`.
   */
  budgets: Map<string, RateBudget>;
}

/**
 * What a fetched page carries besides where it came from: not part of the job's identity. The
 * same page of the same run is the same job whatever it held (a refetch after a crash is not a
 * second page), and hashing a whole page of items for its id would cost more than storing it.
 */
const PAGE_CONTENT: ReadonlySet<string> = new Set([
  'issues',
  'pulls',
  'changelogs',
  'ids',
  'quarantined',
  'budget',
]);

/** A deterministic job id: the same page of the same run is never queued twice. */
export function jobRequest(request: Omit<JobRequest, 'jobId'>): JobRequest {
  const { payload } = request;
  let identity = payload;
  if (typeof payload === 'object' && payload !== null) {
    identity = Object.fromEntries(
      Object.entries(payload).filter(([key]) => !PAGE_CONTENT.has(key)),
    );
  }
  return { ...request, jobId: `${request.name}.${contentHash(identity)}` };
}

export function rollupRequest(projectIds: readonly string[]): JobRequest {
  const ids = [...new Set(projectIds)].sort();
  return jobRequest({ queue: 'rollup', name: 'compute-rollups', payload: { projectIds: ids } });
}
