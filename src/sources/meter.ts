/**
 * Counts the HTTP calls each source unit makes (every attempt, retries included) and the
 * conditional requests answered `304 Not Modified`. The unit is taken from an async context set
 * by the job around its calls (`meter.run(unit, …)`), so the clients' transports can record
 * without knowing about jobs; calls outside a unit (site discovery) count as unit `site`. Octokit's
 * throttling queue loses that context, so its calls name their unit in a request header
 * (`UNIT_HEADER`) that the transport reads and removes before sending.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SourceName } from '../lib/errors/index.js';

export interface UnitRequestCounts {
  source: SourceName;
  unit: string;
  requests: number;
  notModified: number;
  /** Requests that change something remotely (never made by a sync; kept for the benchmark). */
  writes: number;
}

export const SITE_UNIT = 'site';

/** Request header naming the unit; read and stripped by the transport, never sent. */
export const UNIT_HEADER = 'x-northstar-unit';

export class RequestMeter {
  private readonly context = new AsyncLocalStorage<string>();
  private readonly counts = new Map<string, UnitRequestCounts>();

  /** Runs `fn` with its HTTP calls attributed to `unit`. */
  run<T>(unit: string, fn: () => Promise<T>): Promise<T> {
    return this.context.run(unit, fn);
  }

  record(
    source: SourceName,
    outcome: { notModified?: boolean; write?: boolean; unit?: string | null } = {},
  ): void {
    const unit = outcome.unit ?? this.context.getStore() ?? SITE_UNIT;
    const key = `${source}\u0000${unit}`;
    let entry = this.counts.get(key);
    if (!entry) {
      entry = { source, unit, requests: 0, notModified: 0, writes: 0 };
      this.counts.set(key, entry);
    }
    entry.requests++;
    if (outcome.notModified === true) entry.notModified++;
    if (outcome.write === true) entry.writes++;
  }

  snapshot(): UnitRequestCounts[] {
    return [...this.counts.values()].map((c) => ({ ...c }));
  }

  reset(): void {
    this.counts.clear();
  }
}
