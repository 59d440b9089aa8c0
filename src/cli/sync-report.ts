/**
 * The per-unit counts of a sync run (`northstar sync --json`): page counts from the ingest jobs
 * plus HTTP calls from the request meter.
 */
import type { PageCounts } from '../jobs/sync/payloads.js';
import type { UnitRequestCounts } from '../sources/meter.js';

export interface UnitReport {
  source: 'jira' | 'github';
  unit: string;
  fetched: number;
  written: number;
  unchanged: number;
  removed: number;
  quarantined: number;
  requests: number;
  notModified: number;
}

export type Totals = Omit<UnitReport, 'source' | 'unit'>;

export interface SyncReport {
  units: UnitReport[];
  totals: Totals;
}

export const COUNT_KEYS = [
  'fetched',
  'written',
  'unchanged',
  'removed',
  'quarantined',
  'requests',
  'notModified',
] as const;

/** Per-unit counts from the ingested pages and the request meter. */
export function buildSyncReport(
  pages: readonly PageCounts[],
  requests: readonly UnitRequestCounts[],
): SyncReport {
  const units = new Map<string, UnitReport>();
  const entry = (source: 'jira' | 'github', unit: string): UnitReport => {
    const key = `${source}\u0000${unit}`;
    let e = units.get(key);
    if (!e) {
      e = {
        source,
        unit,
        fetched: 0,
        written: 0,
        unchanged: 0,
        removed: 0,
        quarantined: 0,
        requests: 0,
        notModified: 0,
      };
      units.set(key, e);
    }
    return e;
  };
  for (const p of pages) {
    const e = entry(p.source, p.unit);
    e.fetched += p.fetched;
    e.written += p.written;
    e.unchanged += p.unchanged;
    e.removed += p.removed;
    e.quarantined += p.quarantined;
  }
  for (const r of requests) {
    // The meter labels units `<source>:<unit>`.
    const unit = r.unit.startsWith(`${r.source}:`) ? r.unit.slice(r.source.length + 1) : r.unit;
    const e = entry(r.source, unit);
    e.requests += r.requests;
    e.notModified += r.notModified;
  }
  const list = [...units.values()].sort((a, b) =>
    a.source === b.source ? a.unit.localeCompare(b.unit) : a.source.localeCompare(b.source),
  );
  const totals = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Totals;
  for (const u of list) for (const k of COUNT_KEYS) totals[k] += u[k];
  return { units: list, totals };
}
