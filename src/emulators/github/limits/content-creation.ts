/**
 * One of GitHub's secondary rate limits: content-generating requests (creating or editing
 * issues, comments, pull requests) are limited to about 80 per minute and 500 per hour per
 * user, on top of the primary budget. Sliding windows, in real time.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
 */

export interface ContentCreationOptions {
  perMinute: number;
  perHour: number;
}

export const DEFAULT_CONTENT_CREATION: ContentCreationOptions = { perMinute: 80, perHour: 500 };

const MINUTE = 60_000;
const HOUR = 3_600_000;

export class ContentCreationLimit {
  private options: ContentCreationOptions;
  private readonly history = new Map<string, number[]>();

  constructor(
    options: Partial<ContentCreationOptions> = {},
    private readonly nowMs: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_CONTENT_CREATION, ...options };
  }

  configure(options: Partial<ContentCreationOptions>): void {
    this.options = { ...this.options, ...options };
    this.history.clear();
  }

  /** Record one content-creating request; when over a limit, how long until it fits (ms). */
  record(principal: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.nowMs();
    const times = (this.history.get(principal) ?? []).filter((t) => t > now - HOUR);
    this.history.set(principal, times);
    const lastMinute = times.filter((t) => t > now - MINUTE);
    if (lastMinute.length >= this.options.perMinute) {
      const oldest = lastMinute[lastMinute.length - this.options.perMinute] ?? now;
      return { ok: false, retryAfterMs: oldest + MINUTE - now };
    }
    if (times.length >= this.options.perHour) {
      const oldest = times[times.length - this.options.perHour] ?? now;
      return { ok: false, retryAfterMs: oldest + HOUR - now };
    }
    times.push(now);
    return { ok: true };
  }

  reset(): void {
    this.history.clear();
  }
}
