/**
 * Pacing for GitHub's content-creation limit: "no more than 80 content-generating requests per
 * minute and no more than 500 content-generating requests per hour"
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
 * Exceeding it earns a secondary rate limit that blocks the token for minutes, so northstar stays
 * under it instead of relying on the retry.
 *
 * A sliding-window log rather than a plain token bucket: a bucket of 80 tokens refilled at 80/min
 * lets up to 160 requests through in one rolling minute (a full bucket plus a minute of refill),
 * which is exactly what the limit forbids. Remembering the last 500 write times is cheap and exact.
 *
 * The log is per process: the worker's composition root (`src/cli/registry.ts`) hands the same
 * limiter to the adapters of every job, since GitHub counts per user, not per job. Separate
 * processes writing to GitHub at once each keep their own log and would each need their share
 * (in practice the claim and the content hash leave little for a second process to write).
 */
import type { Clock } from '../lib/clock.js';

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export const GITHUB_CONTENT_LIMITS: readonly RateWindow[] = [
  { limit: 80, windowMs: 60_000 },
  { limit: 500, windowMs: 3_600_000 },
];

export class SlidingWindowLimiter {
  /** Times of recent requests, oldest first. */
  private readonly log: number[] = [];
  private readonly horizonMs: number;

  constructor(
    private readonly clock: Clock,
    private readonly windows: readonly RateWindow[] = GITHUB_CONTENT_LIMITS,
  ) {
    this.horizonMs = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Milliseconds until the next request may go out under every window (0: now). */
  waitMs(): number {
    const now = this.clock.now().getTime();
    while (this.log.length > 0 && (this.log[0] ?? now) <= now - this.horizonMs) this.log.shift();
    let wait = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = this.log.filter((t) => t > now - windowMs);
      if (inWindow.length >= limit) {
        // The request that has to leave the window before another one fits.
        const blocker = inWindow[inWindow.length - limit] ?? now;
        wait = Math.max(wait, blocker + windowMs - now);
      }
    }
    return wait;
  }

  /** Counts a request made now. */
  record(): void {
    this.log.push(this.clock.now().getTime());
  }
}
