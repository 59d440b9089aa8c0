/**
 * Opens the SQLite database: creates the file with mode 0600 (it holds work data, not secrets, but
 * no one else on the host needs it), turns on WAL, applies the drizzle-kit migrations.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDatabaseOptions {
  /** File path, or `:memory:`. */
  file: string;
  readonly?: boolean;
}

/** `drizzle/` sits two levels above this file both in `src/db/` and in `dist/db/`. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export function openDatabase(options: OpenDatabaseOptions): Db {
  const { file } = options;
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    // Create the file ourselves so that it gets 0600 regardless of the umask.
    closeSync(openSync(file, 'a', 0o600));
  }
  const client = new Database(file, { readonly: options.readonly ?? false });
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  const db = drizzle(client, { schema });
  if (!options.readonly) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}
