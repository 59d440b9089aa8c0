/**
 * The last API budget each host announced (`x-ratelimit-*`), for `northstar status`. Readings
 * arrive with fetched pages, possibly out of order (several fetchers): an older reading never
 * replaces a newer one.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../open.js';

export interface BudgetRow {
  source: string;
  limit: number | null;
  remaining: number | null;
  resetAt: string | null;
  observedAt: string;
}

const cache = new WeakMap<Db, RateLimitStore>();

export class RateLimitStore {
  /** One instance (and one prepared statement) per open database. */
  static for(db: Db): RateLimitStore {
    let store = cache.get(db);
    if (!store) {
      store = new RateLimitStore(db);
      cache.set(db, store);
    }
    return store;
  }

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
