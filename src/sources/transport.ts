/**
 * The one HTTP path both clients use (Octokit's `request.fetch`, jira.js's transport adapter):
 * waits at the host's gate, counts every attempt for its unit, closes the gate when the answer
 * announces a rate limit, keeps a refusal of the credentials (replayed without sending: see
 * `host-gate.ts`), and reports the API budget it sees. It never retries by itself.
 */
import type { Clock } from '../lib/clock.js';
import type { SourceName } from '../lib/errors/index.js';
import type { HostGate } from './host-gate.js';
import { rateLimitReset } from './http-errors.js';
import { UNIT_HEADER, type RequestMeter } from './meter.js';

export interface RateBudget {
  source: SourceName;
  limit: number | null;
  remaining: number | null;
  resetAt: string | null;
  observedAt: string;
}

export interface TransportOptions {
  source: SourceName;
  gate: HostGate;
  meter: RequestMeter;
  clock: Clock;
  /** The fetch to wrap (tests and benchmarks may pass an instrumented one). */
  fetch?: typeof fetch;
  /** Called with the budget headers of each answer that carries them. */
  onBudget?: (budget: RateBudget) => void;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isReadRequest(method: string, url: string): boolean {
  // Jira's search and bulk reads are POSTs that change nothing.
  return (
    READ_METHODS.has(method) ||
    /\/rest\/api\/3\/(search\/jql|issue\/bulkfetch|changelog\/bulkfetch)$/.test(url)
  );
}

function numberOrNull(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Removes the unit header (a plain-object header bag, as Octokit and the Jira adapter pass). */
function takeUnit(init: RequestInit | undefined): {
  init: RequestInit | undefined;
  unit: string | null;
} {
  const headers = init?.headers;
  if (!headers || headers instanceof Headers || Array.isArray(headers)) return { init, unit: null };
  const bag = headers as Record<string, string>;
  const unit = bag[UNIT_HEADER];
  if (unit === undefined) return { init, unit: null };
  const rest = Object.fromEntries(Object.entries(bag).filter(([name]) => name !== UNIT_HEADER));
  return { init: { ...init, headers: rest }, unit };
}

export function meteredFetch(options: TransportOptions): typeof fetch {
  const { source, gate, meter, clock } = options;
  const inner = options.fetch ?? fetch;
  return async (input, givenInit) => {
    const { init, unit } = takeUnit(givenInit);
    const replay = (): Response | null => {
      const refused = gate.refusal();
      return refused
        ? new Response(refused.body, {
            status: refused.status,
            headers: { 'content-type': 'application/json' },
          })
        : null;
    };
    const early = replay();
    if (early) return early;
    await gate.wait(init?.signal ?? undefined);
    const late = replay();
    if (late) return late;
    const url = input instanceof Request ? input.url : String(input);
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    const path = new URL(url).pathname;
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      gate.settle(false);
      meter.record(source, { write: !isReadRequest(method, path), unit });
      throw error;
    }
    if (response.status === 401) {
      gate.refuse({ status: 401, body: await response.clone().text() });
    }
    gate.settle(true);
    meter.record(source, {
      notModified: response.status === 304,
      write: !isReadRequest(method, path),
      unit,
    });
    const header = (name: string): string | null => response.headers.get(name);
    const reset = rateLimitReset({ source, status: response.status, header, now: clock.now() });
    if (reset !== null) gate.block(reset);
    const remaining = header('x-ratelimit-remaining');
    if (options.onBudget && remaining !== null) {
      const resetHeader = numberOrNull(header('x-ratelimit-reset'));
      options.onBudget({
        source,
        limit: numberOrNull(header('x-ratelimit-limit')),
        remaining: numberOrNull(remaining),
        resetAt:
          resetHeader !== null
            ? new Date(resetHeader * 1000).toISOString()
            : (header('x-ratelimit-reset') ?? null),
        observedAt: clock.now().toISOString(),
      });
    }
    return response;
  };
}
