import { SourceError, type SourceName } from './source-error.js';

/** Credentials missing, wrong or expired (401). Retrying cannot help; a person must act. */
export class AuthError extends SourceError {
  override readonly name = 'AuthError';
  readonly retryable = false;
  constructor(
    source: SourceName,
    readonly hint: string,
  ) {
    super(source, `${source} rejected the credentials: ${hint}`);
  }
}
