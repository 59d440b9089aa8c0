/**
 * The one place that turns a failed job into queue behaviour, from the error's type alone (the
 * adapters raise typed errors once; see `src/lib/errors`):
 *
 * - `RateLimitedError` → delay the job until the announced time and hold its host, WITHOUT using
 *   up an attempt: a 429 storm must not exhaust a job's retries.
 * - `TransientError` (5xx, dropped connection) and errors we cannot classify → retry with
 *   exponential backoff and jitter, up to the job's attempts.
 * - Auth, permission, not found, invalid payloads, invalid config, unknown jobs → fail now
 *   (`UnrecoverableError`) with the reason, so `northstar status` says what a person must fix.
 */
import { ZodError } from 'zod';
import { ConfigError } from '../config/index.js';
import {
  AuthError,
  DatabaseNotOwnedError,
  InvalidJobPayloadError,
  InvalidPayloadError,
  NotFoundError,
  PermissionError,
  RateLimitedError,
  SourceError,
  TransientError,
  UnknownJobError,
  type SourceName,
} from '../lib/errors/index.js';

export type ErrorDecision =
  | { kind: 'delay'; host: SourceName; until: Date; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'fail'; reason: string };

const UNRECOVERABLE = [
  AuthError,
  PermissionError,
  NotFoundError,
  InvalidPayloadError,
  ConfigError,
  InvalidJobPayloadError,
  UnknownJobError,
  DatabaseNotOwnedError,
] as const;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function decide(error: unknown): ErrorDecision {
  if (error instanceof RateLimitedError) {
    return { kind: 'delay', host: error.source, until: error.resetAt, reason: error.message };
  }
  if (error instanceof TransientError) return { kind: 'retry', reason: error.message };
  // Any other source error says itself whether a retry can help (e.g. a 400 on bad JQL cannot).
  if (
    UNRECOVERABLE.some((type) => error instanceof type) ||
    (error instanceof SourceError && !error.retryable)
  ) {
    return { kind: 'fail', reason: message(error) };
  }
  if (error instanceof ZodError) {
    return {
      kind: 'fail',
      reason: `invalid data: ${error.issues.map((i) => i.message).join('; ')}`,
    };
  }
  return { kind: 'retry', reason: message(error) };
}

/**
 * When a delayed job wakes: the announced time plus a little jitter (up to 10 % of the wait,
 * at most 2 s), so jobs held on one host do not all hit it in the same millisecond.
 */
export function wakeAt(until: Date, now: Date, random: () => number = Math.random): number {
  const wait = Math.max(0, until.getTime() - now.getTime());
  return now.getTime() + wait + Math.floor(random() * Math.min(wait * 0.1, 2_000));
}
