/**
 * A job context for calling a job's handler directly in tests and benchmarks: the config, the
 * database and the clock the case needs; a silent logger, follow-up requests collected in
 * `enqueued` (not run), no progress output, never aborted.
 */
import type { NorthstarConfig } from '../../src/config/schema.js';
import { buildHierarchy } from '../../src/config/hierarchy.js';
import type { Db } from '../../src/db/open.js';
import type { Hierarchy } from '../../src/domain/hierarchy.js';
import type { JobContext, JobRequest } from '../../src/jobs/types.js';
import type { Clock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';

export function jobContext(parts: {
  config: NorthstarConfig;
  db: Db;
  clock: Clock;
  /** Default: built from `config`. */
  hierarchy?: Hierarchy;
  /** Collects what the handler enqueues (default: a fresh list). */
  enqueued?: JobRequest[];
}): JobContext {
  const enqueued = parts.enqueued ?? [];
  return {
    config: parts.config,
    hierarchy: parts.hierarchy ?? buildHierarchy(parts.config),
    clock: parts.clock,
    logger: silentLogger(),
    db: () => parts.db,
    enqueue: (request) => {
      enqueued.push(request);
      return Promise.resolve();
    },
    progress: () => undefined,
    signal: new AbortController().signal,
  };
}
