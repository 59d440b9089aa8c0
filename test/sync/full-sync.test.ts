/**
 * Must-show: a full sync of a seeded org stores exactly the emulators' items (counts and a
 * field-by-field sample), with PR ↔ Jira links right — lower-case keys and keys only in branch
 * names included. Real jira.js / Octokit over HTTP, a real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeField } from '../../src/emulators/jira/store/changes.js';
import { expectedGitHubItems, expectedJiraIssues, ms } from './expected.js';
import { startSyncWorld, type SyncWorld } from './helpers.js';

const CATEGORY = { new: 'todo', indeterminate: 'in_progress', done: 'done' } as const;

describe('full sync of a seeded org', () => {
  let world: SyncWorld;
  let result: Awaited<ReturnType<SyncWorld['sync']>>;

  beforeAll(async () => {
    world = await startSyncWorld();
    result = await world.sync({ full: true });
  }, 60_000);
  afterAll(async () => {
    await world.close();
  });

  it('completes without failures and counts what it wrote', () => {
    expect(result.run.failed).toEqual([]);
    const { totals } = result.report;
    expect(totals.written).toBeGreaterThan(0);
    expect(totals.removed).toBe(0);
    expect(totals.quarantined).toBe(0);
    // Every unit made at least one request, and the site facts were read once.
    for (const unit of result.report.units) expect(unit.requests).toBeGreaterThan(0);
    expect(result.report.units.find((u) => u.source === 'jira' && u.unit === 'site')).toBeDefined();
  });

  it('stores exactly the Jira issues the config selects', () => {
    const expected = expectedJiraIssues(world.org, world.loaded.config);
    const rows = world.db.$client
      .prepare('SELECT * FROM jira_issues WHERE removed_at IS NULL')
      .all() as Record<string, unknown>[];
    expect(rows.length).toBe(expected.size);
    expect(new Set(rows.map((r) => r['id']))).toEqual(new Set(expected.keys()));
    // Epic-Link-only children are in (the site still uses the legacy field for some projects).
    const epicLinkOnly = [...expected.values()].filter(
      (i) => i.parentKey === null && i.epicLinkKey !== null,
    );
    expect(epicLinkOnly.length).toBeGreaterThan(0);
  });

  it('stores each Jira field as the emulator has it (a sample)', () => {
    const expected = [...expectedJiraIssues(world.org, world.loaded.config).values()];
    const get = world.db.$client.prepare('SELECT * FROM jira_issues WHERE id = ?');
    const links = world.db.$client.prepare(
      'SELECT direction, other_key FROM jira_issue_links WHERE issue_id = ?',
    );
    const sample = expected.filter((_, i) => i % 7 === 0);
    expect(sample.length).toBeGreaterThan(20);
    for (const issue of sample) {
      const row = get.get(issue.id) as Record<string, unknown>;
      expect(row['key']).toBe(issue.key);
      expect(row['project_key']).toBe(issue.project);
      expect(row['issue_type']).toBe(issue.type);
      expect(row['is_epic']).toBe(issue.isEpic ? 1 : 0);
      expect(row['summary']).toBe(issue.summary);
      expect(row['status']).toBe(issue.status);
      expect(row['status_category']).toBe(CATEGORY[issue.statusCategory]);
      expect(row['resolution']).toBe(issue.resolution);
      expect(row['assignee_id']).toBe(issue.assignee);
      expect(JSON.parse(row['labels'] as string)).toEqual(issue.labels);
      expect(row['story_points']).toBe(issue.points);
      expect(row['due_date']).toBe(issue.dueDate);
      expect(Date.parse(row['created_at'] as string)).toBe(ms(issue.created));
      expect(Date.parse(row['updated_at'] as string)).toBe(ms(issue.updated));
      expect(row['resolved_at'] === null ? null : Date.parse(row['resolved_at'] as string)).toBe(
        issue.resolved === null ? null : ms(issue.resolved),
      );
      expect(row['parent_key']).toBe(issue.parentKey);
      expect(row['epic_link_key']).toBe(issue.epicLinkKey);
      const blocking = issue.links
        .filter((l) => l.direction !== 'relates')
        .map((l) => `${l.direction}:${l.otherKey}`)
        .sort();
      const stored = (links.all(issue.id) as { direction: string; other_key: string }[])
        .map((l) => `${l.direction}:${l.other_key}`)
        .sort();
      expect(stored).toEqual(blocking);
    }
  });

  it('stores the status transitions of every issue with a status history', () => {
    const store = world.org.jira.emulator.control.store;
    const expected = expectedJiraIssues(world.org, world.loaded.config);
    const count = world.db.$client.prepare(
      'SELECT count(*) AS n FROM jira_status_transitions WHERE issue_id = ?',
    );
    let checked = 0;
    for (const summary of [...expected.values()].slice(0, 80)) {
      const record = store.issues.find((r) => store.idOf(r) === summary.id);
      if (!record) continue;
      const statusChanges = store
        .historiesOf(record)
        .flatMap((h) => h.rows)
        .filter((row) => store.changes.field(row) === ChangeField.status).length;
      expect((count.get(summary.id) as { n: number }).n).toBe(statusChanges);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('stores exactly the GitHub issues and pull requests of the configured repos', () => {
    const expected = expectedGitHubItems(world.org, world.loaded.config);
    const issues = world.db.$client
      .prepare('SELECT id, repo, number, title FROM github_issues WHERE removed_at IS NULL')
      .all() as { id: number; repo: string; number: number; title: string }[];
    const pulls = world.db.$client
      .prepare('SELECT id, repo, number, title FROM github_pull_requests WHERE removed_at IS NULL')
      .all() as { id: number; repo: string; number: number; title: string }[];
    const expectedIssues = expected.filter((e) => !e.isPull);
    const expectedPulls = expected.filter((e) => e.isPull);
    expect(issues.map((i) => `${i.repo}#${i.number}:${i.id}:${i.title}`).sort()).toEqual(
      expectedIssues.map((i) => `${i.repo}#${i.number}:${i.id}:${i.title}`).sort(),
    );
    expect(pulls.map((p) => `${p.repo}#${p.number}:${p.id}`).sort()).toEqual(
      expectedPulls.map((p) => `${p.repo}#${p.number}:${p.pullId ?? 0}`).sort(),
    );
  });

  it('links each PR to exactly the Jira keys it mentions, lower-case and branch-only ones too', () => {
    const pulls = expectedGitHubItems(world.org, world.loaded.config).filter((e) => e.isPull);
    const keysOf = world.db.$client.prepare(
      'SELECT jira_key, source FROM pull_request_jira_keys WHERE pull_request_id = ?',
    );
    const headOf = world.db.$client.prepare(
      'SELECT head_ref FROM github_pull_requests WHERE id = ?',
    );
    let branchOnly = 0;
    let lowerCase = 0;
    for (const pull of pulls) {
      const stored = keysOf.all(pull.pullId) as { jira_key: string; source: string }[];
      const expectedKeys = [...new Set(pull.mentions.map((m) => m.key))].sort();
      expect(stored.map((s) => s.jira_key).sort(), `${pull.repo}#${pull.number}`).toEqual(
        expectedKeys,
      );
      for (const key of expectedKeys) {
        const sources = pull.mentions.filter((m) => m.key === key).map((m) => m.source);
        if (sources.length === 1 && sources[0] === 'branch') {
          branchOnly++;
          expect(stored.find((s) => s.jira_key === key)?.source).toBe('branch');
          const head = (headOf.get(pull.pullId) as { head_ref: string }).head_ref;
          if (head.includes(key.toLowerCase())) lowerCase++;
        }
      }
    }
    expect(branchOnly).toBeGreaterThan(0);
    expect(lowerCase).toBeGreaterThan(0);
  });
});
