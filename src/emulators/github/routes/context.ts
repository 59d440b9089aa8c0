/** What every GitHub route handler works with; built once per emulator in `../server.ts`. */
import type { Router } from '../../core/index.js';
import type { MalformedItems } from '../faults/malformed.js';
import type { ListEtags } from '../http/etag.js';
import type { Cost, GitHubLimits } from '../limits/limits.js';
import type { RenderContext } from '../render/context.js';
import type { Urls } from '../render/urls.js';
import type { ListQueries } from '../store/queries.js';
import type { GitHubStore } from '../store/store.js';

export interface GitHubApi {
  store: GitHubStore;
  queries: ListQueries;
  /** Remembered ETags of the pages of `queries`' views. */
  listEtags: ListEtags;
  render: RenderContext;
  urls: Urls;
  limits: GitHubLimits;
  malformed: MalformedItems;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteTable {
  router: Router;
  api: GitHubApi;
}

/** Registers a route, with the cost it has against GitHub's limits. */
export function route(
  table: RouteTable,
  spec: { method: Method; path: string; cost: Cost },
  handler: Parameters<GitHubLimits['guard']>[1],
): void {
  table.router.add(spec.method, spec.path, table.api.limits.guard(spec.cost, handler));
}

/**
 * Registers a repository route under both addresses GitHub answers on: the one clients build
 * (`/repos/{owner}/{repo}/…`) and the one its `Link` headers point at
 * (`/repositories/{repository_id}/…`).
 */
export function repoRoute(
  table: RouteTable,
  spec: { method: Method; suffix: string; cost: Cost },
  handler: Parameters<GitHubLimits['guard']>[1],
): void {
  route(table, { ...spec, path: `/repos/{owner}/{repo}${spec.suffix}` }, handler);
  route(table, { ...spec, path: `/repositories/{repository_id}${spec.suffix}` }, handler);
}
