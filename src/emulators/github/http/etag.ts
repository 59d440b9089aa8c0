/**
 * Conditional requests. GitHub sends a weak `ETag` (`W/"…"`) on reads and answers a matching
 * `If-None-Match` with 304 Not Modified — which, for an authorised request, does not count
 * against the primary rate limit.
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
 *
 * The tag is a hash of the page body plus the query, so it changes exactly when what the client
 * would receive changes.
 */
import { createHash } from 'node:crypto';
import type { EmuRequest, EmuResponse } from '../../core/index.js';

export function weakEtag(body: unknown, query: string): string {
  const hash = createHash('sha256').update(JSON.stringify(body)).update('\n').update(query);
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
  const etag = weakEtag(body, request.query.toString());
  const common = {
    ...headers,
    etag,
    'cache-control': 'private, max-age=60, s-maxage=60',
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
  };
  if (etagMatches(request.headers['if-none-match'], etag)) return { status: 304, headers: common };
  return { status: 200, headers: common, body };
}
