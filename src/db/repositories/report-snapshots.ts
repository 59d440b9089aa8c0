/**
 * Reads what the weekly report needs from `rollup_snapshots` (and names changed items from the
 * synced item tables). Prepared statements: a 500-project org over a quarter is ~50k snapshot
 * rows of a few KB each, and the burn-up series needs only two numbers from each — served by a
 * covering expression index (see `BURNUP_SQL`).
 */
import type { Rollup, RollupSnapshot } from '../../domain/rollup.js';
import type { Db } from '../open.js';

export interface SnapshotWindow {
  /** First and last day of the report week (`YYYY-MM-DD`, inclusive). */
  weekStart: string;
  weekEnd: string;
  /** First day of the burn-up series. */
  burnupFrom: string;
}

export interface BurnupRow {
  nodeId: string;
  day: string;
  scope: number;
  done: number;
}

export interface DoneOnDay {
  nodeId: string;
  day: string;
  doneItemIds: string[];
}

export interface ReportSnapshotRows {
  current: RollupSnapshot[];
  previous: RollupSnapshot[];
  doneDuringWeek: DoneOnDay[];
  burnup: BurnupRow[];
}

export interface ItemInfo {
  ref: string;
  source: 'jira' | 'github';
  label: string | null;
  title: string | null;
  url: string | null;
}

interface SnapshotRow {
  node_id: string;
  day: string;
  data: string;
  item_refs: string;
  done_refs: string;
}

const LATEST_PER_NODE = `
  SELECT s.node_id, s.day, s.data, s.item_refs, s.done_refs
  FROM rollup_snapshots s
  JOIN (SELECT node_id, MAX(day) AS day FROM rollup_snapshots WHERE %WHERE% GROUP BY node_id) m
    ON s.node_id = m.node_id AND s.day = m.day`;

/**
 * Scope and done per project per day. The expressions match the `rollup_snapshots_burnup` index
 * exactly, so SQLite answers from the index without reading (or parsing) the rollup JSON; the
 * order follows the index too (no sort step).
 */
export const BURNUP_SQL = `
  SELECT node_id, day, data ->> '$.counts.total' AS scope, data ->> '$.counts.done' AS done
  FROM rollup_snapshots
  WHERE level = 'project' AND day >= ? AND day <= ?
  ORDER BY day, node_id`;

function parseRefs(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}

function toSnapshot(row: SnapshotRow): RollupSnapshot {
  return {
    nodeId: row.node_id,
    day: row.day,
    // Written by our own rollup job from the `Rollup` type; not an external boundary.
    rollup: JSON.parse(row.data) as Rollup,
    itemIds: parseRefs(row.item_refs),
    doneItemIds: parseRefs(row.done_refs),
  };
}

export interface ReportSnapshotRepository {
  read(window: SnapshotWindow): ReportSnapshotRows;
  /** Names items by ref (`jira:<id>`, `gh-issue:<id>`, `gh-pr:<id>`); unknown refs are absent. */
  describe(refs: readonly string[]): ReadonlyMap<string, ItemInfo>;
}

export function createReportSnapshotRepository(db: Db): ReportSnapshotRepository {
  const client = db.$client;
  const inWeek = client.prepare<[string, string], SnapshotRow>(
    LATEST_PER_NODE.replace('%WHERE%', 'day >= ? AND day <= ?'),
  );
  const beforeWeek = client.prepare<[string], SnapshotRow>(
    LATEST_PER_NODE.replace('%WHERE%', 'day < ?'),
  );
  const doneInWeek = client.prepare<
    [string, string],
    { node_id: string; day: string; done_refs: string }
  >(
    `SELECT node_id, day, done_refs FROM rollup_snapshots
     WHERE level = 'project' AND day >= ? AND day <= ? ORDER BY node_id, day`,
  );
  const burnup = client.prepare<
    [string, string],
    { node_id: string; day: string; scope: number | null; done: number | null }
  >(BURNUP_SQL);
  const jiraItems = client.prepare<[string], { id: string; key: string; summary: string }>(
    `SELECT id, key, summary FROM jira_issues WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const githubIssues = client.prepare<
    [string],
    { id: number; repo: string; number: number; title: string; html_url: string }
  >(
    `SELECT id, repo, number, title, html_url FROM github_issues
     WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const githubPulls = client.prepare<
    [string],
    { id: number; repo: string; number: number; title: string; html_url: string }
  >(
    `SELECT id, repo, number, title, html_url FROM github_pull_requests
     WHERE id IN (SELECT value FROM json_each(?))`,
  );

  return {
    read(window) {
      // One read transaction: a rollup committing meanwhile cannot split the week in two.
      return client.transaction(() => ({
        current: inWeek.all(window.weekStart, window.weekEnd).map(toSnapshot),
        previous: beforeWeek.all(window.weekStart).map(toSnapshot),
        doneDuringWeek: doneInWeek.all(window.weekStart, window.weekEnd).map((r) => ({
          nodeId: r.node_id,
          day: r.day,
          doneItemIds: parseRefs(r.done_refs),
        })),
        burnup: burnup.all(window.burnupFrom, window.weekEnd).map((r) => ({
          nodeId: r.node_id,
          day: r.day,
          scope: r.scope ?? 0,
          done: r.done ?? 0,
        })),
      }))();
    },

    describe(refs) {
      const ids = { jira: [] as string[], issue: [] as number[], pr: [] as number[] };
      for (const ref of refs) {
        const [kind, id] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
        if (kind === 'jira') ids.jira.push(id);
        else if (kind === 'gh-issue' && /^\d+$/.test(id)) ids.issue.push(Number(id));
        else if (kind === 'gh-pr' && /^\d+$/.test(id)) ids.pr.push(Number(id));
      }
      const out = new Map<string, ItemInfo>();
      if (ids.jira.length > 0) {
        for (const r of jiraItems.all(JSON.stringify(ids.jira))) {
          const ref = `jira:${r.id}`;
          out.set(ref, { ref, source: 'jira', label: r.key, title: r.summary, url: null });
        }
      }
      const github = [
        { prefix: 'gh-issue', list: ids.issue, statement: githubIssues },
        { prefix: 'gh-pr', list: ids.pr, statement: githubPulls },
      ];
      for (const { prefix, list, statement } of github) {
        if (list.length === 0) continue;
        for (const r of statement.all(JSON.stringify(list))) {
          const ref = `${prefix}:${r.id}`;
          out.set(ref, {
            ref,
            source: 'github',
            label: `${r.repo}#${r.number}`,
            title: r.title,
            url: r.html_url,
          });
        }
      }
      return out;
    },
  };
}
