/**
 * Items that failed validation at a source boundary: stored with the reason (and a truncated
 * payload, which never holds credentials) so `northstar status` can show them; resolved once a
 * later sync reads the item cleanly.
 */
import type Database from 'better-sqlite3';
import type { QuarantinedItem } from '../../domain/items.js';
import type { Db } from '../open.js';
import { perDatabase } from './per-database.js';

export class QuarantineStore {
  /** One instance (and one set of prepared statements) per open database. */
  static readonly for = perDatabase((db: Db) => new QuarantineStore(db));

  private readonly upsert: Database.Statement;
  private readonly resolveOne: Database.Statement;
  private readonly anyOpen: Database.Statement<[string], { n: number }>;
  private readonly openList: Database.Statement<[], QuarantinedRow>;

  constructor(db: Db) {
    const c = db.$client;
    this.upsert = c.prepare(`
      INSERT INTO quarantined_items (source, item_ref, unit, reason, payload, first_seen_at, last_seen_at, resolved_at)
      VALUES (@source, @itemRef, @unit, @reason, @payload, @now, @now, NULL)
      ON CONFLICT (source, item_ref) DO UPDATE SET unit = excluded.unit, reason = excluded.reason,
        payload = excluded.payload, last_seen_at = excluded.last_seen_at, resolved_at = NULL`);
    this.resolveOne = c.prepare(
      'UPDATE quarantined_items SET resolved_at = ? WHERE source = ? AND item_ref = ? AND resolved_at IS NULL',
    );
    this.anyOpen = c.prepare(
      'SELECT count(*) AS n FROM (SELECT 1 FROM quarantined_items WHERE source = ? AND resolved_at IS NULL LIMIT 1)',
    );
    this.openList = c.prepare(
      'SELECT source, item_ref AS itemRef, unit, reason FROM quarantined_items WHERE resolved_at IS NULL ORDER BY source, item_ref',
    );
  }

  record(items: readonly (QuarantinedItem & { payload: string })[], now: string): void {
    for (const item of items) this.upsert.run({ ...item, now });
  }

  /** Items read cleanly now: their quarantine entries (if any) are resolved. */
  resolve(source: 'jira' | 'github', refs: readonly string[], now: string): void {
    // Nearly always nothing is quarantined: one read instead of an update per item.
    if (refs.length === 0 || (this.anyOpen.get(source)?.n ?? 0) === 0) return;
    for (const ref of refs) this.resolveOne.run(now, source, ref);
  }

  open(): QuarantinedItem[] {
    return this.openList.all();
  }
}

type QuarantinedRow = QuarantinedItem;
