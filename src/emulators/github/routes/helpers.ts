/** Lookups and response shapes shared by the GitHub routes. */
import { HttpError, type EmuRequest, type EmuResponse } from '../../core/index.js';
import { conditional, conditionalPage, type ListEtags } from '../http/etag.js';
import { githubError, notFound, validationFailed } from '../http/errors.js';
import { linkHeader, pageRequest, slicePage } from '../http/pagination.js';
import type { ItemRecord, RepoRecord } from '../store/types.js';
import type { GitHubApi } from './context.js';

type Json = Record<string, unknown>;

export function findRepo(api: GitHubApi, request: EmuRequest): RepoRecord {
  const { owner, repo, repository_id: id } = request.params;
  const found =
    id !== undefined ? api.store.repoById(Number(id)) : api.store.repo(owner ?? '', repo ?? '');
  if (!found) throw new HttpError(notFound());
  return found;
}

/**
 * The issue or pull request at `number`. A transferred issue answers 301 with its new address
 * and a deleted one 410 Gone, as GitHub does.
 */
export function findItem(api: GitHubApi, repo: RepoRecord, number: string | undefined): ItemRecord {
  const n = Number(number);
  const item = Number.isInteger(n) ? repo.items.get(n) : undefined;
  if (item) return item;
  const tombstone = Number.isInteger(n) ? repo.tombstones.get(n) : undefined;
  if (tombstone?.kind === 'deleted')
    throw new HttpError(githubError(410, 'This issue was deleted'));
  if (tombstone?.kind === 'transferred') {
    const to = api.store.repoById(tombstone.repoId);
    if (to) {
      const location = `${api.urls.repo(api.store.fullName(to))}/issues/${tombstone.number}`;
      throw new HttpError({
        status: 301,
        headers: { location },
        body: {
          message: 'Moved Permanently',
          url: location,
          documentation_url: 'https://docs.github.com/rest',
        },
      });
    }
  }
  throw new HttpError(notFound());
}

/**
 * One page of a list, with `Link` and `ETag`, or 304 when the client has this page already.
 * `etags` only for a list view that never changes (see `ListEtags`): its pages' tags are kept.
 */
export function listPage<T>(
  request: EmuRequest,
  list: { all: readonly T[]; render: (item: T) => Json; linkBase: string; etags?: ListEtags },
): EmuResponse {
  const page = slicePage(list.all, pageRequest(request.query));
  const link = linkHeader({
    base: list.linkBase,
    query: request.query,
    page: page.page,
    lastPage: page.lastPage,
  });
  const headers: Record<string, string> = link ? { link } : {};
  const render = (): Json[] => page.items.map(list.render);
  return list.etags
    ? conditionalPage(request, { view: list.all, etags: list.etags, render }, headers)
    : conditional(request, render(), headers);
}

/** Reads an enumerated query parameter; GitHub answers 422 for a value it does not know. */
export function enumParam<T extends string>(
  query: URLSearchParams,
  spec: { name: string; values: readonly T[]; fallback: T },
): T {
  const value = query.get(spec.name);
  if (value === null || value === '') return spec.fallback;
  if (!(spec.values as readonly string[]).includes(value))
    throw new HttpError(validationFailed(spec.name, value));
  return value as T;
}

export function sinceParam(query: URLSearchParams): number | undefined {
  const since = query.get('since');
  if (since === null || since === '') return undefined;
  const ms = Date.parse(since);
  if (Number.isNaN(ms)) throw new HttpError(validationFailed('since', since));
  return ms;
}

export function requireStringField(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'string')
    throw new HttpError(
      githubError(422, 'Invalid request.', [
        { resource: 'IssueComment', field, code: 'missing_field' },
      ]),
    );
  return value;
}
