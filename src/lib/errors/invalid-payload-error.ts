import { SourceError, type SourceName } from './source-error.js';

/**
 * A whole response failed validation (not one item: bad items are quarantined). Retrying the same
 * request would most likely get the same answer.
 */
export class InvalidPayloadError extends SourceError {
  override readonly name = 'InvalidPayloadError';
  readonly retryable = false;
  constructor(
    source: SourceName,
    readonly endpoint: string,
    readonly issues: string,
  ) {
    super(source, `${source} ${endpoint} answered with an unexpected payload: ${issues}`);
  }
}
