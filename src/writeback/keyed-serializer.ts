/**
 * Runs tasks one after another per key, concurrently across keys. Jira counts writes per issue
 * ("per-issue write limit", RateLimit-Reason `jira-per-issue-on-write`,
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/): writes to the same issue are
 * spaced out by never overlapping them.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Keys with a task queued or running (for tests and diagnostics). */
  get activeKeys(): number {
    return this.tails.size;
  }
}
