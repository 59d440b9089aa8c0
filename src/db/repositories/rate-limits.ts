/**
 * The last API budget each host announced (`x-ratelimit-*`), for `northstar status`. Readings
 * arrive with fetched pages, possibly out of order (several fetchers): an older reading never
 * replaces a newer one.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../open.js';
import { perDatabase } from './per-database.js';

export interface BudgetRow {
  source: string;
  limit: number | null;
  remaining: number | null;
  resetAt: string | null;
  observedAt: string;
}

export class RateLimitStore {
  /** One instance (and one set of prepared statements) per open database. */
  static readonly for = perDatabase((db: Db) => new RateLimitStore(db));

  private readonly upsert: Database.Statement;

  constructor(db: Db) {
    this.upsert = db.$client.prepare(`
      INSERT INTO rate_limits (source, "limit", remaining, reset_at, observed_at)
      VALUES (@source, @limit, @remaining, @resetAt, @observedAt)
      ON CONFLICT (source) DO UPDATE SET "limit" = excluded."limit", remaining = excluded.remaining,
        reset_at = excluded.reset_at, observed_at = excluded.observed_at
      WHERE excluded.observed_at >= rate_limits.observed_at`);
  }

  record(budget: BudgetRow): void {
    this.upsert.run(budget);
  }
}
