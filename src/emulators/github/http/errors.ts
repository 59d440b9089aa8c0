/**
 * GitHub's error bodies: `{ message, documentation_url, status }`, plus `errors` for 422
 * validation failures.
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
import type { EmuResponse } from '../../core/index.js';

export const DOCS = 'https://docs.github.com/rest';

export interface ValidationProblem {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
}

export function githubError(
  status: number,
  message: string,
  errors?: ValidationProblem[],
): EmuResponse {
  const body: Record<string, unknown> = {
    message,
    documentation_url: DOCS,
    status: String(status),
  };
  if (errors) body['errors'] = errors;
  return { status, body };
}

export const notFound = (): EmuResponse => githubError(404, 'Not Found');

export function validationFailed(field: string, value: string): EmuResponse {
  return githubError(422, 'Validation Failed', [
    { resource: 'Search', field, code: 'invalid', message: `${field} "${value}" is not valid` },
  ]);
}
