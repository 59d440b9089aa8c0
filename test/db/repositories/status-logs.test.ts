/**
 * The API budget and the job log that `northstar status` reads: an older budget reading never
 * replaces a newer one (pages arrive out of order from several fetchers), and the job log keeps
 * what a person follows — failures always, page jobs never when they succeed — within bounds.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimitStore } from '../../../src/db/repositories/rate-limits.js';
import { readSyncStatus } from '../../../src/db/repositories/sync-status.js';
import { closeDatabase, openDatabase, type Db } from '../../../src/db/open.js';
import { logJobRun } from '../../../src/jobs/run-log.js';

let db: Db;
beforeEach(() => {
  db = openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'ns-status-')), 'n.db') });
});
afterEach(() => {
  closeDatabase(db);
});

const reading = (remaining: number, observedAt: string) => ({
  source: 'github',
  limit: 5000,
  remaining,
  resetAt: '2026-12-07T05:00:00.000Z',
  observedAt,
});

describe('status logs', () => {
  it('keeps the newest budget reading, whatever order readings arrive in', () => {
    const store = RateLimitStore.for(db);
    store.record(reading(4990, '2026-12-07T04:00:02.000Z'));
    store.record(reading(4995, '2026-12-07T04:00:01.000Z')); // older, arrives late
    expect(readSyncStatus(db, new Date()).rateLimits).toEqual([
      reading(4990, '2026-12-07T04:00:02.000Z'),
    ]);
    store.record(reading(4980, '2026-12-07T04:00:03.000Z'));
    expect(readSyncStatus(db, new Date()).rateLimits[0]?.remaining).toBe(4980);
  });

  it('logs failures and the runs a person follows, not successful page jobs', () => {
    const at = new Date('2026-12-07T04:00:00.000Z');
    const run = { jobId: 'j', startedAt: at, finishedAt: at };
    logJobRun(db, { ...run, name: 'sync-github', result: { fetched: 100 } });
    logJobRun(db, { ...run, name: 'ingest-page', result: null });
    logJobRun(db, { ...run, name: 'sync-jira', error: 'jira rejected the credentials' });
    logJobRun(db, { ...run, name: 'compute-rollups', result: { projects: 3 } });
    const status = readSyncStatus(db, new Date());
    expect(status.recentRuns.map((r) => [r.job, r.status])).toEqual([
      ['compute-rollups', 'ok'],
      ['sync-jira', 'failed'],
    ]);
    expect(status.recentFailures).toEqual([
      expect.objectContaining({ job: 'sync-jira', error: 'jira rejected the credentials' }),
    ]);
  });

  it('keeps the newest 5,000 entries and stores no unbounded summary', () => {
    const at = new Date('2026-12-07T04:00:00.000Z');
    for (let i = 0; i < 5_150; i++) {
      logJobRun(db, {
        name: 'compute-rollups',
        jobId: String(i),
        startedAt: at,
        finishedAt: at,
        result: i === 5_149 ? { huge: 'x'.repeat(10_000) } : { i },
      });
    }
    const rows = db.$client
      .prepare('SELECT count(*) AS n, min(job_id + 0) AS first FROM job_runs')
      .get() as { n: number; first: number };
    expect(rows.n).toBeLessThanOrEqual(5_100);
    expect(rows.n).toBeGreaterThanOrEqual(5_000);
    expect(rows.first).toBeGreaterThan(0);
    const last = db.$client
      .prepare('SELECT summary FROM job_runs ORDER BY id DESC LIMIT 1')
      .get() as { summary: string };
    expect(JSON.parse(last.summary)).toEqual({ truncated: true });
  });
});
