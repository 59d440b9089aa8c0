/**
 * Fault injection, configurable per run and deterministic for a seed: added latency, 5xx answers,
 * dropped connections, truncated bodies and periodic rate limits. Data-level faults (malformed
 * items) belong to each emulator's store.
 */
import { z } from 'zod';
import { Rng } from './rng.js';

export interface FaultPlan {
  /** Added to every response (ms), plus up to `latencyJitterMs` more. */
  latencyMs?: number;
  latencyJitterMs?: number;
  /** Share (0..1) of requests answered with 500 / 502 / 503. */
  serverErrorRate?: number;
  /** Share (0..1) of requests whose connection is dropped without an answer. */
  dropRate?: number;
  /** Share (0..1) of requests whose body is cut off half-way. */
  truncateRate?: number;
  /** Every `every`-th request is rate-limited for `retryAfterSeconds` (the emulator's own format). */
  rateLimit?: { every: number; retryAfterSeconds: number };
  /** Only these route names (e.g. `GET /rest/api/3/search/jql`) are affected; default: all API routes. */
  routes?: string[];
  seed?: string;
}

/** For plans that arrive over the control API. */
export const FaultPlanSchema = z.strictObject({
  latencyMs: z.number().min(0).optional(),
  latencyJitterMs: z.number().min(0).optional(),
  serverErrorRate: z.number().min(0).max(1).optional(),
  dropRate: z.number().min(0).max(1).optional(),
  truncateRate: z.number().min(0).max(1).optional(),
  rateLimit: z
    .strictObject({ every: z.int().min(1), retryAfterSeconds: z.number().min(0) })
    .optional(),
  routes: z.array(z.string()).optional(),
  seed: z.string().optional(),
});

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'server-error'; status: 500 | 502 | 503 }
  | { kind: 'drop' }
  | { kind: 'truncate' }
  | { kind: 'rate-limit'; retryAfterSeconds: number };

export interface FaultCounts {
  serverError: number;
  drop: number;
  truncate: number;
  rateLimit: number;
}

export class FaultInjector {
  private plan: FaultPlan = {};
  private rng = new Rng('faults');
  private eligible = 0;
  readonly counts: FaultCounts = { serverError: 0, drop: 0, truncate: 0, rateLimit: 0 };

  configure(plan: FaultPlan): void {
    this.plan = { ...plan };
    this.rng = new Rng(plan.seed ?? 'faults');
    this.eligible = 0;
  }

  current(): FaultPlan {
    return { ...this.plan };
  }

  latencyMs(): number {
    const base = this.plan.latencyMs ?? 0;
    const jitter = this.plan.latencyJitterMs ?? 0;
    return base + (jitter > 0 ? this.rng.next() * jitter : 0);
  }

  decide(route: string): FaultDecision {
    const plan = this.plan;
    if (plan.routes && !plan.routes.includes(route)) return { kind: 'none' };
    this.eligible++;
    if (plan.rateLimit && plan.rateLimit.every > 0 && this.eligible % plan.rateLimit.every === 0) {
      this.counts.rateLimit++;
      return { kind: 'rate-limit', retryAfterSeconds: plan.rateLimit.retryAfterSeconds };
    }
    const roll = this.rng.next();
    let edge = plan.serverErrorRate ?? 0;
    if (roll < edge) {
      this.counts.serverError++;
      return { kind: 'server-error', status: this.rng.pick([500, 502, 503] as const) };
    }
    edge += plan.dropRate ?? 0;
    if (roll < edge) {
      this.counts.drop++;
      return { kind: 'drop' };
    }
    edge += plan.truncateRate ?? 0;
    if (roll < edge) {
      this.counts.truncate++;
      return { kind: 'truncate' };
    }
    return { kind: 'none' };
  }
}
