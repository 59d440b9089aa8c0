/**
 * Who has been told to wait, and until when. Real APIs apply a 429 / secondary limit to the
 * client, not to the one request: a request that arrives before the announced time is an
 * "early retry" — counted here so tests can assert there were none — and is refused again.
 */
export class RateLimitTracker {
  private readonly blockedUntil = new Map<string, number>();
  earlyRetries = 0;
  readonly earlyRetryLog: { principal: string; route: string; earlyByMs: number }[] = [];

  /** Announce a wait for `principal` until `untilMs` (epoch ms). */
  block(principal: string, untilMs: number): void {
    const current = this.blockedUntil.get(principal) ?? 0;
    this.blockedUntil.set(principal, Math.max(current, untilMs));
  }

  /**
   * Milliseconds the principal must still wait (0 when free). A request that arrives while
   * blocked is recorded as an early retry. A small grace absorbs the rounding of
   * whole-second `Retry-After` headers.
   */
  check(principal: string, route: string, nowMs: number = Date.now()): number {
    const until = this.blockedUntil.get(principal);
    if (until === undefined) return 0;
    const graceMs = 50;
    if (nowMs + graceMs >= until) {
      this.blockedUntil.delete(principal);
      return 0;
    }
    this.earlyRetries++;
    if (this.earlyRetryLog.length < 1000)
      this.earlyRetryLog.push({ principal, route, earlyByMs: until - nowMs });
    return until - nowMs;
  }

  reset(): void {
    this.blockedUntil.clear();
    this.earlyRetries = 0;
    this.earlyRetryLog.length = 0;
  }
}
