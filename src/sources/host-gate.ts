/**
 * A 429 (Jira) or a secondary limit (GitHub) applies to the client, not only to the request that
 * got it: nothing may go to that host before the announced time. Every request of a client
 * passes this gate first; a rate-limit answer closes it until the announced time.
 */
export class HostGate {
  private openAt = 0;

  /** Resolves once requests may go again (immediately when the gate is open). */
  async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const waitMs = this.openAt - Date.now();
      if (waitMs <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      });
      if (signal?.aborted === true) return;
    }
  }

  /** No request before `until`. A later announcement extends the wait, an earlier one does not. */
  block(until: Date): void {
    this.openAt = Math.max(this.openAt, until.getTime());
  }

  get blockedUntil(): Date | null {
    return this.openAt > Date.now() ? new Date(this.openAt) : null;
  }
}
