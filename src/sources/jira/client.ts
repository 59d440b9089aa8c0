/**
 * The jira.js client (REST v3, Basic auth with the API user's e-mail and token), with its HTTP
 * going through northstar's transport (`../transport.ts`): one gate per site so a 429 holds
 * back every request, one count per attempt, and HTTP failures turned into typed errors here —
 * with the answer's headers at hand, which jira.js's own exceptions do not keep. A 429 with a
 * short `Retry-After` is waited out once in place (like Octokit's throttling plugin for GitHub):
 * a job that restarted from scratch on every 429 could never finish a storm.
 */
import { Version3Client } from 'jira.js';
import type { JiraConfig } from '../../config/schema.js';
import { RateLimitedError, SourceError, TransientError } from '../../lib/errors/index.js';
import { httpError } from '../http-errors.js';
import { meteredFetch, type TransportOptions } from '../transport.js';

/** Longest announced wait sat out inside one request, as Octokit's throttling does for GitHub. */
const MAX_INLINE_WAIT_MS = 60_000;

/** How many 429s in a row one request waits out before the job is handed back to the queue. */
const INLINE_RATE_LIMIT_RETRIES = 1;

/** The part of an axios request config the adapter reads (jira.js builds it). */
interface AdapterConfig {
  baseURL?: string;
  url?: string;
  method?: string;
  params?: Record<string, unknown>;
  paramsSerializer?: { serialize?: (params: Record<string, unknown>) => string };
  data?: unknown;
  headers?: { toJSON?: () => Record<string, unknown> } & Record<string, unknown>;
  signal?: AbortSignal;
}

function plainHeaders(config: AdapterConfig): Record<string, string> {
  const raw = config.headers?.toJSON?.() ?? config.headers ?? {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = String(value);
  }
  return out;
}

function requestUrl(config: AdapterConfig): string {
  const base = (config.baseURL ?? '').replace(/\/$/, '');
  const query =
    config.params && config.paramsSerializer?.serialize
      ? config.paramsSerializer.serialize(config.params)
      : '';
  return `${base}${config.url ?? ''}${query !== '' ? `?${query}` : ''}`;
}

function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { errorMessages?: unknown; errors?: unknown };
    const messages = Array.isArray(body.errorMessages) ? body.errorMessages.map(String) : [];
    if (body.errors && typeof body.errors === 'object')
      messages.push(...Object.values(body.errors).map(String));
    if (messages.length > 0) return messages.join('; ');
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 200);
}

/** An axios adapter over the metered fetch: what jira.js sends, sent by northstar's transport. */
function jiraAdapter(transport: TransportOptions) {
  const send = meteredFetch(transport);
  return async (config: AdapterConfig) => {
    const method = (config.method ?? 'get').toUpperCase();
    const url = requestUrl(config);
    const resource = `${method} ${new URL(url).pathname}`;
    const init: RequestInit = {
      method,
      headers: plainHeaders(config),
      ...(config.data !== undefined && config.data !== null
        ? { body: typeof config.data === 'string' ? config.data : JSON.stringify(config.data) }
        : {}),
      ...(config.signal ? { signal: config.signal } : {}),
    };
    try {
      const failure = (failed: Response, text: string): SourceError =>
        httpError({
          source: 'jira',
          status: failed.status,
          header: (name) => failed.headers.get(name),
          resource,
          detail: errorDetail(text),
          now: transport.clock.now(),
        });
      let response = await send(url, init);
      let text = await response.text();
      // A short announced wait is sat out here (the gate holds the request until then), so a
      // job keeps the work it has done; a long one, or a second 429 in a row, goes to the queue.
      for (let waited = 0; waited < INLINE_RATE_LIMIT_RETRIES; waited++) {
        if (response.status !== 429 || config.signal?.aborted === true) break;
        const error = failure(response, text);
        if (
          !(error instanceof RateLimitedError) ||
          error.resetAt.getTime() - transport.clock.now().getTime() > MAX_INLINE_WAIT_MS
        ) {
          break;
        }
        response = await send(url, init);
        text = await response.text();
      }
      if (response.status >= 400) throw failure(response, text);
      let data: unknown;
      try {
        data = text === '' ? null : JSON.parse(text);
      } catch {
        throw new TransientError('jira', `${resource}: the answer was cut off (invalid JSON)`);
      }
      return {
        data,
        status: response.status,
        statusText: response.statusText,
        headers: Object.fromEntries(response.headers),
        config,
        request: {},
      };
    } catch (error) {
      if (error instanceof SourceError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new TransientError('jira', `${resource}: ${message}`, { cause: error });
    }
  };
}

export interface JiraClientOptions {
  config: Pick<JiraConfig, 'baseUrl' | 'email' | 'apiToken'>;
  transport: Omit<TransportOptions, 'source'>;
}

export function createJiraClient(options: JiraClientOptions): Version3Client {
  const { config } = options;
  return new Version3Client({
    host: config.baseUrl,
    authentication: { basic: { email: config.email, apiToken: config.apiToken } },
    baseRequestConfig: { adapter: jiraAdapter({ ...options.transport, source: 'jira' }) },
  });
}

/**
 * jira.js wraps whatever the transport threw in its own `HttpException` (as `response`); the
 * typed error is found again here.
 */
export function unwrapSourceError(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    if (current instanceof SourceError) return current;
    const next =
      (current as { response?: unknown }).response ?? (current as { cause?: unknown }).cause;
    if (next === undefined) break;
    current = next;
  }
  return error;
}
