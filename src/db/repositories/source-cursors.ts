/**
 * One cursor per source unit: the watermark of the last completed run, the ETags of first
 * pages (for conditional requests) and the last success / error. Written after the page's data
 * committed, in the same transaction, so a crash never advances a cursor past unsaved data.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../open.js';
import { perDatabase } from './per-database.js';

export interface SourceCursor {
  source: 'jira' | 'github';
  unit: string;
  watermark: string | null;
  runStartedAt: string | null;
  etags: Record<string, string>;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** When the last complete read of the unit ended (see the column). */
  fullReadAt: string | null;
}

interface Row {
  source: 'jira' | 'github';
  unit: string;
  watermark: string | null;
  run_started_at: string | null;
  etags: string;
  last_success_at: string | null;
  last_error: string | null;
  full_read_at: string | null;
}

export class SourceCursorStore {
  /** One instance (and one set of prepared statements) per open database. */
  static readonly for = perDatabase((db: Db) => new SourceCursorStore(db));

  private readonly getOne: Database.Statement<[string, string], Row>;
  private readonly ensure: Database.Statement;
  private readonly setStarted: Database.Statement;
  private readonly setEtags: Database.Statement;
  private readonly setDone: Database.Statement;
  private readonly setFullRead: Database.Statement<[string, string, string]>;
  private readonly setError: Database.Statement;
  private readonly setChanged: Database.Statement<[string, string, string]>;
  private readonly changedAt: Database.Statement<[string, string], { changed_at: string | null }>;
  private readonly all: Database.Statement<[], Row>;

  constructor(db: Db) {
    const c = db.$client;
    this.getOne = c.prepare('SELECT * FROM source_cursors WHERE source = ? AND unit = ?');
    this.ensure = c.prepare(
      `INSERT OR IGNORE INTO source_cursors (source, unit, etags, updated_at) VALUES (?, ?, '{}', ?)`,
    );
    this.setStarted = c.prepare(
      `UPDATE source_cursors SET run_started_at = ?, updated_at = ? WHERE source = ? AND unit = ?
       AND run_started_at IS NOT ?`,
    );
    this.setEtags = c.prepare(
      'UPDATE source_cursors SET etags = ?, updated_at = ? WHERE source = ? AND unit = ? AND etags IS NOT ?',
    );
    this.setDone = c.prepare(
      `UPDATE source_cursors SET watermark = ?, run_started_at = NULL, next_page = NULL,
       last_success_at = ?, last_error = NULL, last_error_at = NULL, updated_at = ?
       WHERE source = ? AND unit = ?`,
    );
    this.setFullRead = c.prepare(
      'UPDATE source_cursors SET full_read_at = ? WHERE source = ? AND unit = ?',
    );
    this.setError = c.prepare(
      `UPDATE source_cursors SET last_error = ?, last_error_at = ?, updated_at = ? WHERE source = ? AND unit = ?`,
    );
    this.setChanged = c.prepare(
      'UPDATE source_cursors SET changed_at = ? WHERE source = ? AND unit = ?',
    );
    this.changedAt = c.prepare(
      'SELECT changed_at FROM source_cursors WHERE source = ? AND unit = ?',
    );
    this.all = c.prepare('SELECT * FROM source_cursors ORDER BY source, unit');
  }

  get(source: 'jira' | 'github', unit: string): SourceCursor | null {
    const row = this.getOne.get(source, unit);
    return row ? toCursor(row) : null;
  }

  list(): SourceCursor[] {
    return this.all.all().map(toCursor);
  }

  start(source: 'jira' | 'github', unit: string, runStartedAt: string, now: string): void {
    this.ensure.run(source, unit, now);
    this.setStarted.run(runStartedAt, now, source, unit, runStartedAt);
  }

  saveEtag(source: 'jira' | 'github', unit: string, key: string, etag: string, now: string): void {
    // One first page per query: keep only the current query's ETag.
    const json = JSON.stringify({ [key]: etag });
    this.ensure.run(source, unit, now);
    this.setEtags.run(json, now, source, unit, json);
  }

  /** The unit's run completed; `fullRead`: it read the unit whole (see `fullReadAt`). */
  finish(
    source: 'jira' | 'github',
    unit: string,
    watermark: string | null,
    now: string,
    fullRead = false,
  ): void {
    this.ensure.run(source, unit, now);
    this.setDone.run(watermark, now, now, source, unit);
    if (fullRead) this.setFullRead.run(now, source, unit);
  }

  /**
   * A page of the unit changed what its projects count (call in the page's transaction, so a
   * re-run page that finds nothing left to change still leaves the mark).
   */
  markChanged(source: 'jira' | 'github', unit: string, now: string): void {
    this.ensure.run(source, unit, now);
    this.setChanged.run(now, source, unit);
  }

  /** Has a page of the unit changed anything since `since` (the run's start)? */
  changedSince(source: 'jira' | 'github', unit: string, since: string): boolean {
    const at = this.changedAt.get(source, unit)?.changed_at ?? null;
    return at !== null && at >= since;
  }

  fail(source: 'jira' | 'github', unit: string, error: string, now: string): void {
    this.ensure.run(source, unit, now);
    this.setError.run(error, now, now, source, unit);
  }
}

function toCursor(row: Row): SourceCursor {
  return {
    source: row.source,
    unit: row.unit,
    watermark: row.watermark,
    runStartedAt: row.run_started_at,
    etags: JSON.parse(row.etags) as Record<string, string>,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    fullReadAt: row.full_read_at,
  };
}
