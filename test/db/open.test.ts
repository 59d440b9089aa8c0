import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/open.js';
import * as schema from '../../src/db/schema.js';

const now = '2026-11-24T12:00:00.000Z';

/** One representative row per table, exercising every column type (json, boolean, real, null). */
const ROWS: Record<string, Record<string, unknown>> = {
  jira_issues: {
    id: '10001',
    key: 'INFRA-1',
    projectKey: 'INFRA',
    issueType: 'Story',
    isEpic: false,
    summary: 'Ünïcode ✓ title',
    status: 'In Review',
    statusCategory: 'in_progress',
    resolution: null,
    assigneeId: 'acc-1',
    assigneeName: 'Li',
    changelogUpdatedAt: now,
    priority: 'High',
    labels: ['gpu', 'fleet'],
    storyPoints: 2.5,
    dueDate: '2026-12-01',
    createdAt: now,
    updatedAt: now,
    resolvedAt: null,
    parentId: '10000',
    parentKey: 'INFRA-0',
    epicLinkKey: null,
    unit: 'epic:INFRA-0',
    contentHash: 'h1',
    syncedAt: now,
    removedAt: null,
  },
  jira_issue_keys: { key: 'OLD-1', issueId: '10001', firstSeenAt: now },
  jira_issue_links: {
    issueId: '10001',
    direction: 'is_blocked_by',
    otherId: '10002',
    otherKey: 'INFRA-2',
    otherStatusCategory: 'todo',
  },
  jira_status_transitions: {
    issueId: '10001',
    id: '500:0',
    at: now,
    fromStatus: 'To Do',
    toStatus: 'In Review',
    fromCategory: 'todo',
    toCategory: 'in_progress',
  },
  github_issues: {
    id: 77,
    repo: 'acme/web',
    number: 42,
    title: 'Track it',
    state: 'closed',
    stateReason: 'not_planned',
    labels: ['gpu'],
    milestone: 'v2',
    assignees: ['octo'],
    author: null,
    createdAt: now,
    updatedAt: now,
    closedAt: now,
    htmlUrl: 'https://github.com/acme/web/issues/42',
    contentHash: 'h2',
    syncedAt: now,
    removedAt: null,
  },
  github_pull_requests: {
    id: 88,
    repo: 'acme/web',
    number: 43,
    title: 'INFRA-1 fix',
    state: 'merged',
    author: 'octo',
    headRef: 'infra-1-fix',
    headRepo: null,
    baseRef: 'main',
    labels: [],
    milestone: null,
    requestedReviewers: 1,
    createdAt: now,
    updatedAt: now,
    closedAt: now,
    mergedAt: now,
    htmlUrl: 'https://github.com/acme/web/pull/43',
    contentHash: 'h3',
    syncedAt: now,
    removedAt: null,
  },
  pull_request_jira_keys: { pullRequestId: 88, jiraKey: 'INFRA-1', source: 'branch' },
  pull_request_closed_issues: { pullRequestId: 88, issueRef: 'acme/web#12' },
  hierarchy_nodes: {
    id: 'proj-one',
    level: 'project',
    parentId: 'prog-one',
    name: 'Project one',
    owner: 'li@example.com',
    targetDate: '2027-01-31',
    declaredStatus: 'amber',
    scope: { epics: ['INFRA-0'] },
    position: 0,
    updatedAt: now,
    removedAt: null,
  },
  target_date_history: { nodeId: 'proj-one', targetDate: '2027-01-31', seenOn: '2026-11-24' },
  project_items: { projectId: 'proj-one', itemRef: 'jira:10001', reason: 'epic INFRA-0' },
  source_cursors: {
    source: 'github',
    unit: 'repo:acme/web:issues',
    watermark: now,
    runStartedAt: null,
    nextPage: null,
    etags: { 'https://x/issues': 'W/"abc"' },
    lastSuccessAt: now,
    lastErrorAt: null,
    lastError: null,
    changedAt: now,
    fullReadAt: now,
    updatedAt: now,
  },
  sync_unit_members: { unit: 'jira:epic:INFRA-0', itemId: '10001' },
  sync_seen: { unit: 'github:acme/web:issues', itemId: 'acme/web#7' },
  jira_changelog_due: { unit: 'epics:INFRA', issueId: 10001 },
  quarantined_items: {
    source: 'jira',
    itemRef: 'INFRA-9',
    unit: 'epic:INFRA-0',
    reason: 'fields.status: Required',
    payload: '{}',
    firstSeenAt: now,
    lastSeenAt: now,
    resolvedAt: null,
  },
  rate_limits: { source: 'github', limit: 5000, remaining: 4990, resetAt: now, observedAt: now },
  rollup_snapshots: {
    nodeId: 'proj-one',
    day: '2026-11-24',
    level: 'project',
    health: 'amber',
    data: '{"id":"proj-one"}',
    itemRefs: '["jira:10001"]',
    doneRefs: '[]',
    contentHash: 'h4',
    computedAt: now,
  },
  written_comments: {
    target: 'INFRA-0',
    kind: 'jira',
    nodeId: 'proj-one',
    remoteId: '10500',
    contentHash: 'h5',
    body: '{}',
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  },
  job_runs: {
    id: 1,
    job: 'sync-jira',
    jobId: 'inline',
    startedAt: now,
    finishedAt: now,
    status: 'ok',
    summary: { fetched: 3 },
    error: null,
  },
};

const TABLES: SQLiteTable[] = [];
for (const value of Object.values(schema) as unknown[])
  if (is(value, SQLiteTable)) TABLES.push(value);

describe('database', () => {
  it('creates the file with mode 0600, in WAL mode, and migrations are idempotent', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'northstar-db-')), 'nested', 'northstar.db');
    const first = openDatabase({ file });
    expect(first.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    const migrations = first.$client
      .prepare('select count(*) as n from __drizzle_migrations')
      .get() as { n: number };
    closeDatabase(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = openDatabase({ file });
    const again = second.$client
      .prepare('select count(*) as n from __drizzle_migrations')
      .get() as { n: number };
    expect(again.n).toBe(migrations.n);
    expect(migrations.n).toBeGreaterThan(0);
    closeDatabase(second);
  });

  it('round-trips a row through every table with the real driver', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'northstar-db-')), 'rt.db');
    const db = openDatabase({ file });
    expect(TABLES.map((t) => getTableName(t)).sort()).toEqual(Object.keys(ROWS).sort());
    for (const table of TABLES) {
      const row = ROWS[getTableName(table)];
      expect(row, getTableName(table)).toBeDefined();
      db.insert(table)
        .values(row as never)
        .run();
    }
    closeDatabase(db);
    const reopened = openDatabase({ file });
    for (const table of TABLES) {
      const rows = reopened.select().from(table).all();
      expect(rows, getTableName(table)).toEqual([ROWS[getTableName(table)]]);
    }
    closeDatabase(reopened);
  });
});
