/**
 * The HTTP server both emulators run on: routing, authentication hook, per-client rate-limit
 * enforcement, fault injection, request statistics and the `/_emulator/*` control routes.
 * Each emulator supplies its routes and its vendor-specific answers (error bodies, 429 format).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { EmulatorClock } from './clock.js';
import { FaultInjector, FaultPlanSchema } from './faults.js';
import { HttpError, type EmuRequest, type EmuResponse } from './http.js';
import { RateLimitTracker } from './rate-limits.js';
import type { Router } from './router.js';
import { StatsRecorder, type EmulatorStats } from './stats.js';

export interface ObservedExchange {
  route: string;
  request: EmuRequest;
  response: EmuResponse;
}

export interface EmulatorServerOptions {
  name: string;
  router: Router;
  clock: EmulatorClock;
  port?: number;
  host?: string;
  /** Who is calling, or the vendor's 401 answer. */
  authenticate(request: EmuRequest): string | EmuResponse;
  /** The vendor's rate-limit answer for a client that must wait `waitMs` more. */
  rateLimited(request: EmuRequest, waitMs: number): EmuResponse;
  /** The vendor's 404 body for an unknown path. */
  notFound(request: EmuRequest): EmuResponse;
  /** Adds vendor headers to every API response (e.g. GitHub's x-ratelimit-*). */
  decorate?(request: EmuRequest, response: EmuResponse): void;
  /** Emulator-specific control routes (served under `/_emulator/`, unauthenticated). */
  control?: Router;
  /**
   * The early-retry tracker, when the emulator must announce waits from inside its routes
   * (GitHub's primary and content-creation limits); a new one otherwise.
   */
  rateLimits?: RateLimitTracker;
  /** Requests the vendor answers even while the client must wait (GitHub's GET /rate_limit). */
  exemptFromWaits?(request: EmuRequest): boolean;
}

