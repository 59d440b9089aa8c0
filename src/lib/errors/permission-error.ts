import { SourceError, type SourceName } from './source-error.js';

/** Authenticated, but not allowed to read or write the resource (403 that is not a rate limit). */
export class PermissionError extends SourceError {
  override readonly name = 'PermissionError';
  readonly retryable = false;
  constructor(
    source: SourceName,
    readonly resource: string,
    detail: string,
  ) {
    super(source, `${source} denied access to ${resource}: ${detail}`);
  }
}
