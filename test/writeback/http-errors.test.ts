import { describe, expect, it } from 'vitest';
import {
  AuthError,
  NotFoundError,
  PermissionError,
  RateLimitedError,
  TransientError,
} from '../../src/lib/errors/index.js';
import { RejectedWriteError } from '../../src/writeback/errors/rejected-write-error.js';
import { retryAt, toSourceError } from '../../src/writeback/http-errors.js';

const now = new Date('2026-11-24T12:00:00.000Z');
const opts = { source: 'github' as const, resource: 'comment 1 on a/b#1', now };

/** The shapes the clients throw: Octokit puts headers on `response`, jira.js on `cause.response`. */
const octokitError = (status: number, headers: Record<string, string> = {}): Error =>
  Object.assign(new Error(`HTTP ${status}`), { status, response: { headers } });
const jiraError = (status: number, headers: Record<string, string> = {}): Error =>
  Object.assign(new Error(`HTTP ${status}`), { status, cause: { response: { headers } } });

describe('toSourceError', () => {
  it('maps statuses to typed errors', () => {
    expect(toSourceError(octokitError(401), opts)).toBeInstanceOf(AuthError);
    expect(toSourceError(octokitError(403), opts)).toBeInstanceOf(PermissionError);
    expect(toSourceError(octokitError(404), opts)).toBeInstanceOf(NotFoundError);
    expect(toSourceError(octokitError(422), opts)).toBeInstanceOf(RejectedWriteError);
    expect(toSourceError(octokitError(502), opts)).toBeInstanceOf(TransientError);
    expect(toSourceError(new Error('ECONNRESET'), opts)).toBeInstanceOf(TransientError);
    // A 201 whose body broke off (jira.js reports the status with the stream error).
    expect(toSourceError(jiraError(201), opts)).toBeInstanceOf(TransientError);
  });

  it('reads when to retry from Retry-After and reset headers', () => {
    const limited = toSourceError(jiraError(429, { 'retry-after': '30' }), {
      ...opts,
      source: 'jira',
    });
    if (!(limited instanceof RateLimitedError)) throw new Error('expected a RateLimitedError');
    expect(limited.resetAt.toISOString()).toBe('2026-11-24T12:00:30.000Z');
    const primary = toSourceError(
      octokitError(403, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(now.getTime() / 1000 + 300),
      }),
      opts,
    );
    if (!(primary instanceof RateLimitedError)) throw new Error('expected a RateLimitedError');
    expect(primary.resetAt.toISOString()).toBe('2026-11-24T12:05:00.000Z');
    const secondary = toSourceError(octokitError(403, { 'retry-after': '60' }), opts);
    expect(secondary).toBeInstanceOf(RateLimitedError);
    expect(retryAt({ 'retry-after': 'Tue, 24 Nov 2026 12:05:00 GMT' }, now)?.toISOString()).toBe(
      '2026-11-24T12:05:00.000Z',
    );
    expect(retryAt({ 'x-ratelimit-reset': '2026-11-24T12:01:00Z' }, now)?.toISOString()).toBe(
      '2026-11-24T12:01:00.000Z',
    );
    expect(retryAt({}, now)).toBeNull();
  });
});
