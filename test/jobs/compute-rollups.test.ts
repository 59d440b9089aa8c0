/**
 * The rollup job over a real SQLite file: the loader's SQL, daily snapshots (a re-run the same day
 * replaces the row), write-back requested only for changed nodes, scope change measured against
 * earlier snapshots, and date slips from config changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src/db/open.js';
import { loadRollupInputs } from '../../src/db/repositories/rollup-inputs.js';
import type { Rollup } from '../../src/domain/rollup.js';
import {
  computeRollups,
  computeRollupsJob,
  rollupSettings,
} from '../../src/jobs/compute-rollups.js';
import type { JobRequest } from '../../src/jobs/types.js';
import { ManualClock } from '../../src/lib/clock.js';
import { RollupEngine } from '../../src/rollup/engine.js';
import { latestSnapshots } from '../../src/writeback/snapshot-reader.js';
import { insertJira, tempDb } from '../rollup/fixtures/db.js';
import { child } from '../rollup/fixtures/items.js';
import { configWith, seedSmallOrg } from '../rollup/fixtures/small-org.js';
import { jobContext } from '../helpers/job-context.js';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) closeDatabase(db);
});

function setup() {
  const { db } = tempDb();
  open.push(db);
  seedSmallOrg(db);
  return { db };
}

function context(db: Db, clock: ManualClock, target = '2027-03-31') {
  const config = configWith(target);
  const enqueued: JobRequest[] = [];
  const ctx = jobContext({ config, clock, db, enqueued });
  return { ctx, enqueued };
}

function snapshotRows(db: Db): { node_id: string; day: string; data: string; item_refs: string }[] {
  return db.$client
    .prepare('SELECT node_id, day, data, item_refs FROM rollup_snapshots ORDER BY node_id, day')
    .all() as never;
}

describe('loadRollupInputs', () => {
  it('reads back what sync stored: open blockers from both link sides, changelog instants, no removed items', () => {
    const { db } = setup();
    const data = loadRollupInputs(db);
    const byKey = new Map(data.jira.map((r) => [r.key, r]));
    expect(byKey.has('A-4')).toBe(false);
    expect(byKey.get('A-2')?.openBlockers).toEqual(['CORE-1', 'CORE-2']);
    expect(byKey.get('A-3')?.openBlockers).toEqual(['CORE-3']);
    expect(byKey.get('A-10')?.firstInProgressAt).toBe('2026-09-03T10:00:00.000Z');
    expect(byKey.get('A-10')?.lastDoneAt).toBe('2026-09-07T10:00:00.000Z');
    expect(data.github.find((g) => g.number === 1)?.assignees).toBe(2);
    expect(data.pulls.find((p) => p.number === 3)?.jiraKeys).toEqual(['A-2']);
  });
});

describe('compute-rollups job', () => {
  it('stores one snapshot per node per day, replaces it on a re-run, and asks write-back only for changes', async () => {
    const { db } = setup();
    const clock = new ManualClock('2026-11-25T12:00:00Z');
    const first = context(db, clock);
    const result = await computeRollups(first.ctx, {});
    expect(result.written.sort()).toEqual(['bet', 'pa', 'pb', 'prog']);
    expect(result.changed.sort()).toEqual(['bet', 'pa', 'pb', 'prog']);
    expect(first.enqueued).toEqual([
      { queue: 'writeback', name: 'write-summaries', payload: { nodeIds: result.changed } },
    ]);

    const rows = snapshotRows(db);
    expect(rows).toHaveLength(4);
    const pa = JSON.parse(rows.find((r) => r.node_id === 'pa')!.data) as Rollup;
    // 10 done + A-2 + A-3 (+ the removed A-4 left out) + one GitHub issue; "not planned" aside.
    expect(pa.counts).toEqual({ total: 13, todo: 2, inProgress: 1, done: 10, outOfScope: 1 });
    expect(pa.risks.blocked).toBe(2);
    expect(pa.links.blocked.jql).toBe('issue in (A-2, A-3)');
    expect(pa.pullRequests).toMatchObject({ open: 2, draft: 1, withoutJiraKey: 1 });
    expect(pa.health).not.toBe('no-data');
    const pb = JSON.parse(rows.find((r) => r.node_id === 'pb')!.data) as Rollup;
    expect(pb.counts.total).toBe(2);
    expect(pb.risks).toMatchObject({ stale: 1, doneEpicsWithOpenChildren: 1 });
    expect(JSON.parse(rows.find((r) => r.node_id === 'prog')!.item_refs)).toHaveLength(15);

    // What write-back reads is exactly what the job computed.
    expect(latestSnapshots(db).get('pa')?.rollup).toEqual(result.tree.byId.get('pa'));

    // Same day, nothing changed: same rows, no write-back.
    const again = context(db, clock);
    const rerun = await computeRollupsJob.handle({}, again.ctx);
    expect(rerun.changed).toEqual([]);
    expect(again.enqueued).toEqual([]);
    expect(snapshotRows(db)).toHaveLength(4);

    // An item of project B is done: B, its program and bet change; A does not.
    db.$client.prepare(`UPDATE jira_issues SET status_category = 'done' WHERE key = 'B-3'`).run();
    const third = context(db, clock);
    const changed = await computeRollupsJob.handle({}, third.ctx);
    expect(changed.changed.sort()).toEqual(['bet', 'pb', 'prog']);
    expect(third.enqueued[0]?.payload).toEqual({ nodeIds: changed.changed });
    expect(snapshotRows(db)).toHaveLength(4);
  });

  it('measures scope change against last week and records target slips', async () => {
    const { db } = setup();
    const clock = new ManualClock('2026-11-25T12:00:00Z');
    await computeRollups(context(db, clock).ctx, {});
    // Next week: one item added to A, one removed, and A's target moved 14 days later.
    clock.set('2026-12-02T12:00:00Z');
    const a = loadRollupInputs(db).jira.find((r) => r.key === 'A-1')!;
    insertJira(db, [child('A-50', a)]);
    db.$client
      .prepare(`UPDATE jira_issues SET removed_at = '2026-12-01T00:00:00Z' WHERE key = 'A-3'`)
      .run();
    const later = await computeRollups(context(db, clock, '2027-04-14').ctx, {
      projectIds: ['pa'],
    });
    expect(later.written.sort()).toEqual(['bet', 'pa', 'prog']);
    const pa = later.tree.byId.get('pa')!;
    expect(pa.scope).toMatchObject({
      totalNow: 13,
      addedThisWeek: 1,
      removedThisWeek: 1,
      addedSinceFirstSnapshot: 1,
      removedSinceFirstSnapshot: 1,
      firstSnapshotDay: '2026-11-25',
    });
    expect(pa.dates.slips).toEqual([
      { from: '2027-03-31', to: '2027-04-14', on: '2026-12-02', days: 14 },
    ]);
    expect(
      snapshotRows(db)
        .filter((r) => r.day === '2026-12-02')
        .map((r) => r.node_id)
        .sort(),
    ).toEqual(['bet', 'pa', 'prog']);
  });

  it('computes from the database exactly what the engine computes from the same rows', async () => {
    const { db } = setup();
    const clock = new ManualClock('2026-11-25T12:00:00Z');
    const { ctx } = context(db, clock);
    const viaJob = await computeRollups(ctx, {});
    const engine = new RollupEngine(
      ctx.hierarchy,
      rollupSettings(ctx.config),
      loadRollupInputs(db),
    );
    engine.recompute(clock.now());
    engine.forecast(clock.now());
    expect(engine.rollups(clock.now()).byId.get('pa')).toEqual(viaJob.tree.byId.get('pa'));
  });
});
