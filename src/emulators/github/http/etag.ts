/**
 * Conditional requests. GitHub sends a weak `ETag` (`W/"…"`) on reads and answers a matching
 * `If-None-Match` with 304 Not Modified — which, for an authorised request, does not count
 * against the primary rate limit.
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
 *
 * The tag is a hash of the page body plus the query, so it changes exactly when what the client
 * would receive changes. Pages of the repositories' issue and pull request lists remember their
 * tag (`ListEtags`), so a conditional request for an unchanged page costs neither rendering nor
 * hashing — GitHub too answers those from a cache.
 */
import { createHash } from 'node:crypto';
import type { EmuRequest, EmuResponse } from '../../core/index.js';

export function weakEtag(body: unknown, query: string): string {
  return etagOfJson(JSON.stringify(body), query);
}

/** `weakEtag` of a body already serialized. */
function etagOfJson(json: string, query: string): string {
  const hash = createHash('sha256').update(json).update('\n').update(query);
  return `W/"${hash.digest('hex').slice(0, 40)}"`;
}

/** Weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored; `*` matches anything. */
export function etagMatches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/** 200 with the body and its ETag, or 304 when the client already has it. */
export function conditional(
  request: EmuRequest,
  body: unknown,
  headers: Record<string, string> = {},
): EmuResponse {
  const json = JSON.stringify(body);
  return withEtag(request, etagOfJson(json, request.query.toString()), { body, json }, headers);
}

/**
 * The tags of pages of list views that never change once built — `ListQueries`' views: a change
 * to the repository builds new ones — by view and query. A view that is dropped takes its
 * tags with it.
 */
export class ListEtags {
  private readonly byView = new WeakMap<object, Map<string, string>>();

  get(view: object, query: string): string | undefined {
    return this.byView.get(view)?.get(query);
  }

  remember(view: object, query: string, etag: string): void {
    const tags = this.byView.get(view);
    if (tags) tags.set(query, etag);
    else this.byView.set(view, new Map([[query, etag]]));
  }
}

/**
 * `conditional` for a page of an unchanging list view: 304 from the remembered tag when it
 * matches, else the page is rendered, tagged and its tag remembered.
 */
export function conditionalPage(
  request: EmuRequest,
  page: { view: object; etags: ListEtags; render: () => unknown },
  headers: Record<string, string> = {},
): EmuResponse {
  const query = request.query.toString();
  const known = page.etags.get(page.view, query);
  if (known !== undefined && etagMatches(request.headers['if-none-match'], known))
    return withEtag(request, known, null, headers);
  const body = page.render();
  const json = JSON.stringify(body);
  const etag = etagOfJson(json, query);
  page.etags.remember(page.view, query, etag);
  return withEtag(request, etag, { body, json }, headers);
}

/** The answer for a tagged body (null: the client has it, so only a 304 can be given). */
function withEtag(
  request: EmuRequest,
  etag: string,
  content: { body: unknown; json: string } | null,
  headers: Record<string, string>,
): EmuResponse {
  const common = {
    ...headers,
    etag,
    'cache-control': 'private, max-age=60, s-maxage=60',
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
  };
  if (content === null || etagMatches(request.headers['if-none-match'], etag))
    return { status: 304, headers: common };
  return { status: 200, headers: common, body: content.body, bodyJson: content.json };
}
