import { SourceError, type SourceName } from './source-error.js';

/** 5xx, dropped connection, timeout, truncated body: worth retrying with backoff. */
export class TransientError extends SourceError {
  override readonly name = 'TransientError';
  readonly retryable = true;
  readonly status: number | null;
  constructor(source: SourceName, message: string, options?: { cause?: unknown; status?: number }) {
    super(source, message, options);
    this.status = options?.status ?? null;
  }
}
