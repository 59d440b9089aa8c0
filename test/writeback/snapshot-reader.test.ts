import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src/db/open.js';
import { latestSnapshots, weekBefore } from '../../src/writeback/snapshot-reader.js';
import { configRollups, writeSnapshots } from './fixtures/snapshots.js';

let db: Db | undefined;
afterEach(() => {
  if (db) closeDatabase(db);
});

describe('snapshot reader', () => {
  it('reads each node’s latest snapshot and the one at least a week older', () => {
    db = openDatabase({ file: ':memory:' });
    const rollups = configRollups();
    writeSnapshots(db, rollups, { day: '2026-11-10', computedAt: '2026-11-10T06:00:00.000Z' });
    writeSnapshots(db, rollups, { day: '2026-11-17', computedAt: '2026-11-17T06:00:00.000Z' });
    writeSnapshots(db, rollups, { day: '2026-11-20', computedAt: '2026-11-20T06:00:00.000Z' });
    writeSnapshots(db, rollups.slice(2), {
      day: '2026-11-24',
      computedAt: '2026-11-24T06:00:00.000Z',
    });
    const latest = latestSnapshots(db);
    expect([...latest.values()].map((s) => [s.nodeId, s.day])).toEqual(
      expect.arrayContaining([
        ['ai-ready-infra', '2026-11-20'],
        ['gpu-fleet', '2026-11-20'],
        ['scheduler-rewrite', '2026-11-24'],
        ['node-images', '2026-11-24'],
      ]),
    );
    expect(latest.get('scheduler-rewrite')?.rollup.name).toBe('Scheduler rewrite');
    const before = weekBefore(db, latest);
    expect(before.get('scheduler-rewrite')?.day).toBe('2026-11-17');
    expect(before.get('ai-ready-infra')?.day).toBe('2026-11-10');
  });
});
