/**
 * GET /repos/{owner}/{repo}/issues and /issues/{n}. The list holds pull requests too (with a
 * `pull_request` key); `since` keeps items updated at or after the time; default order is
 * newest created first.
 * https://docs.github.com/en/rest/issues/issues#list-repository-issues
 */
import { conditional } from '../http/etag.js';
import { renderIssue } from '../render/issue.js';
import type { IssueFilter } from '../store/queries.js';
import { repoRoute, type RouteTable } from './context.js';
import { enumParam, findItem, findRepo, listPage, sinceParam } from './helpers.js';

export function issueRoutes(table: RouteTable): void {
  const { api } = table;

  repoRoute(table, { method: 'GET', suffix: '/issues', cost: 'read' }, (request) => {
    const repo = findRepo(api, request);
    const q = request.query;
    const filter: IssueFilter = {
      state: enumParam(q, { name: 'state', values: ['open', 'closed', 'all'], fallback: 'open' }),
      labels: (q.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
      sort: enumParam(q, {
        name: 'sort',
        values: ['created', 'updated', 'comments'],
        fallback: 'created',
      }),
      direction: enumParam(q, { name: 'direction', values: ['asc', 'desc'], fallback: 'desc' }),
    };
    const milestone = q.get('milestone');
    if (milestone !== null && milestone !== '') filter.milestone = milestone;
    const assignee = q.get('assignee');
    if (assignee !== null && assignee !== '') filter.assignee = assignee;
    const creator = q.get('creator');
    if (creator !== null && creator !== '') filter.creator = creator;
    const since = sinceParam(q);
    if (since !== undefined) filter.since = since;
    return listPage(request, {
      all: api.queries.issues(repo, filter),
      render: (item) => api.malformed.apply(item, renderIssue(api.render, repo, item)),
      linkBase: `${api.urls.repoById(repo.id)}/issues`,
      etags: api.listEtags,
    });
  });

  repoRoute(table, { method: 'GET', suffix: '/issues/{issue_number}', cost: 'read' }, (request) => {
    const repo = findRepo(api, request);
    const item = findItem(api, repo, request.params['issue_number']);
    return conditional(
      request,
      api.malformed.apply(item, renderIssue(api.render, repo, item, true)),
    );
  });
}
