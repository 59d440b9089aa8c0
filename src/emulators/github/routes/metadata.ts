/**
 * A repository's labels and milestones (milestones: state, sort by due date or completeness).
 * https://docs.github.com/en/rest/issues/labels · https://docs.github.com/en/rest/issues/milestones
 */
import type { MilestoneRecord } from '../store/types.js';
import { repoRoute, type RouteTable } from './context.js';
import { enumParam, findRepo, listPage } from './helpers.js';

export function metadataRoutes(table: RouteTable): void {
  const { api } = table;

  repoRoute(table, { method: 'GET', suffix: '/labels', cost: 'read' }, (request) => {
    const repo = findRepo(api, request);
    return listPage(request, {
      all: repo.labels,
      render: (label) => api.render.label(repo, label),
      linkBase: `${api.urls.repoById(repo.id)}/labels`,
    });
  });

  repoRoute(table, { method: 'GET', suffix: '/milestones', cost: 'read' }, (request) => {
    const repo = findRepo(api, request);
    const q = request.query;
    const state = enumParam(q, {
      name: 'state',
      values: ['open', 'closed', 'all'] as const,
      fallback: 'open',
    });
    const sort = enumParam(q, {
      name: 'sort',
      values: ['due_on', 'completeness'] as const,
      fallback: 'due_on',
    });
    const sign =
      enumParam(q, { name: 'direction', values: ['asc', 'desc'] as const, fallback: 'asc' }) ===
      'asc'
        ? 1
        : -1;
    const completeness = (m: MilestoneRecord): number => {
      const json = api.render.milestone(repo, m.number);
      const open = Number(json?.['open_issues'] ?? 0);
      const closed = Number(json?.['closed_issues'] ?? 0);
      return open + closed === 0 ? 0 : closed / (open + closed);
    };
    const key = (m: MilestoneRecord): number =>
      sort === 'completeness' ? completeness(m) : (m.dueOn ?? Number.MAX_SAFE_INTEGER);
    const all = repo.milestones
      .filter((m) => state === 'all' || m.state === state)
      .sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
    return listPage(request, {
      all,
      render: (m) => api.render.milestone(repo, m.number) ?? {},
      linkBase: `${api.urls.repoById(repo.id)}/milestones`,
    });
  });
}
