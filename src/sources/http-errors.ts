/**
 * HTTP answers → the typed errors of `src/lib/errors`, once, for both adapters. The queue's error
 * policy (and the inline runner) decide retry / delay / fail from the type alone.
 */
import {
  AuthError,
  NotFoundError,
  PermissionError,
  RateLimitedError,
  RequestRejectedError,
  TransientError,
  type SourceError,
  type SourceName,
} from '../lib/errors/index.js';

export type HeaderGetter = (name: string) => string | null;

/**
 * When the next request may go. Jira sends `Retry-After` (seconds) and `X-RateLimit-Reset` (an
 * ISO time rounded to the minute, earlier than Retry-After); GitHub sends `retry-after` for
 * secondary limits and `x-ratelimit-reset` (epoch seconds) for the primary one. The later of the
 * announced times wins: retrying before either would be refused.
 */
export function announcedReset(header: HeaderGetter, now: Date): Date | null {
  const times: number[] = [];
  const retryAfter = header('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) times.push(now.getTime() + Math.max(0, seconds) * 1000);
    else if (!Number.isNaN(Date.parse(retryAfter))) times.push(Date.parse(retryAfter));
  }
  const reset = header('x-ratelimit-reset');
  if (reset !== null) {
    const epoch = Number(reset);
    if (Number.isFinite(epoch)) times.push(epoch * 1000);
    else if (!Number.isNaN(Date.parse(reset))) times.push(Date.parse(reset));
  }
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

export interface HttpFailure {
  source: SourceName;
  status: number;
  header: HeaderGetter;
  /** What was being read, e.g. `GET /rest/api/3/search/jql`. */
  resource: string;
  detail: string;
  now: Date;
}

/** Is this answer a rate limit (429, or a 403/503 that announces a wait or an empty budget)? */
export function rateLimitReset(failure: Omit<HttpFailure, 'resource' | 'detail'>): Date | null {
  const { status, header, now } = failure;
  const exhausted = header('x-ratelimit-remaining') === '0';
  const secondary = header('retry-after') !== null;
  if (status !== 429 && !((status === 403 || status === 503) && (exhausted || secondary))) {
    return null;
  }
  const reset = secondary
    ? announcedReset(
        (name) => (name === 'x-ratelimit-reset' && !exhausted ? null : header(name)),
        now,
      )
    : announcedReset(header, now);
  // A limit without any header: GitHub asks to wait at least a minute.
  return reset ?? new Date(now.getTime() + 60_000);
}

export function httpError(failure: HttpFailure): SourceError {
  const { source, status, resource, detail } = failure;
  const reset = rateLimitReset(failure);
  if (reset !== null) return new RateLimitedError(source, reset, `${status} on ${resource}`);
  if (status === 401) {
    const variable = source === 'jira' ? 'JIRA_EMAIL / JIRA_API_TOKEN' : 'GITHUB_TOKEN';
    return new AuthError(
      source,
      `401 on ${resource}; check ${variable} (wrong, expired or revoked)`,
    );
  }
  if (status === 403) return new PermissionError(source, resource, detail);
  if (status === 404 || status === 410) return new NotFoundError(source, resource);
  if (status >= 400 && status < 500 && status !== 408) {
    return new RequestRejectedError(source, resource, status, detail);
  }
  return new TransientError(source, `${resource}: HTTP ${status} ${detail}`.trim(), { status });
}
