/** A queued job names no known job definition (a stale job from another version, or a typo). */
export class UnknownJobError extends Error {
  override readonly name = 'UnknownJobError';
  constructor(
    readonly job: string,
    readonly queue: string,
  ) {
    super(`no job named "${job}" runs on queue ${queue}`);
  }
}
