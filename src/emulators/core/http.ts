/** The small request/response model the emulators' route handlers work with. */
import type { IncomingHttpHeaders } from 'node:http';

export interface EmuRequest {
  method: string;
  /** Path without the query string, already URL-decoded per segment by the router. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  /** Parsed JSON body (undefined when there is none). */
  body: unknown;
  /** Who is calling (from the credentials), set by the emulator's authenticate hook. */
  principal: string;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string | number>;
  /** Objects are sent as JSON; strings as they are; undefined sends no body. */
  body?: unknown;
  /**
   * `JSON.stringify(body)` when the handler already has it (to hash it for an ETag), so the
   * body is not serialized twice. Must not be set when the body may still change.
   */
  bodyJson?: string;
}

export type Handler = (request: EmuRequest) => EmuResponse | Promise<EmuResponse>;

export function json(
  status: number,
  body: unknown,
  headers?: Record<string, string | number>,
): EmuResponse {
  return headers ? { status, body, headers } : { status, body };
}

/** Thrown by handlers to answer with an error response from deep inside the logic. */
export class HttpError extends Error {
  constructor(readonly response: EmuResponse) {
    super(`HTTP ${response.status}`);
  }
}
