/**
 * Reads the rollup snapshots a summary is rendered from: each node's latest snapshot, and the one
 * a week before it (for "what changed since last week").
 */
import type { Db } from '../db/open.js';
import type { Rollup } from '../domain/rollup.js';
import { addDays } from '../lib/dates.js';

export interface SnapshotRow {
  nodeId: string;
  day: string;
  rollup: Rollup;
  computedAt: string;
}

interface RawRow {
  node_id: string;
  day: string;
  data: string;
  computed_at: string;
}

function toSnapshot(row: RawRow): SnapshotRow {
  // Our own JSON, written by the rollup job from a typed `Rollup`.
  return {
    nodeId: row.node_id,
    day: row.day,
    rollup: JSON.parse(row.data) as Rollup,
    computedAt: row.computed_at,
  };
}

/** The latest snapshot of every node. */
export function latestSnapshots(db: Db): Map<string, SnapshotRow> {
  const rows = db.$client
    .prepare(
      `SELECT s.node_id, s.day, s.data, s.computed_at
         FROM rollup_snapshots s
         JOIN (SELECT node_id, MAX(day) AS day FROM rollup_snapshots GROUP BY node_id) latest
           ON latest.node_id = s.node_id AND latest.day = s.day`,
    )
    .all() as RawRow[];
  return new Map(rows.map((r) => [r.node_id, toSnapshot(r)]));
}

/** For each given snapshot, the node's latest snapshot at least 7 days older, when there is one. */
export function weekBefore(db: Db, latest: Map<string, SnapshotRow>): Map<string, SnapshotRow> {
  const query = db.$client.prepare(
    `SELECT node_id, day, data, computed_at FROM rollup_snapshots
      WHERE node_id = ? AND day <= ? ORDER BY day DESC LIMIT 1`,
  );
  const out = new Map<string, SnapshotRow>();
  for (const snapshot of latest.values()) {
    const row = query.get(snapshot.nodeId, addDays(snapshot.day, -7)) as RawRow | undefined;
    if (row) out.set(snapshot.nodeId, toSnapshot(row));
  }
  return out;
}
