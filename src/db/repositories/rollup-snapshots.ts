/**
 * The rollup's own tables: daily snapshots in `rollup_snapshots` (one row per node per day; a
 * re-run the same day replaces the row) and target dates in `target_date_history` (a later date
 * than the previous one is a slip). Also reads what a day's rollup measures against: each
 * project's scope at the start of the week and at its first snapshot.
 */
import type { Hierarchy } from '../../domain/hierarchy.js';
import type { Rollup } from '../../domain/rollup.js';
import type { ScopeBaselines, TargetDateSeen } from '../../rollup/inputs.js';
import { contentHash } from '../../lib/hash.js';
import type { Db } from '../open.js';

export interface SnapshotToWrite {
  rollup: Rollup;
  itemRefs: readonly string[];
  doneRefs: readonly string[];
}

export interface RollupHistory {
  targetDates: ReadonlyMap<string, TargetDateSeen[]>;
  baselines: ReadonlyMap<string, ScopeBaselines>;
}

interface BaselineRow {
  node_id: string;
  day: string;
  item_refs: string;
}

function parseRefs(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}

/** Every node with a target, in config order. */
function datedNodes(hierarchy: Hierarchy): { id: string; targetDate: string }[] {
  const out: { id: string; targetDate: string }[] = [];
  const add = (node: { id: string; targetDate: string | null }): void => {
    if (node.targetDate !== null) out.push({ id: node.id, targetDate: node.targetDate });
  };
  for (const bet of hierarchy.bets) {
    add(bet);
    for (const program of bet.programs) {
      add(program);
      for (const project of program.projects) add(project);
    }
  }
  return out;
}

export function createRollupSnapshotRepository(db: Db) {
  const client = db.$client;
  const lastTarget = client.prepare<[string], { target_date: string }>(
    `SELECT target_date FROM target_date_history WHERE node_id = ?
      ORDER BY seen_on DESC, rowid DESC LIMIT 1`,
  );
  const insertTarget = client.prepare<[string, string, string]>(
    `INSERT OR IGNORE INTO target_date_history (node_id, target_date, seen_on) VALUES (?, ?, ?)`,
  );
  const allTargets = client.prepare<[], { node_id: string; target_date: string; seen_on: string }>(
    `SELECT node_id, target_date, seen_on FROM target_date_history ORDER BY node_id, seen_on, rowid`,
  );
  // The scope a week is measured from: the last snapshot before Monday, or failing that the first
  // one earlier this week. "Since the first snapshot": the node's first snapshot before today.
  const beforeWeek = client.prepare<[string], BaselineRow>(
    `SELECT s.node_id, s.day, s.item_refs FROM rollup_snapshots s
      WHERE s.level = 'project' AND s.day = (
        SELECT MAX(day) FROM rollup_snapshots x WHERE x.node_id = s.node_id AND x.day < ?)`,
  );
  const firstBefore = client.prepare<[string], BaselineRow>(
    `SELECT s.node_id, s.day, s.item_refs FROM rollup_snapshots s
      WHERE s.level = 'project' AND s.day = (
        SELECT MIN(day) FROM rollup_snapshots x WHERE x.node_id = s.node_id AND x.day < ?)`,
  );
  const latestHashes = client.prepare<[string], { node_id: string; content_hash: string }>(
    `SELECT s.node_id, s.content_hash FROM rollup_snapshots s
      WHERE s.day = (SELECT MAX(day) FROM rollup_snapshots x WHERE x.node_id = s.node_id AND x.day <= ?)`,
  );
  const upsert = client.prepare<
    [string, string, string, string, string, string, string, string, string]
  >(
    `INSERT INTO rollup_snapshots
       (node_id, day, level, health, data, item_refs, done_refs, content_hash, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (node_id, day) DO UPDATE SET
       level = excluded.level, health = excluded.health, data = excluded.data,
       item_refs = excluded.item_refs, done_refs = excluded.done_refs,
       content_hash = excluded.content_hash, computed_at = excluded.computed_at`,
  );

  return {
    /** Records today's target of every dated node when it differs from the last one seen. */
    recordTargetDates(hierarchy: Hierarchy, today: string): void {
      client.transaction(() => {
        for (const node of datedNodes(hierarchy)) {
          if (lastTarget.get(node.id)?.target_date === node.targetDate) continue;
          insertTarget.run(node.id, node.targetDate, today);
        }
      })();
    },

    history(options: { today: string; weekStart: string }): RollupHistory {
      return client.transaction(() => {
        const targetDates = new Map<string, TargetDateSeen[]>();
        for (const row of allTargets.iterate()) {
          const list = targetDates.get(row.node_id) ?? [];
          list.push({ targetDate: row.target_date, seenOn: row.seen_on });
          targetDates.set(row.node_id, list);
        }
        const first = new Map(firstBefore.all(options.today).map((r) => [r.node_id, r]));
        const week = new Map(beforeWeek.all(options.weekStart).map((r) => [r.node_id, r]));
        const baselines = new Map<string, ScopeBaselines>();
        for (const [nodeId, row] of first) {
          const start = week.get(nodeId) ?? (row.day >= options.weekStart ? row : undefined);
          baselines.set(nodeId, {
            weekStart: start ? { day: start.day, itemRefs: parseRefs(start.item_refs) } : null,
            first: { day: row.day, itemRefs: parseRefs(row.item_refs) },
          });
        }
        return { targetDates, baselines };
      })();
    },

    /**
     * Writes the day's snapshots (replacing that day's rows) in one transaction; returns the ids of
     * the nodes whose rollup differs from their latest earlier snapshot (or that had none).
     */
    writeSnapshots(options: {
      day: string;
      computedAt: string;
      snapshots: readonly SnapshotToWrite[];
    }): string[] {
      return client.transaction(() => {
        const before = new Map(
          latestHashes.all(options.day).map((r) => [r.node_id, r.content_hash]),
        );
        const changed: string[] = [];
        for (const { rollup, itemRefs, doneRefs } of options.snapshots) {
          const data = JSON.stringify(rollup);
          const hash = contentHash(data);
          if (before.get(rollup.id) !== hash) changed.push(rollup.id);
          upsert.run(
            rollup.id,
            options.day,
            rollup.level,
            rollup.health,
            data,
            JSON.stringify(itemRefs),
            JSON.stringify(doneRefs),
            hash,
            options.computedAt,
          );
        }
        return changed;
      })();
    },
  };
}

export type RollupSnapshotRepository = ReturnType<typeof createRollupSnapshotRepository>;
