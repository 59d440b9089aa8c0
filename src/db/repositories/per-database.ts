/**
 * One instance per open database: a store prepares its statements once, the first time a
 * database is used, and every later call on that database reuses them.
 */
import type { Db } from '../open.js';

export function perDatabase<T>(create: (db: Db) => T): (db: Db) => T {
  const instances = new WeakMap<Db, T>();
  return (db) => {
    let instance = instances.get(db);
    if (instance === undefined) {
      instance = create(db);
      instances.set(db, instance);
    }
    return instance;
  };
}
