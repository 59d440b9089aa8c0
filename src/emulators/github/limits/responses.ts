/**
 * The answers GitHub gives when a limit is hit, and the rate-limit headers it puts on every
 * response.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
 */
import type { EmuResponse } from '../../core/index.js';
import type { PrimarySnapshot } from './primary.js';

export type SecondaryStatus = 403 | 429;

/** Primary limit: 403, `x-ratelimit-remaining: 0`, wait for `x-ratelimit-reset`. */
export function primaryLimitExceeded(userId: number): EmuResponse {
  return {
    status: 403,
    body: {
      message: `API rate limit exceeded for user ID ${userId}.`,
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
      status: '403',
    },
  };
}

/**
 * Secondary limit: 403 or 429 with `retry-after` (whole seconds) and a message that says
 * "secondary rate limit" — which is how clients (Octokit's throttling plugin) tell it apart.
 */
export function secondaryLimitExceeded(options: {
  status: SecondaryStatus;
  waitMs: number;
  requestId: string;
}): EmuResponse {
  return {
    status: options.status,
    headers: { 'retry-after': Math.max(1, Math.ceil(options.waitMs / 1000)) },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try ' +
        `again. If you reach out to GitHub Support for help, please include the request ID ${options.requestId}.`,
      documentation_url:
        'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(options.status),
    },
  };
}

export function rateLimitHeaders(snapshot: PrimarySnapshot): Record<string, string | number> {
  return {
    'x-ratelimit-limit': snapshot.limit,
    'x-ratelimit-remaining': snapshot.remaining,
    'x-ratelimit-reset': snapshot.reset,
    'x-ratelimit-used': snapshot.used,
    'x-ratelimit-resource': 'core',
  };
}
