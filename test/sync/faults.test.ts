/**
 * Must-show: with faults on (10 % 5xx, a 429 with Retry-After every so often, dropped
 * connections, 5 malformed items) the sync completes with the same result as a clean run of
 * the same org, the 5 items quarantined, and no request sent before an announced wait ended
 * (the emulators count those "early retries").
 *
 * Runs with one fetch at a time per host (`sync.concurrency: 1`): with N requests in flight, up to N − 1
 * of them can reach the host after it announced a wait the client has not read yet, and the
 * emulators count those as early retries too. What this test pins is the client's own
 * behaviour: once told to wait, nothing goes to that host before the announced time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultPlan } from '../../src/emulators/core/faults.js';
import { expectedGitHubItems, expectedJiraIssues } from './expected.js';
import { startSyncWorld, type SyncWorld } from './helpers.js';

const FAULTS: FaultPlan = {
  serverErrorRate: 0.1,
  dropRate: 0.03,
  rateLimit: { every: 12, retryAfterSeconds: 1 },
  seed: 'sync-faults',
};

type Rows = Map<string, string>;

function contentOf(world: SyncWorld): Record<string, Rows> {
  const read = (sql: string): Rows =>
    new Map(
      (world.db.$client.prepare(sql).all() as { k: unknown; v: unknown }[]).map((r) => [
        String(r.k),
        String(r.v),
      ]),
    );
  return {
    jira: read('SELECT id AS k, content_hash AS v FROM jira_issues WHERE removed_at IS NULL'),
    links: read(
      "SELECT issue_id || ':' || direction || ':' || other_id AS k, other_key AS v FROM jira_issue_links",
    ),
    transitions: read(
      "SELECT issue_id || ':' || id AS k, to_status AS v FROM jira_status_transitions",
    ),
    issues: read('SELECT id AS k, content_hash AS v FROM github_issues WHERE removed_at IS NULL'),
    pulls: read(
      'SELECT id AS k, content_hash AS v FROM github_pull_requests WHERE removed_at IS NULL',
    ),
    keys: read(
      "SELECT pull_request_id || ':' || jira_key AS k, source AS v FROM pull_request_jira_keys",
    ),
  };
}

describe('sync under faults', () => {
  let clean: SyncWorld;
  let faulty: SyncWorld;
  let malformedJira: string[];
  let malformedGitHub: string[];
  let result: Awaited<ReturnType<SyncWorld['sync']>>;

  beforeAll(async () => {
    clean = await startSyncWorld({ seed: 'sync-faults' });
    faulty = await startSyncWorld({ seed: 'sync-faults', concurrency: 1 });
    const cleanRun = await clean.sync({ full: true });
    expect(cleanRun.run.failed).toEqual([]);

    // 3 Jira issues and 2 pull requests the config selects are served broken.
    const jiraTargets = [...expectedJiraIssues(faulty.org, faulty.loaded.config).values()]
      .filter((i) => !i.isEpic)
      .filter((_, n) => n % 97 === 5)
      .slice(0, 3);
    malformedJira = faulty.org.jira.emulator.control
      .markMalformed({
        keys: jiraTargets.map((i) => i.key),
        kinds: ['missing-status', 'created-number', 'issuetype-string'],
      })
      .map((m) => m.id);
    const pulls = expectedGitHubItems(faulty.org, faulty.loaded.config).filter((i) => i.isPull);
    malformedGitHub = pulls.slice(3, 5).map((p) => {
      faulty.org.github.emulator.control.markMalformed(
        { repo: p.repo, number: p.number },
        'wrong-type',
        'title',
      );
      return `${p.repo}#${p.number}`;
    });
    faulty.org.jira.emulator.control.setFaults(FAULTS);
    faulty.org.github.emulator.control.faults(FAULTS);
    result = await faulty.sync({ full: true });
  }, 120_000);
  afterAll(async () => {
    await clean.close();
    await faulty.close();
  });

  it('completes, with the faults really injected and no request before an announced time', () => {
    expect(result.run.failed).toEqual([]);
    const jira = faulty.org.jira.emulator.control.stats();
    const github = faulty.org.github.emulator.control.stats();
    expect(jira.faults.serverError + github.faults.serverError).toBeGreaterThan(0);
    expect(jira.faults.rateLimit + github.faults.rateLimit).toBeGreaterThan(0);
    expect(jira.faults.drop + github.faults.drop).toBeGreaterThan(0);
    expect(faulty.org.jira.emulator.control.earlyRetries().log).toEqual([]);
    expect(faulty.org.github.emulator.control.earlyRetries().log).toEqual([]);
  });

  it('quarantines exactly the 5 malformed items, with their reasons', () => {
    const rows = faulty.db.$client
      .prepare(
        'SELECT source, item_ref AS itemRef, reason FROM quarantined_items WHERE resolved_at IS NULL ORDER BY source, item_ref',
      )
      .all() as { source: string; itemRef: string; reason: string }[];
    expect(rows.map((r) => `${r.source}:${r.itemRef}`).sort()).toEqual(
      [
        ...malformedJira.map((id) => `jira:${id}`),
        ...malformedGitHub.map((ref) => `github:${ref}`),
      ].sort(),
    );
    for (const row of rows) expect(row.reason).not.toBe('');
    expect(result.report.totals.quarantined).toBe(5);
  });

  it('stores the same as a clean run, but for the quarantined items', () => {
    const want = contentOf(clean);
    const got = contentOf(faulty);
    for (const id of malformedJira) want['jira']?.delete(id);
    const pullIds = faulty.db.$client.prepare(
      'SELECT id FROM github_pull_requests WHERE repo = ? AND number = ?',
    );
    for (const ref of malformedGitHub) {
      const [repo = '', number = ''] = ref.split('#');
      const id = (
        clean.db.$client
          .prepare('SELECT id FROM github_pull_requests WHERE repo = ? AND number = ?')
          .get(repo, Number(number)) as { id: number }
      ).id;
      want['pulls']?.delete(String(id));
      for (const key of [...(want['keys']?.keys() ?? [])])
        if (key.startsWith(`${id}:`)) want['keys']?.delete(key);
      expect(pullIds.get(repo, Number(number))).toBeUndefined();
    }
    for (const id of malformedJira) {
      for (const table of ['transitions', 'links'])
        for (const key of [...(want[table]?.keys() ?? [])])
          if (key.startsWith(`${id}:`)) want[table]?.delete(key);
    }
    for (const table of Object.keys(want)) {
      expect(got[table]?.size, table).toBe(want[table]?.size);
      expect(got[table], table).toEqual(want[table]);
    }
  });
});
