/**
 * A handler asked for the database in a process that does not own the database file (a fetch-only
 * worker). SQLite is single-writer: only the owner runs database jobs.
 */
export class DatabaseNotOwnedError extends Error {
  override readonly name = 'DatabaseNotOwnedError';
  constructor(readonly job: string) {
    super(`job ${job} needs the database, but this worker is fetch-only`);
  }
}
