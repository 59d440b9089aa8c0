/**
 * GitHub's primary rate limit: a budget of requests per user per hour (5,000 for a personal
 * access token), shared by every token of that user. The window starts with the first request;
 * `x-ratelimit-reset` is its end in epoch seconds. Measured in real time, because clients
 * really wait for it.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#primary-rate-limit-for-authenticated-users
 */

export interface PrimaryLimitOptions {
  /** Requests per window (GitHub: 5,000 per hour for a user token). */
  limit: number;
  /** Window length in ms (GitHub: one hour); tests use seconds. */
  windowMs: number;
}

export interface PrimarySnapshot {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds when the budget refills. */
  reset: number;
}

interface Window {
  /** Epoch ms, a whole second, like the header. */
  resetAtMs: number;
  used: number;
  limit: number;
}

export const DEFAULT_PRIMARY: PrimaryLimitOptions = { limit: 5000, windowMs: 3_600_000 };

export class PrimaryRateLimit {
  private options: PrimaryLimitOptions;
  private readonly windows = new Map<string, Window>();

  constructor(
    options: Partial<PrimaryLimitOptions> = {},
    private readonly nowMs: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_PRIMARY, ...options };
  }

  configure(options: Partial<PrimaryLimitOptions>): void {
    this.options = { ...this.options, ...options };
    this.windows.clear();
  }

  /** Set what is left of the current window (e.g. to start a test close to the limit). */
  setRemaining(principal: string, remaining: number): void {
    const window = this.window(principal);
    window.used = Math.max(0, window.limit - remaining);
  }

  snapshot(principal: string): PrimarySnapshot {
    const w = this.window(principal);
    return {
      limit: w.limit,
      used: w.used,
      remaining: Math.max(0, w.limit - w.used),
      reset: w.resetAtMs / 1000,
    };
  }

  /** Spend one request; false (nothing spent) when the budget is exhausted. */
  take(principal: string): boolean {
    const w = this.window(principal);
    if (w.used >= w.limit) return false;
    w.used++;
    return true;
  }

  /** Give one back (a 304 answer to a conditional request costs nothing). */
  refund(principal: string): void {
    const w = this.window(principal);
    if (w.used > 0) w.used--;
  }

  reset(): void {
    this.windows.clear();
  }

  private window(principal: string): Window {
    const now = this.nowMs();
    const current = this.windows.get(principal);
    // The same small grace as the early-retry tracker: a client that waits for the announced
    // second must find a fresh window.
    if (current && now + 50 < current.resetAtMs) return current;
    const fresh: Window = {
      resetAtMs: Math.ceil((now + this.options.windowMs) / 1000) * 1000,
      used: 0,
      limit: this.options.limit,
    };
    this.windows.set(principal, fresh);
    return fresh;
  }
}
