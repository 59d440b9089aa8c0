/**
 * Applies GitHub's limits to the emulator's routes and tells the core's early-retry tracker
 * every time a wait is announced — for secondary limits (`retry-after`) and for the primary
 * limit (`x-ratelimit-reset` with `x-ratelimit-remaining: 0`), so a request that arrives before
 * the announced time is counted as an early retry and refused again.
 *
 * A 200 answer that happens to leave `remaining: 0` announces nothing: a client may make one
 * more request and learn from the 403, as Octokit's throttling plugin does.
 */
import type { EmuRequest, EmuResponse, Handler, RateLimitTracker } from '../../core/index.js';
import {
  ContentCreationLimit,
  DEFAULT_CONTENT_CREATION,
  type ContentCreationOptions,
} from './content-creation.js';
import { DEFAULT_PRIMARY, PrimaryRateLimit, type PrimaryLimitOptions } from './primary.js';
import {
  primaryLimitExceeded,
  rateLimitHeaders,
  secondaryLimitExceeded,
  type SecondaryStatus,
} from './responses.js';

/**
 * What a route costs: `free` (GET /rate_limit does not count), `read` (one request from the
 * primary budget; a 304 is refunded) or `create` (also a content-creation request).
 */
export type Cost = 'free' | 'read' | 'create';

export interface GitHubLimitOptions {
  primary?: Partial<PrimaryLimitOptions>;
  contentCreation?: Partial<ContentCreationOptions>;
  /** GitHub answers secondary limits with 403 or 429; both are documented. Default 403. */
  secondaryStatus?: SecondaryStatus;
}

export class GitHubLimits {
  readonly primary: PrimaryRateLimit;
  readonly contentCreation: ContentCreationLimit;
  private readonly anonymous = new PrimaryRateLimit({ limit: 60, windowMs: 3_600_000 });
  private secondaryStatus: SecondaryStatus;
  /** Principals told to wait for the primary reset, and until when (epoch ms). */
  private readonly primaryWaits = new Map<string, number>();
  private requestCounter = 0;

  constructor(
    private readonly deps: {
      tracker: RateLimitTracker;
      userId(login: string): number | undefined;
      options?: GitHubLimitOptions;
    },
  ) {
    const options = deps.options ?? {};
    this.primary = new PrimaryRateLimit({ ...DEFAULT_PRIMARY, ...options.primary });
    this.contentCreation = new ContentCreationLimit({
      ...DEFAULT_CONTENT_CREATION,
      ...options.contentCreation,
    });
    this.secondaryStatus = options.secondaryStatus ?? 403;
  }

  configure(options: GitHubLimitOptions): void {
    if (options.primary) this.primary.configure(options.primary);
    if (options.contentCreation) this.contentCreation.configure(options.contentCreation);
    if (options.secondaryStatus) this.secondaryStatus = options.secondaryStatus;
  }

  reset(): void {
    this.primary.reset();
    this.contentCreation.reset();
    this.anonymous.reset();
    this.primaryWaits.clear();
  }

  guard(cost: Cost, handler: Handler): Handler {
    if (cost === 'free') return handler;
    return async (request) => {
      const principal = request.principal;
      if (!this.primary.take(principal)) {
        const resetMs = this.primary.snapshot(principal).reset * 1000;
        this.primaryWaits.set(principal, resetMs);
        this.deps.tracker.block(principal, resetMs);
        return this.primaryExceeded(principal);
      }
      if (cost === 'create') {
        const verdict = this.contentCreation.record(principal);
        if (!verdict.ok) {
          this.deps.tracker.block(principal, Date.now() + verdict.retryAfterMs);
          return this.secondary(verdict.retryAfterMs);
        }
      }
      const response = await handler(request);
      if (response.status === 304) this.primary.refund(principal);
      return response;
    };
  }

  /** The core's answer for a client that came back before the time it was given. */
  rateLimited(request: EmuRequest, waitMs: number): EmuResponse {
    const primaryUntil = this.primaryWaits.get(request.principal) ?? 0;
    if (primaryUntil > Date.now()) return this.primaryExceeded(request.principal);
    return this.secondary(waitMs);
  }

  /** `x-ratelimit-*` and GitHub's other headers on every API response. */
  decorate(request: EmuRequest, response: EmuResponse): void {
    const snapshot =
      request.principal === 'anonymous'
        ? this.anonymousSnapshot()
        : this.primary.snapshot(request.principal);
    response.headers = {
      ...response.headers,
      ...rateLimitHeaders(snapshot),
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': this.nextRequestId(),
    };
  }

  private anonymousSnapshot(): ReturnType<PrimaryRateLimit['snapshot']> {
    this.anonymous.take('anonymous');
    return this.anonymous.snapshot('anonymous');
  }

  private primaryExceeded(principal: string): EmuResponse {
    return primaryLimitExceeded(this.deps.userId(principal) ?? 0);
  }

  private secondary(waitMs: number): EmuResponse {
    return secondaryLimitExceeded({
      status: this.secondaryStatus,
      waitMs,
      requestId: this.nextRequestId(),
    });
  }

  private nextRequestId(): string {
    this.requestCounter++;
    return `E0E0:${this.requestCounter.toString(16).toUpperCase().padStart(6, '0')}:GHEMU`;
  }
}
