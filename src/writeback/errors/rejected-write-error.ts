import { SourceError, type SourceName } from '../../lib/errors/source-error.js';

/**
 * The site refused a comment write as invalid (400, 413, 422: malformed ADF, body too long, issue
 * locked). Sending the same body again would get the same answer.
 */
export class RejectedWriteError extends SourceError {
  override readonly name = 'RejectedWriteError';
  readonly retryable = false;
  constructor(
    source: SourceName,
    readonly resource: string,
    readonly status: number,
    detail: string,
  ) {
    super(source, `${source} rejected the write to ${resource} (${status}): ${detail}`);
  }
}
