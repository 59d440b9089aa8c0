/**
 * Pull requests: the list (state, head, base, sort, direction — no `since`), one pull request,
 * and its reviews.
 * https://docs.github.com/en/rest/pulls/pulls · https://docs.github.com/en/rest/pulls/reviews
 */
import { HttpError, type EmuRequest } from '../../core/index.js';
import { conditional } from '../http/etag.js';
import { notFound } from '../http/errors.js';
import { renderReview } from '../render/comment.js';
import { renderPull } from '../render/pull.js';
import type { PullFilter } from '../store/queries.js';
import type { ItemRecord, PullRecord, RepoRecord } from '../store/types.js';
import { repoRoute, type RouteTable } from './context.js';
import { enumParam, findItem, findRepo, listPage } from './helpers.js';

type PullItem = ItemRecord & { pull: PullRecord };

export function pullRoutes(table: RouteTable): void {
  const { api } = table;

  repoRoute(table, { method: 'GET', suffix: '/pulls', cost: 'read' }, (request) => {
    const repo = findRepo(api, request);
    const q = request.query;
    const sort = enumParam(q, {
      name: 'sort',
      values: ['created', 'updated', 'popularity', 'long-running'] as const,
      fallback: 'created',
    });
    const filter: PullFilter = {
      state: enumParam(q, { name: 'state', values: ['open', 'closed', 'all'], fallback: 'open' }),
      sort,
      // "Default: desc when sort is created or sort is not specified, otherwise asc."
      direction: enumParam(q, {
        name: 'direction',
        values: ['asc', 'desc'],
        fallback: sort === 'created' ? 'desc' : 'asc',
      }),
    };
    const head = q.get('head');
    if (head) filter.head = head;
    const base = q.get('base');
    if (base) filter.base = base;
    return listPage(request, {
      all: api.queries.pulls(repo, filter),
      render: (item) => api.malformed.apply(item, renderPull(api.render, repo, item)),
      linkBase: `${api.urls.repoById(repo.id)}/pulls`,
      etags: api.listEtags,
    });
  });

  const findPull = (request: EmuRequest): { repo: RepoRecord; item: PullItem } => {
    const repo = findRepo(api, request);
    const item = findItem(api, repo, request.params['pull_number']);
    if (!item.pull) throw new HttpError(notFound());
    return { repo, item: item as PullItem };
  };

  repoRoute(table, { method: 'GET', suffix: '/pulls/{pull_number}', cost: 'read' }, (request) => {
    const { repo, item } = findPull(request);
    return conditional(
      request,
      api.malformed.apply(item, renderPull(api.render, repo, item, true)),
    );
  });

  repoRoute(
    table,
    { method: 'GET', suffix: '/pulls/{pull_number}/reviews', cost: 'read' },
    (request) => {
      const { repo, item } = findPull(request);
      return listPage(request, {
        all: item.pull.reviews,
        render: (review) => renderReview(api.render, repo, item, review),
        linkBase: `${api.urls.repoById(repo.id)}/pulls/${item.number}/reviews`,
      });
    },
  );
}
