import { SourceError, type SourceName } from './source-error.js';

/**
 * The API refused the request itself (400/422: bad JQL in config, an unknown field). Sending it
 * again cannot help; the message says what the API objected to.
 */
export class RequestRejectedError extends SourceError {
  override readonly name = 'RequestRejectedError';
  readonly retryable = false;
  constructor(
    source: SourceName,
    readonly resource: string,
    readonly status: number,
    detail: string,
  ) {
    super(source, `${source} rejected ${resource} (HTTP ${status}): ${detail}`);
  }
}
