/**
 * Must-show: a second sync with no remote change writes no row and gets only 304s from GitHub;
 * after 50 changed, 2 moved, 3 deleted and 10 added issues an incremental sync makes the
 * database match the emulator again with about the fewest requests the APIs allow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedJiraIssues, jiraMismatches } from './expected.js';
import { startSyncWorld, type SyncWorld } from './helpers.js';

function liveJiraRows(world: SyncWorld): Record<string, unknown>[] {
  return world.db.$client
    .prepare('SELECT * FROM jira_issues WHERE removed_at IS NULL')
    .all() as Record<string, unknown>[];
}

describe('incremental sync', () => {
  let world: SyncWorld;

  beforeAll(async () => {
    world = await startSyncWorld({ seed: 'sync-incremental' });
    const first = await world.sync({ full: true });
    expect(first.run.failed).toEqual([]);
  }, 60_000);
  afterAll(async () => {
    await world.close();
  });

  it('writes no row and gets only 304s from GitHub when nothing changed', async () => {
    const jira = world.org.jira.emulator.control;
    const github = world.org.github.emulator.control;
    jira.resetStats();
    github.resetStats();
    const startedAt = new Date().toISOString();
    const { report, run } = await world.sync();
    expect(run.failed).toEqual([]);
    expect(report.totals.written).toBe(0);
    expect(report.totals.removed).toBe(0);
    // Measured in the database, not from northstar's own counts: no item row was touched.
    for (const table of ['jira_issues', 'github_issues', 'github_pull_requests']) {
      const touched = world.db.$client
        .prepare(`SELECT count(*) AS n FROM ${table} WHERE synced_at >= ?`)
        .get(startedAt) as { n: number };
      expect(touched.n, table).toBe(0);
    }
    const gh = github.stats();
    expect(gh.total).toBe(world.org.github.repos.length * 2);
    expect(gh.notModified).toBe(gh.total);
    expect(gh.writes + jira.stats().writes).toBe(0);
  }, 60_000);

  it('catches up with 50 changed, 2 moved, 3 deleted and 10 added issues', async () => {
    const jira = world.org.jira.emulator.control;
    const config = world.loaded.config;
    const before = expectedJiraIssues(world.org, config);
    const candidates = [...before.values()].filter((i) => !i.isEpic);
    const projects = jira.projects().map((p) => p.key);
    const changed = candidates.slice(0, 50);
    const moved = candidates.slice(50, 52);
    const deleted = candidates.slice(52, 55);
    changed.forEach((issue, n) => {
      jira.updateIssue(
        issue.key,
        n % 2 === 0 ? { summary: `${issue.summary} (edited)` } : { points: n },
      );
    });
    for (const issue of moved) {
      const target = projects.find((p) => p !== issue.project) ?? issue.project;
      jira.moveIssue(issue.key, target);
    }
    for (const issue of deleted) jira.deleteIssue(issue.key);
    const epics = [...before.values()].filter((i) => i.isEpic);
    for (let n = 0; n < 10; n++) {
      const epic = epics[n % epics.length];
      if (!epic) throw new Error('no epics in the seeded org');
      jira.createIssue({ project: epic.project, summary: `New work ${n}`, parent: epic.key });
    }
    jira.resetStats();
    world.org.github.emulator.control.resetStats();

    const { report, run } = await world.sync();
    expect(run.failed).toEqual([]);
    const expected = expectedJiraIssues(world.org, config);
    expect(jiraMismatches(liveJiraRows(world), expected)).toEqual([]);
    const removed = world.db.$client.prepare('SELECT removed_at FROM jira_issues WHERE id = ?');
    for (const issue of deleted) {
      expect((removed.get(issue.id) as { removed_at: string | null }).removed_at).not.toBeNull();
    }
    for (const issue of moved) {
      const row = world.db.$client
        .prepare('SELECT key FROM jira_issues WHERE id = ?')
        .get(issue.id) as { key: string };
      expect(row.key).not.toBe(issue.key);
      expect(row.key).toBe(expected.get(issue.id)?.key);
    }
    expect(report.totals.removed).toBe(3);
    expect(report.totals.written).toBeGreaterThanOrEqual(62);

    // The fewest calls for this work: per Jira unit one search page per 100 changed issues (at
    // least one, to learn that nothing changed), one id page per 5000 selected issues (the only
    // way to see deletions), one changelog call per 1000 changed issues; the site clock once;
    // GitHub one conditional request per list.
    const units = report.units.filter((u) => u.source === 'jira' && u.unit !== 'site');
    const sizes = world.db.$client.prepare(
      'SELECT count(*) AS n FROM sync_unit_members WHERE unit = ?',
    );
    const changedIds = new Set([...changed, ...moved].map((i) => i.id));
    for (const issue of expected.values()) if (!before.has(issue.id)) changedIds.add(issue.id);
    const members = world.db.$client.prepare(
      'SELECT unit FROM sync_unit_members WHERE item_id = ?',
    );
    const changedPerUnit = new Map<string, number>();
    for (const id of changedIds)
      for (const { unit } of members.all(id) as { unit: string }[])
        changedPerUnit.set(unit, (changedPerUnit.get(unit) ?? 0) + 1);
    let minRequests = 1 + world.org.github.repos.length * 2;
    for (const unit of units) {
      const size = (sizes.get(unit.unit) as { n: number }).n;
      const changes = changedPerUnit.get(unit.unit) ?? 0;
      minRequests += Math.max(1, Math.ceil(changes / 100)) + Math.max(1, Math.ceil(size / 5000));
      minRequests += Math.ceil(changes / 1000);
    }
    const made =
      world.org.jira.emulator.control.stats().total +
      world.org.github.emulator.control.stats().total;
    expect(report.totals.requests).toBe(made);
    expect(made).toBeLessThanOrEqual(minRequests + 2);
  }, 60_000);
});
