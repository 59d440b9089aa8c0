/**
 * Jira's error answers. REST v3 errors are an ErrorCollection:
 * `{"errorMessages": [...], "errors": {"field": "message"}}`
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#status-codes).
 */
import { HttpError, type EmuResponse } from '../core/index.js';

export function jiraError(
  status: number,
  errorMessages: string[],
  errors: Record<string, string> = {},
): EmuResponse {
  return { status, body: { errorMessages, errors } };
}

/** Throws a Jira error from deep inside a handler. */
export function fail(
  status: number,
  errorMessages: string[],
  errors: Record<string, string> = {},
): never {
  throw new HttpError(jiraError(status, errorMessages, errors));
}

export function issueNotFound(): never {
  fail(404, ['Issue does not exist or you do not have permission to see it.']);
}

export function badRequest(message: string): never {
  fail(400, [message]);
}

/** Query parameters are read leniently where Jira is lenient: a bad number means "default". */
export function intParam(value: string | null | undefined, fallback: number): number {
  if (value === null || value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) ? n : fallback;
}

/** `fields=a,b&fields=c` and JSON arrays alike, split on commas, blanks dropped. */
export function listParam(values: readonly unknown[] | undefined): string[] {
  const out: string[] = [];
  for (const value of values ?? []) {
    if (typeof value !== 'string') continue;
    for (const part of value.split(',')) {
      const trimmed = part.trim();
      if (trimmed) out.push(trimmed);
    }
  }
  return out;
}
