/**
 * Repositories: GET /repos/{owner}/{repo} (also by id, as GitHub's links use) and the
 * organisation's repository list.
 * https://docs.github.com/en/rest/repos/repos
 */
import { HttpError, type EmuRequest } from '../../core/index.js';
import { conditional } from '../http/etag.js';
import { notFound } from '../http/errors.js';
import type { RepoRecord } from '../store/types.js';
import { repoRoute, route, type RouteTable } from './context.js';
import { enumParam, findRepo, listPage } from './helpers.js';

export function repoRoutes(table: RouteTable): void {
  const { api } = table;

  repoRoute(table, { method: 'GET', suffix: '', cost: 'read' }, (request) =>
    conditional(request, api.render.repository(findRepo(api, request)).full),
  );

  const listForOrg = (org: number | undefined, query: URLSearchParams): RepoRecord[] => {
    if (org === undefined) throw new HttpError(notFound());
    const sort = enumParam(query, {
      name: 'sort',
      values: ['created', 'updated', 'pushed', 'full_name'] as const,
      fallback: 'created',
    });
    const direction = enumParam(query, {
      name: 'direction',
      values: ['asc', 'desc'] as const,
      fallback: sort === 'full_name' ? 'asc' : 'desc',
    });
    const key = (r: RepoRecord): number | string =>
      sort === 'full_name'
        ? r.name
        : sort === 'updated'
          ? r.updatedAt
          : sort === 'pushed'
            ? r.pushedAt
            : r.createdAt;
    const sign = direction === 'asc' ? 1 : -1;
    return api.store
      .repos()
      .filter((r) => r.ownerId === org)
      .sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id);
      });
  };

  const orgList = (orgId: number | undefined, request: EmuRequest) =>
    listPage(request, {
      all: listForOrg(orgId, request.query),
      render: (repo) => api.render.repository(repo).simple,
      linkBase: `${api.urls.api}/organizations/${orgId ?? 0}/repos`,
    });

  route(table, { method: 'GET', path: '/orgs/{org}/repos', cost: 'read' }, (request) => {
    const org = api.store.userByLogin(request.params['org'] ?? '');
    return orgList(org?.type === 'Organization' ? org.id : undefined, request);
  });

  route(
    table,
    { method: 'GET', path: '/organizations/{organization_id}/repos', cost: 'read' },
    (request) => orgList(Number(request.params['organization_id']), request),
  );
}
