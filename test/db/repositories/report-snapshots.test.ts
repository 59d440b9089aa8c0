import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../../src/db/open.js';
import {
  BURNUP_SQL,
  createReportSnapshotRepository,
} from '../../../src/db/repositories/report-snapshots.js';
import { createSeededDb, type SeededDb } from '../../report/fixtures/seeded-db.js';

let seeded: SeededDb;
beforeAll(() => {
  seeded = createSeededDb();
  // The rollup did not run for ledger-migration on the last two days of the week.
  seeded.db.$client
    .prepare(
      "DELETE FROM rollup_snapshots WHERE node_id = 'ledger-migration' AND day >= '2026-11-28'",
    )
    .run();
});
afterAll(() => {
  closeDatabase(seeded.db);
});

describe('report snapshot repository', () => {
  it('reads each node’s last snapshot in the week and its last one before the week', () => {
    const repo = createReportSnapshotRepository(seeded.db);
    const rows = repo.read({
      weekStart: '2026-11-23',
      weekEnd: '2026-11-29',
      burnupFrom: '2026-11-16',
    });
    const day = (list: typeof rows.current, id: string): string | undefined =>
      list.find((s) => s.nodeId === id)?.day;
    expect(rows.current).toHaveLength(14);
    expect(day(rows.current, 'scheduler-rewrite')).toBe('2026-11-29');
    expect(day(rows.current, 'ledger-migration')).toBe('2026-11-27');
    expect(day(rows.previous, 'ledger-migration')).toBe('2026-11-22');
    expect(day(rows.previous, 'access-reviews')).toBeUndefined();
    const ledger = rows.current.find((s) => s.nodeId === 'ledger-migration');
    expect(ledger?.rollup.id).toBe('ledger-migration');
    expect(ledger?.itemIds.length).toBe(ledger?.rollup.counts.total);
  });

  it('gives projects’ done refs per day of the week and their burn-up from the window start', () => {
    const repo = createReportSnapshotRepository(seeded.db);
    const rows = repo.read({
      weekStart: '2026-11-23',
      weekEnd: '2026-11-29',
      burnupFrom: '2026-11-16',
    });
    const done = rows.doneDuringWeek.filter((d) => d.nodeId === 'scheduler-rewrite');
    expect(done.map((d) => d.day)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(rows.doneDuringWeek.some((d) => d.nodeId === 'gpu-fleet')).toBe(false);
    const burnup = rows.burnup.filter((r) => r.nodeId === 'scheduler-rewrite');
    expect(burnup[0]?.day).toBe('2026-11-16');
    expect(burnup).toHaveLength(14);
    const last = rows.current.find((s) => s.nodeId === 'scheduler-rewrite')?.rollup;
    expect(burnup.at(-1)).toEqual({
      nodeId: 'scheduler-rewrite',
      day: '2026-11-29',
      scope: last?.counts.total,
      done: last?.counts.done,
    });
  });

  it('names Jira issues and GitHub issues by ref, and skips refs it does not know', () => {
    const repo = createReportSnapshotRepository(seeded.db);
    const jira = seeded.org.items.get('scheduler-rewrite')?.[5];
    const gh = seeded.org.items.get('inference-gateway')?.[3];
    const infos = repo.describe([jira?.ref ?? '', gh?.ref ?? '', 'jira:999999', 'gh-pr:1', 'odd']);
    expect(infos.get(jira?.ref ?? '')).toEqual({
      ref: jira?.ref,
      source: 'jira',
      label: jira?.label,
      title: jira?.title,
      url: null,
    });
    expect(infos.get(gh?.ref ?? '')).toMatchObject({
      source: 'github',
      label: gh?.label,
      url: gh?.url,
    });
    expect(infos.size).toBe(2);
  });

  it('reads the burn-up from the covering index, never from the rollup JSON', () => {
    const plan = seeded.db.$client
      .prepare<[string, string], { detail: string }>(`EXPLAIN QUERY PLAN ${BURNUP_SQL}`)
      .all('2026-11-16', '2026-11-29')
      .map((row) => row.detail);
    expect(plan).toEqual([expect.stringContaining('USING COVERING INDEX rollup_snapshots_burnup')]);
  });
});