export interface EmulatorServer {
  url: string;
  port: number;
  faults: FaultInjector;
  rateLimits: RateLimitTracker;
  stats(): EmulatorStats;
  resetStats(): void;
  /** See every exchange the clients get (for validating responses against the OpenAPI specs). */
  observe(listener: ((exchange: ObservedExchange) => void) | null): void;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

export async function startEmulatorServer(options: EmulatorServerOptions): Promise<EmulatorServer> {
  const faults = new FaultInjector();
  const rateLimits = options.rateLimits ?? new RateLimitTracker();
  const recorder = new StatsRecorder();
  const sockets = new Set<Socket>();
  let listener: ((exchange: ObservedExchange) => void) | null = null;

  const stats = (): EmulatorStats => ({
    total: recorder.total,
    byRoute: Object.fromEntries(recorder.byRoute),
    byStatus: Object.fromEntries([...recorder.byStatus].map(([k, v]) => [String(k), v])),
    notModified: recorder.notModified,
    writes: recorder.writes,
    earlyRetries: rateLimits.earlyRetries,
    faults: { ...faults.counts },
  });

  const coreControl = async (request: EmuRequest): Promise<EmuResponse | null> => {
    if (request.path === '/_emulator/stats' && request.method === 'GET')
      return { status: 200, body: stats() };
    if (request.path === '/_emulator/stats' && request.method === 'DELETE') {
      recorder.reset();
      rateLimits.reset();
      return { status: 204 };
    }
    if (request.path === '/_emulator/faults' && request.method === 'PUT') {
      const plan = FaultPlanSchema.safeParse(request.body ?? {});
      if (!plan.success) return { status: 400, body: { message: plan.error.message } };
      faults.configure(plan.data);
      return { status: 200, body: faults.current() };
    }
    if (request.path === '/_emulator/clock' && request.method === 'POST') {
      const advanceMs = Number(
        (request.body as { advanceMs?: unknown } | undefined)?.advanceMs ?? 0,
      );
      options.clock.advance(advanceMs);
      return { status: 200, body: { now: options.clock.now().toISOString() } };
    }
    const match = options.control?.match(request.method, request.path);
    if (match && match !== 'method') return match.handler({ ...request, params: match.params });
    return null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const raw = await readBody(req);
    const request: EmuRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      params: {},
      body: undefined,
      principal: 'anonymous',
    };
    if (raw.length > 0) {
      try {
        request.body = JSON.parse(raw.toString('utf8'));
      } catch {
        send(res, { status: 400, body: { errorMessages: ['Invalid JSON body.'], errors: {} } });
        return;
      }
    }

    if (request.path.startsWith('/_emulator/')) {
      const answer = await coreControl(request);
      send(res, answer ?? { status: 404, body: { message: 'unknown control route' } });
      return;
    }

    const match = options.router.match(request.method, request.path);
    const route = match && match !== 'method' ? match.name : `${request.method} (unmatched)`;
    const finish = (response: EmuResponse, mode: 'full' | 'truncate' = 'full'): void => {
      options.decorate?.(request, response);
      recorder.record(route, request.method, response.status);
      listener?.({ route, request, response });
      const delay = faults.latencyMs();
      const write = (): void => {
        send(res, response, mode);
      };
      if (delay > 0) setTimeout(write, delay);
      else write();
    };

    const principal = options.authenticate(request);
    if (typeof principal !== 'string') {
      finish(principal);
      return;
    }
    request.principal = principal;

    const waitMs = options.exemptFromWaits?.(request) ? 0 : rateLimits.check(principal, route);
    if (waitMs > 0) {
      finish(options.rateLimited(request, waitMs));
      return;
    }

    if (match === null) {
      finish(options.notFound(request));
      return;
    }
    if (match === 'method') {
      finish({ status: 405, body: { message: 'Method Not Allowed' } });
      return;
    }

    const fault = faults.decide(route);
    switch (fault.kind) {
      case 'drop':
        recorder.record(route, request.method, 0);
        req.socket.destroy();
        return;
      case 'server-error':
        finish({
          status: fault.status,
          body: { message: 'Injected server error', errorMessages: ['Internal server error'] },
        });
        return;
      case 'rate-limit':
        rateLimits.block(principal, Date.now() + fault.retryAfterSeconds * 1000);
        finish(options.rateLimited(request, fault.retryAfterSeconds * 1000));
        return;
      case 'truncate':
      case 'none':
        break;
    }

    let response: EmuResponse;
    try {
      response = await match.handler({ ...request, params: match.params });
    } catch (error) {
      if (error instanceof HttpError) response = error.response;
      else {
        response = {
          status: 500,
          body: { message: error instanceof Error ? error.message : String(error) },
        };
      }
    }
    finish(response, fault.kind === 'truncate' ? 'truncate' : 'full');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { message: String(error) } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    faults,
    rateLimits,
    stats,
    resetStats() {
      recorder.reset();
      rateLimits.reset();
      faults.counts.serverError = 0;
      faults.counts.drop = 0;
      faults.counts.truncate = 0;
      faults.counts.rateLimit = 0;
    },
    observe(next) {
      listener = next;
    },
    close() {
      return new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  response: EmuResponse,
  mode: 'full' | 'truncate' = 'full',
): void {
  const headers: Record<string, string | number> = { ...response.headers };
  let payload: Buffer | undefined;
  if (response.body !== undefined && response.status !== 204 && response.status !== 304) {
    if (typeof response.body === 'string') {
      payload = Buffer.from(response.body, 'utf8');
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    } else {
      payload = Buffer.from(response.bodyJson ?? JSON.stringify(response.body), 'utf8');
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
  }
  headers['content-length'] = payload?.length ?? 0;
  res.writeHead(response.status, headers);
  if (mode === 'truncate' && payload && payload.length > 1) {
    // Promise the whole body, send half, then cut the connection: what a proxy hiccup looks like.
    // Cut only once the half is flushed: destroying at once can drop the buffered bytes too,
    // and the client then sees a plain dropped connection instead of a short body.
    res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => {
      res.socket?.destroy();
    });
    return;
  }
  res.end(payload);
}
