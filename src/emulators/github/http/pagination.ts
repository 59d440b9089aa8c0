/**
 * GitHub's page-number pagination: `per_page` (default 30, at most 100) and `page`, with a
 * `Link` header carrying `prev` / `next` / `last` / `first`. Like api.github.com, the links
 * point at `/repositories/{id}/…` rather than the `/repos/{owner}/{repo}/…` address the client
 * asked for, keep every other query parameter, and must be followed verbatim.
 * https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */

export interface PageRequest {
  page: number;
  perPage: number;
}

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export function pageRequest(query: URLSearchParams): PageRequest {
  const perPage = Number.parseInt(query.get('per_page') ?? '', 10);
  const page = Number.parseInt(query.get('page') ?? '', 10);
  return {
    // GitHub caps an oversized per_page at 100 rather than refusing it.
    perPage:
      Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, MAX_PER_PAGE) : DEFAULT_PER_PAGE,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export interface Page<T> {
  items: T[];
  page: number;
  lastPage: number;
}

export function slicePage<T>(all: readonly T[], request: PageRequest): Page<T> {
  const start = (request.page - 1) * request.perPage;
  return {
    items: all.slice(start, start + request.perPage),
    page: request.page,
    lastPage: Math.max(1, Math.ceil(all.length / request.perPage)),
  };
}

/**
 * The `Link` header for a page, or undefined when everything fits on one page (GitHub then
 * omits the header).
 */
export function linkHeader(options: {
  /** Absolute URL of the list without a query, e.g. `…/repositories/42/issues`. */
  base: string;
  query: URLSearchParams;
  page: number;
  lastPage: number;
}): string | undefined {
  const { base, query, page, lastPage } = options;
  if (lastPage <= 1 && page <= 1) return undefined;
  const at = (n: number): string => {
    const q = new URLSearchParams(query);
    q.set('page', String(n));
    return `${base}?${q.toString()}`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${at(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) {
    links.push(`<${at(page + 1)}>; rel="next"`);
    links.push(`<${at(lastPage)}>; rel="last"`);
  }
  if (page > 1) links.push(`<${at(1)}>; rel="first"`);
  return links.join(', ');
}
