/**
 * The one Octokit class northstar uses: `@octokit/rest` with the official throttling and retry
 * plugins. Every HTTP attempt goes through northstar's transport (`request.fetch`): the host
 * gate holds back every request after a secondary limit, and each attempt is counted.
 *
 * Waits: the throttling plugin sits out short announced waits itself (a minute at most, once
 * per request); longer ones surface as `RateLimitedError` so the queue delays the job instead of
 * blocking a worker. The retry plugin retries 5xx and dropped connections a few times; what is
 * still failing becomes a `TransientError` for the queue's backoff.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { GitHubConfig } from '../../config/schema.js';
import type { Logger } from '../../lib/logger.js';
import { meteredFetch, type TransportOptions } from '../transport.js';

export const NorthstarOctokit = Octokit.plugin(throttling, retry);
export type NorthstarOctokit = InstanceType<typeof NorthstarOctokit>;

const MAX_INLINE_WAIT_S = 60;

export interface CreateOctokitOptions {
  config: Pick<GitHubConfig, 'baseUrl' | 'token'>;
  logger: Logger;
  transport: Omit<TransportOptions, 'source'>;
  /** Retries of 5xx / dropped connections inside one call (the queue backs off after). */
  retries?: number;
}

export function createOctokit(options: CreateOctokitOptions): NorthstarOctokit {
  const { config, logger } = options;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _o: unknown, count: number) => {
      logger.warn(
        { retryAfter, method: request.method, url: request.url, kind },
        'GitHub rate limit',
      );
      return count < 1 && retryAfter <= MAX_INLINE_WAIT_S;
    };
  return new NorthstarOctokit({
    baseUrl: config.baseUrl.replace(/\/$/, ''),
    auth: config.token,
    userAgent: 'northstar',
    // Octokit logs every request at info; keep that out of stdout and at debug level.
    log: {
      debug: (message: string) => {
        logger.trace({ message }, 'octokit');
      },
      info: (message: string) => {
        logger.debug({ message }, 'octokit');
      },
      warn: (message: string) => {
        logger.warn({ message }, 'octokit');
      },
      error: (message: string) => {
        logger.error({ message }, 'octokit');
      },
    },
    request: { fetch: meteredFetch({ ...options.transport, source: 'github' }) },
    retry: {
      retries: options.retries ?? 2,
      retryAfterBaseValue: 250,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
  });
}
