/**
 * Turns what jira.js and Octokit throw into the typed errors of `src/lib/errors`, once, here; the
 * queue's error policy decides from the type alone whether to retry, delay or give up.
 *
 * Both clients expose the HTTP status on the error (jira.js `HttpException.status`, Octokit
 * `RequestError.status`); headers sit on `response.headers` (Octokit) or on the Axios error in
 * `cause.response.headers` (jira.js). Errors without a status are network failures.
 */
import {
  AuthError,
  NotFoundError,
  PermissionError,
  RateLimitedError,
  SourceError,
  TransientError,
  type SourceName,
} from '../lib/errors/index.js';
import { RejectedWriteError } from './errors/rejected-write-error.js';

type Headers = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function httpStatus(error: unknown): number | null {
  return isObject(error) && typeof error['status'] === 'number' ? error['status'] : null;
}

function headersOf(error: unknown): Headers {
  if (!isObject(error)) return {};
  const direct = isObject(error['response']) ? error['response']['headers'] : undefined;
  if (isObject(direct)) return direct;
  const cause = error['cause'];
  const viaCause =
    isObject(cause) && isObject(cause['response']) ? cause['response']['headers'] : undefined;
  return isObject(viaCause) ? viaCause : {};
}

function header(headers: Headers, name: string): string | null {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/**
 * When the next request may go: `Retry-After` (seconds or an HTTP date), else a reset header
 * (`x-ratelimit-reset`: GitHub epoch seconds, Jira an ISO timestamp). Null when neither says.
 */
export function retryAt(headers: Headers, now: Date): Date | null {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return new Date(now.getTime() + Math.max(0, seconds) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return new Date(date);
  }
  const reset = header(headers, 'x-ratelimit-reset');
  if (reset !== null) {
    const epoch = Number(reset);
    if (Number.isFinite(epoch)) return new Date(epoch * 1000);
    const date = Date.parse(reset);
    if (!Number.isNaN(date)) return new Date(date);
  }
  return null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ToSourceErrorOptions {
  source: SourceName;
  /** What was being read or written, e.g. `comment 10042 on INFRA-1`. */
  resource: string;
  now: Date;
}

export function toSourceError(error: unknown, options: ToSourceErrorOptions): SourceError {
  if (error instanceof SourceError) return error;
  const { source, resource, now } = options;
  const status = httpStatus(error);
  if (status === null) {
    return new TransientError(source, `${resource}: ${message(error)}`, { cause: error });
  }
  const headers = headersOf(error);
  const limitedUntil = retryAt(headers, now);
  const exhausted = header(headers, 'x-ratelimit-remaining') === '0';
  if (
    status === 429 ||
    ((status === 403 || status === 503) && (limitedUntil !== null || exhausted))
  ) {
    // Secondary limits without a header: GitHub asks to wait at least a minute.
    const until = limitedUntil ?? new Date(now.getTime() + 60_000);
    return new RateLimitedError(source, until, `${status} on ${resource}`);
  }
  if (status === 401) return new AuthError(source, `401 on ${resource}`);
  if (status === 403) return new PermissionError(source, resource, message(error));
  if (status === 404 || status === 410) return new NotFoundError(source, resource);
  if (status >= 500) {
    return new TransientError(source, `${resource}: ${status} ${message(error)}`, {
      cause: error,
      status,
    });
  }
  if (status < 400) {
    // The site answered "created" (or OK) and the body broke off: the write most likely went
    // through, and nothing is wrong with the request. Retry; the sticky logic finds the comment
    // by its marker instead of writing it twice.
    return new TransientError(
      source,
      `${resource}: the ${status} answer broke off: ${message(error)}`,
      {
        cause: error,
      },
    );
  }
  return new RejectedWriteError(source, resource, status, message(error));
}
