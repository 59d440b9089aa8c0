/**
 * Jira Cloud's Basic auth (account email + API token,
 * https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/) and its
 * answers when the caller may not go on:
 * - no credentials: 401 with an ErrorCollection;
 * - wrong credentials: 401 `text/plain` "Client must be authenticated to access this resource."
 *   with `WWW-Authenticate` and `X-Seraph-LoginReason: AUTHENTICATED_FAILED`, as the site's
 *   front door answers;
 * - rate limited: 429 with `Retry-After` (seconds), `X-RateLimit-Reset` (ISO 8601, minutes),
 *   `RateLimit-Reason` and `X-RateLimit-Limit/Remaining`
 *   (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/). The core applies the
 *   wait to the whole client and counts requests that come back early.
 */
import type { EmuRequest, EmuResponse } from '../core/index.js';

export interface Credential {
  email: string;
  apiToken: string;
}

export const DEFAULT_JIRA_TOKEN = 'emulator-api-token';

/** `RateLimit-Reason` values Jira documents. */
export type RateLimitReason =
  | 'jira-burst-based'
  | 'jira-quota-global-based'
  | 'jira-quota-tenant-based'
  | 'jira-per-issue-on-write'
  | 'jira-cost-based';

export function createAuthenticator(
  credentials: readonly (Credential & { accountId: string })[],
): (request: EmuRequest) => string | EmuResponse {
  const byHeader = new Map(
    credentials.map((c) => [
      `Basic ${Buffer.from(`${c.email}:${c.apiToken}`).toString('base64')}`,
      c.accountId,
    ]),
  );
  return (request) => {
    const header = request.headers.authorization;
    if (!header) {
      return {
        status: 401,
        body: {
          errorMessages: [
            'You are not authenticated. Authentication required to perform this operation.',
          ],
          errors: {},
        },
      };
    }
    const accountId = byHeader.get(header.trim());
    if (accountId !== undefined) return accountId;
    return {
      status: 401,
      headers: {
        'www-authenticate': 'Basic realm="protected-area"',
        'x-seraph-loginreason': 'AUTHENTICATED_FAILED',
      },
      body: 'Client must be authenticated to access this resource.',
    };
  };
}

export function rateLimitedAnswer(waitMs: number, reason: RateLimitReason): EmuResponse {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const reset = new Date(Date.now() + seconds * 1000).toISOString().slice(0, 16) + 'Z';
  return {
    status: 429,
    headers: {
      'retry-after': seconds,
      'x-ratelimit-reset': reset,
      'ratelimit-reason': reason,
      'x-ratelimit-limit': 100,
      'x-ratelimit-remaining': 0,
    },
    body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
  };
}

export function notFoundAnswer(): EmuResponse {
  return {
    status: 404,
    body: { errorMessages: ['null for uri: the requested resource does not exist'], errors: {} },
  };
}
