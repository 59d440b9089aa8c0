/**
 * Base of the typed errors the source adapters raise. HTTP failures become one of these once,
 * inside the adapter; the queue's error policy decides retry / delay / fail from the type alone.
 */
export type SourceName = 'jira' | 'github';

export abstract class SourceError extends Error {
  abstract readonly retryable: boolean;
  constructor(
    readonly source: SourceName,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
