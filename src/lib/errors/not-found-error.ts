import { SourceError, type SourceName } from './source-error.js';

/** The resource does not exist (404/410), or is not visible to this user. */
export class NotFoundError extends SourceError {
  override readonly name = 'NotFoundError';
  readonly retryable = false;
  constructor(
    source: SourceName,
    readonly resource: string,
  ) {
    super(source, `${source}: ${resource} was not found (or this user cannot see it)`);
  }
}
