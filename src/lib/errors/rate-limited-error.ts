import { SourceError, type SourceName } from './source-error.js';

/**
 * The API asked us to wait (Jira 429 / `Retry-After`, GitHub primary limit with
 * `x-ratelimit-reset`, GitHub secondary limit). Nothing may go to that host before `resetAt`.
 */
export class RateLimitedError extends SourceError {
  override readonly name = 'RateLimitedError';
  readonly retryable = true;
  constructor(
    source: SourceName,
    readonly resetAt: Date,
    readonly reason: string,
  ) {
    super(
      source,
      `${source} rate limit (${reason}); next request allowed at ${resetAt.toISOString()}`,
    );
  }
}
