/**
 * The Jira ingest's own bookkeeping over a real SQLite file: which unit reads an issue's status
 * history (the changelog-due list), and when a unit's projects are rolled up at its end (the
 * unit's `changed_at`, set in the page transactions).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src/db/open.js';
import type { JiraIssue } from '../../src/domain/items.js';
import {
  ingestJiraChangelogs,
  ingestJiraIds,
  ingestJiraIssues,
} from '../../src/jobs/sync/ingest-jira.js';
import type { JiraRun, JiraUnit, SyncRun } from '../../src/jobs/sync/payloads.js';
import type { JobRequest } from '../../src/jobs/types.js';
import { ManualClock } from '../../src/lib/clock.js';
import { tempDb } from '../rollup/fixtures/db.js';
import { configWith } from '../rollup/fixtures/small-org.js';
import { jobContext } from '../helpers/job-context.js';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) closeDatabase(db);
});

const UNIT_A: JiraUnit = {
  id: 'epics:A',
  scope: 'key in (A-1) OR parent in (A-1)',
  projectIds: ['pa'],
};
const UNIT_B: JiraUnit = { id: 'jql:pb', scope: 'labels = shared', projectIds: ['pb'] };

function issue(id: string, overrides: Partial<JiraIssue> = {}): JiraIssue {
  return {
    id,
    key: `A-${id}`,
    projectKey: 'A',
    issueType: 'Story',
    isEpic: false,
    summary: `Issue ${id}`,
    status: 'To Do',
    statusCategory: 'todo',
    resolution: null,
    assignee: null,
    priority: null,
    labels: ['shared'],
    storyPoints: null,
    dueDate: null,
    created: '2026-11-01T10:00:00.000Z',
    updated: '2026-11-20T10:00:00.000Z',
    resolved: null,
    parentId: '1',
    parentKey: 'A-1',
    epicLinkKey: null,
    links: [],
    transitions: [],
    ...overrides,
  };
}

function world() {
  const { db } = tempDb();
  open.push(db);
  const clock = new ManualClock(new Date('2026-11-24T10:00:00.000Z'));
  const config = configWith('2027-03-31');
  const ctx = jobContext({ config, clock, db });
  const jira: JiraRun = { serverTime: clock.now().toISOString(), since: null, timeZone: 'UTC' };
  let run: SyncRun = { full: true, startedAt: clock.now().toISOString() };
  return {
    db,
    ctx,
    /** A new run, a minute later. */
    nextRun(full = false): SyncRun {
      clock.advance(60_000);
      run = { full, startedAt: clock.now().toISOString() };
      return run;
    },
    search(unit: JiraUnit, issues: JiraIssue[]): JobRequest[] {
      return ingestJiraIssues(
        { kind: 'jira-issues', run, unit, jira, token: null, issues, quarantined: [] },
        ctx,
      ).next;
    },
    changelogs(unit: JiraUnit, issueIds: string[]): JobRequest[] {
      const changelogs = issueIds.map((issueId) => ({ issueId, transitions: [] }));
      return ingestJiraChangelogs(
        { kind: 'jira-changelogs', run, unit, jira, token: null, issueIds, changelogs },
        ctx,
      ).next;
    },
    sweep(unit: JiraUnit, ids: string[]): JobRequest[] {
      return ingestJiraIds(
        { kind: 'jira-ids', run, unit, jira, token: null, afterId: null, ids },
        ctx,
      ).next;
    },
  };
}

function step(request: JobRequest | undefined): unknown {
  if (request?.name === 'compute-rollups') return 'rollup';
  return (request?.payload as { step?: string } | undefined)?.step;
}

/** A first run in which units A and B both select issue 11 (A reads its history). */
function selectedByBoth(w: ReturnType<typeof world>): void {
  w.search(UNIT_A, [issue('11')]);
  w.search(UNIT_B, [issue('11')]);
  w.changelogs(UNIT_A, ['11']);
  w.sweep(UNIT_A, ['11']);
  w.sweep(UNIT_B, ['11']);
}

const dueRows = (db: Db): number =>
  (db.$client.prepare('SELECT count(*) AS n FROM jira_changelog_due').get() as { n: number }).n;

describe('Jira ingest bookkeeping', () => {
  it('reads an issue two units select once, and clears the due list at each unit’s sweep', () => {
    const w = world();
    const shared = issue('11');
    expect(step(w.search(UNIT_A, [shared, issue('12')])[0])).toBe('changelog');
    expect(step(w.search(UNIT_B, [shared])[0])).toBe('changelog');
    // Unit A reads both histories; unit B's turn then has nothing left to read.
    const next = w.changelogs(UNIT_A, ['11', '12']);
    expect(step(next[0])).toBe('sweep');
    expect(dueRows(w.db)).toBe(1); // unit B's, served by A: skipped, then cleared
    const first = w.search(UNIT_B, [shared]);
    expect(step(first[0])).toBe('sweep');
    expect(dueRows(w.db)).toBe(0);

    // An update makes the history due again; an unchanged re-read does not.
    w.nextRun();
    expect(step(w.search(UNIT_A, [issue('12')])[0])).toBe('sweep');
    const moved = issue('11', { updated: '2026-11-24T09:00:00.000Z', status: 'In Progress' });
    const after = w.search(UNIT_A, [moved])[0];
    expect(step(after)).toBe('changelog');
    expect((after?.payload as { issueIds: string[] }).issueIds).toEqual(['11']);
  });

  it('rolls a unit up when a page changed something, and not after a quiet run', () => {
    const w = world();
    w.search(UNIT_A, [issue('11'), issue('12')]);
    w.changelogs(UNIT_A, ['11', '12']);
    expect(step(w.sweep(UNIT_A, ['11', '12'])[0])).toBe('rollup');

    w.nextRun();
    expect(step(w.search(UNIT_A, [issue('11')])[0])).toBe('sweep');
    expect(w.sweep(UNIT_A, ['11', '12'])).toEqual([]);
  });

  it('rolls up a unit whose issue another unit wrote in the same run', () => {
    const w = world();
    selectedByBoth(w);

    w.nextRun();
    const edited = issue('11', { summary: 'Edited', updated: '2026-11-24T09:00:00.000Z' });
    w.search(UNIT_A, [edited]);
    w.changelogs(UNIT_A, ['11']);
    expect(step(w.sweep(UNIT_A, ['11'])[0])).toBe('rollup');
    // Unit B reads the issue unchanged (A wrote it first) but its project still counts it.
    expect(step(w.search(UNIT_B, [edited])[0])).toBe('sweep');
    expect(step(w.sweep(UNIT_B, ['11'])[0])).toBe('rollup');
  });

  it('rolls up a unit an issue left for another unit, and the issue’s unit moves', () => {
    const w = world();
    selectedByBoth(w);
    const unitOf = () =>
      (
        w.db.$client.prepare("SELECT unit FROM jira_issues WHERE id = '11'").get() as {
          unit: string;
        }
      ).unit;
    expect(unitOf()).toBe('epics:A');

    w.nextRun();
    expect(step(w.sweep(UNIT_A, [])[0])).toBe('rollup');
    expect(unitOf()).toBe('jql:pb');
    const removed = w.db.$client
      .prepare("SELECT removed_at FROM jira_issues WHERE id = '11'")
      .get() as { removed_at: string | null };
    expect(removed.removed_at).toBeNull();
    expect(w.sweep(UNIT_B, ['11'])).toEqual([]);
  });
});
