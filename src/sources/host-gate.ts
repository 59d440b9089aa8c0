/**
 * One gate per API host, passed by every request of a client:
 *
 * - A 429 (Jira) or a secondary limit (GitHub) applies to the client, not only to the request
 *   that got it: nothing may go to that host before the announced time (`block`).
 * - Until the host has answered once, requests go one at a time: with bad credentials the first
 *   401 is the only request sent, instead of one per worker slot.
 * - After a 401 the host's refusal is kept and replayed without sending anything (`refuse`):
 *   a person has to fix the credentials; retrying cannot help and would only hammer the host.
 */
export interface Refusal {
  status: number;
  body: string;
}

export class HostGate {
  private openAt = 0;
  private verified = false;
  private probe: Promise<void> | null = null;
  private endProbe: (() => void) | null = null;
  private refused: Refusal | null = null;

  /**
   * Resolves once a request may go: no announced wait pending, and either the host has answered
   * before or this caller is the one probing it. Call `settle` when the answer (or failure) is in.
   */
  async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted === true) return;
      const waitMs = this.openAt - Date.now();
      if (waitMs > 0) {
        await sleep(waitMs, signal);
        continue;
      }
      if (!this.verified && this.refused === null) {
        if (this.probe) {
          await this.probe;
          continue;
        }
        this.probe = new Promise((resolve) => (this.endProbe = resolve));
      }
      return;
    }
  }

  /** The answer came back (`answered`: the host spoke HTTP) or the request failed. */
  settle(answered: boolean): void {
    if (answered) this.verified = true;
    const end = this.endProbe;
    this.probe = null;
    this.endProbe = null;
    end?.();
  }

  /** No request before `until`. A later announcement extends the wait, an earlier one does not. */
  block(until: Date): void {
    this.openAt = Math.max(this.openAt, until.getTime());
  }

  refuse(refusal: Refusal): void {
    this.refused = refusal;
  }

  /** The kept refusal of the credentials, if the host refused them. */
  refusal(): Refusal | null {
    return this.refused;
  }

  get blockedUntil(): Date | null {
    return this.openAt > Date.now() ? new Date(this.openAt) : null;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
