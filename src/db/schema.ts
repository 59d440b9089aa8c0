/**
 * SQLite schema (drizzle). Migrations are generated from this file by drizzle-kit into `drizzle/`
 * (`npm run db:generate`) and applied on start.
 *
 * Conventions: timestamps are ISO-8601 UTC text, calendar days `YYYY-MM-DD`; JSON columns hold
 * small arrays/objects; `content_hash` is a hash of the mapped item so an unchanged item is never
 * rewritten; `removed_at` marks items that vanished or left scope (kept for history, not deleted).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// ── Jira ────────────────────────────────────────────────────────────────────────────────────────

export const jiraIssues = sqliteTable(
  'jira_issues',
  {
    /** Jira's issue id: stable when an issue moves project (its key changes). */
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    projectKey: text('project_key').notNull(),
    issueType: text('issue_type').notNull(),
    isEpic: integer('is_epic', { mode: 'boolean' }).notNull(),
    summary: text('summary').notNull(),
    status: text('status').notNull(),
    statusCategory: text('status_category', { enum: ['todo', 'in_progress', 'done'] }).notNull(),
    resolution: text('resolution'),
    assigneeId: text('assignee_id'),
    assigneeName: text('assignee_name'),
    priority: text('priority'),
    labels: text('labels', { mode: 'json' }).$type<string[]>().notNull(),
    storyPoints: real('story_points'),
    dueDate: text('due_date'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    resolvedAt: text('resolved_at'),
    parentId: text('parent_id'),
    parentKey: text('parent_key'),
    epicLinkKey: text('epic_link_key'),
    /** `updated_at` when the status changelog was last read (differs: transitions to fetch). */
    changelogUpdatedAt: text('changelog_updated_at'),
    /** The first (by name) source unit that selects the item (e.g. `epic:INFRA-123`, `jql:<project-id>`). */
    unit: text('unit').notNull(),
    contentHash: text('content_hash').notNull(),
    syncedAt: text('synced_at').notNull(),
    removedAt: text('removed_at'),
  },
  // No secondary indexes: every reader loads the table whole or by id (migration 0006 dropped
  // the key / parent / Epic Link ones no query used; each cost B-tree pages on every page commit).
);

/** Every key an issue has had: old keys of moved issues still resolve to the same id. */
export const jiraIssueKeys = sqliteTable('jira_issue_keys', {
  key: text('key').primaryKey(),
  issueId: text('issue_id').notNull(),
  firstSeenAt: text('first_seen_at').notNull(),
});

export const jiraIssueLinks = sqliteTable(
  'jira_issue_links',
  {
    issueId: text('issue_id').notNull(),
    direction: text('direction', { enum: ['blocks', 'is_blocked_by'] }).notNull(),
    otherId: text('other_id').notNull(),
    otherKey: text('other_key').notNull(),
    otherStatusCategory: text('other_status_category', { enum: ['todo', 'in_progress', 'done'] }),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.direction, t.otherId] })],
);

export const jiraStatusTransitions = sqliteTable(
  'jira_status_transitions',
  {
    issueId: text('issue_id').notNull(),
    /** `changelogId:itemIndex`. */
    id: text('id').notNull(),
    at: text('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    fromCategory: text('from_category', { enum: ['todo', 'in_progress', 'done'] }),
    toCategory: text('to_category', { enum: ['todo', 'in_progress', 'done'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.id] })],
);

// ── GitHub ──────────────────────────────────────────────────────────────────────────────────────

export const githubIssues = sqliteTable(
  'github_issues',
  {
    id: integer('id').primaryKey(),
    repo: text('repo').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    state: text('state', { enum: ['open', 'closed'] }).notNull(),
    stateReason: text('state_reason'),
    labels: text('labels', { mode: 'json' }).$type<string[]>().notNull(),
    milestone: text('milestone'),
    assignees: text('assignees', { mode: 'json' }).$type<string[]>().notNull(),
    author: text('author'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    closedAt: text('closed_at'),
    htmlUrl: text('html_url').notNull(),
    contentHash: text('content_hash').notNull(),
    syncedAt: text('synced_at').notNull(),
    removedAt: text('removed_at'),
  },
  (t) => [index('github_issues_repo_number').on(t.repo, t.number)],
);

export const githubPullRequests = sqliteTable(
  'github_pull_requests',
  {
    id: integer('id').primaryKey(),
    repo: text('repo').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    state: text('state', { enum: ['open', 'draft', 'merged', 'closed'] }).notNull(),
    author: text('author'),
    headRef: text('head_ref').notNull(),
    headRepo: text('head_repo'),
    baseRef: text('base_ref').notNull(),
    labels: text('labels', { mode: 'json' }).$type<string[]>().notNull(),
    milestone: text('milestone'),
    requestedReviewers: integer('requested_reviewers').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    closedAt: text('closed_at'),
    mergedAt: text('merged_at'),
    htmlUrl: text('html_url').notNull(),
    contentHash: text('content_hash').notNull(),
    syncedAt: text('synced_at').notNull(),
    removedAt: text('removed_at'),
  },
  (t) => [index('github_pull_requests_repo_number').on(t.repo, t.number)],
);

/** Jira keys a PR mentions (title, head branch, body), only for Jira projects that exist. */
export const pullRequestJiraKeys = sqliteTable(
  'pull_request_jira_keys',
  {
    pullRequestId: integer('pull_request_id').notNull(),
    jiraKey: text('jira_key').notNull(),
    source: text('source', { enum: ['title', 'branch', 'body'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pullRequestId, t.jiraKey] }),
    index('pull_request_jira_keys_key').on(t.jiraKey),
  ],
);

/** Issues a PR's description says it closes (`fixes #12`): an open one makes the issue "in progress". */
export const pullRequestClosedIssues = sqliteTable(
  'pull_request_closed_issues',
  {
    pullRequestId: integer('pull_request_id').notNull(),
    /** `owner/repo#N`, repository lower-case. */
    issueRef: text('issue_ref').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pullRequestId, t.issueRef] }),
    index('pull_request_closed_issues_ref').on(t.issueRef),
  ],
);

// ── Hierarchy (from config) ─────────────────────────────────────────────────────────────────────

export const hierarchyNodes = sqliteTable(
  'hierarchy_nodes',
  {
    id: text('id').primaryKey(),
    level: text('level', { enum: ['bet', 'program', 'project'] }).notNull(),
    parentId: text('parent_id'),
    name: text('name').notNull(),
    owner: text('owner'),
    targetDate: text('target_date'),
    declaredStatus: text('declared_status', { enum: ['green', 'amber', 'red'] }),
    /** The node's scope as declared (epics, jql, repos, filters, tracking issue) as JSON. */
    scope: text('scope', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    position: integer('position').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Set when the node disappeared from config (kept for the history of old reports). */
    removedAt: text('removed_at'),
  },
  (t) => [index('hierarchy_nodes_parent').on(t.parentId)],
);

/** Every target date a node has had; a later date than the previous one is a slip. */
export const targetDateHistory = sqliteTable(
  'target_date_history',
  {
    nodeId: text('node_id').notNull(),
    targetDate: text('target_date').notNull(),
    /** Day the date was first seen. */
    seenOn: text('seen_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.seenOn, t.targetDate] })],
);

/** Which items belong to which project (written by the rollup from the mapping rules). */
export const projectItems = sqliteTable(
  'project_items',
  {
    projectId: text('project_id').notNull(),
    /** `jira:<id>`, `gh-issue:<id>`, `gh-pr:<id>`. */
    itemRef: text('item_ref').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.itemRef] }),
    index('project_items_item').on(t.itemRef),
  ],
);

// ── Sync state ──────────────────────────────────────────────────────────────────────────────────

export const sourceCursors = sqliteTable(
  'source_cursors',
  {
    source: text('source', { enum: ['jira', 'github'] }).notNull(),
    /** Source unit: `epic:INFRA-123`, `jql:<project-id>`, `repo:acme/web:issues`, … */
    unit: text('unit').notNull(),
    /** Watermark taken at the start of the last completed run (ISO UTC). */
    watermark: text('watermark'),
    /** Run in progress: its start time and the page to fetch next (opaque token / URL). */
    runStartedAt: text('run_started_at'),
    nextPage: text('next_page'),
    /** Conditional-request validators, e.g. `{ "<url>": "<etag>" }`. */
    etags: text('etags', { mode: 'json' })
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'`),
    lastSuccessAt: text('last_success_at'),
    lastErrorAt: text('last_error_at'),
    lastError: text('last_error'),
    /**
     * The last time (this machine's clock) a page of the unit wrote, removed or re-read something
     * its projects count: a run whose `startedAt` is not after it rolls the unit's projects up.
     */
    changedAt: text('changed_at'),
    /**
     * When the unit's last complete read ended (GitHub: every page read, what was not seen marked
     * removed). Incremental GitHub runs cannot see deletions; `sync.githubSweepHours` after this,
     * a run reads the list whole again.
     */
    fullReadAt: text('full_read_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.unit] })],
);

export const quarantinedItems = sqliteTable(
  'quarantined_items',
  {
    source: text('source', { enum: ['jira', 'github'] }).notNull(),
    itemRef: text('item_ref').notNull(),
    unit: text('unit').notNull(),
    reason: text('reason').notNull(),
    /** The offending payload (truncated); never contains credentials (those are not in payloads). */
    payload: text('payload'),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** Set once a later sync read the item cleanly. */
    resolvedAt: text('resolved_at'),
  },
  (t) => [primaryKey({ columns: [t.source, t.itemRef] })],
);

/**
 * Which Jira issues each source unit currently selects. An issue several units select (an epic's
 * child that a project's JQL also picks) is removed only when no unit selects it any more.
 */
export const syncUnitMembers = sqliteTable(
  'sync_unit_members',
  {
    unit: text('unit').notNull(),
    itemId: text('item_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unit, t.itemId] }),
    index('sync_unit_members_item').on(t.itemId),
  ],
);

/**
 * Jira issues whose status history a unit still has to read (their `updated` moved past
 * `changelog_updated_at` when the unit's search read them), by numeric id so a unit's batches
 * come in id order from the primary key. Rows another unit already served are skipped by the
 * query and cleared when the unit's changelog step ends.
 */
export const jiraChangelogDue = sqliteTable(
  'jira_changelog_due',
  {
    unit: text('unit').notNull(),
    issueId: integer('issue_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unit, t.issueId] })],
);

/** Scratch list of the ids a full GitHub run has seen so far (cleared when the unit ends). */
export const syncSeen = sqliteTable(
  'sync_seen',
  {
    unit: text('unit').notNull(),
    itemId: text('item_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unit, t.itemId] })],
);

/** Last known API budget per host, for `northstar status`. */
export const rateLimits = sqliteTable('rate_limits', {
  source: text('source').primaryKey(),
  limit: integer('limit'),
  remaining: integer('remaining'),
  resetAt: text('reset_at'),
  observedAt: text('observed_at').notNull(),
});

// ── Rollups, comments, runs ─────────────────────────────────────────────────────────────────────

export const rollupSnapshots = sqliteTable(
  'rollup_snapshots',
  {
    nodeId: text('node_id').notNull(),
    /** Calendar day (UTC) of the snapshot; re-runs on the same day replace it. */
    day: text('day').notNull(),
    level: text('level', { enum: ['bet', 'program', 'project'] }).notNull(),
    health: text('health', { enum: ['green', 'amber', 'red', 'no-data'] }).notNull(),
    /** The full `Rollup` as JSON. */
    data: text('data').notNull(),
    /** Items in scope that day and items done that day, as JSON arrays of item refs. */
    itemRefs: text('item_refs').notNull(),
    doneRefs: text('done_refs').notNull(),
    contentHash: text('content_hash').notNull(),
    computedAt: text('computed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.nodeId, t.day] }),
    index('rollup_snapshots_day').on(t.day),
    // Covers the weekly report's burn-up read (scope and done per project per day): without it
    // SQLite parses every day's whole rollup JSON, ~0.5 s for 500 projects over a quarter.
    index('rollup_snapshots_burnup').on(
      t.level,
      t.day,
      t.nodeId,
      // `->>` rather than json_extract(): drizzle-kit splits index expressions at commas.
      sql`${t.data} ->> '$.counts.total'`,
      sql`${t.data} ->> '$.counts.done'`,
    ),
  ],
);

export const writtenComments = sqliteTable(
  'written_comments',
  {
    /** `KEY-1` (Jira) or `owner/repo#N` (GitHub). */
    target: text('target').primaryKey(),
    kind: text('kind', { enum: ['jira', 'github'] }).notNull(),
    nodeId: text('node_id').notNull(),
    remoteId: text('remote_id'),
    contentHash: text('content_hash').notNull(),
    /** The body last written (ADF JSON or Markdown), for `--dry-run` diffs. */
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Set when the comment was found deleted by a person and not recreated. */
    deletedAt: text('deleted_at'),
  },
  (t) => [index('written_comments_node').on(t.nodeId)],
);

export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    job: text('job').notNull(),
    /** BullMQ job id, or `inline` for `northstar run`. */
    jobId: text('job_id'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    status: text('status', { enum: ['running', 'ok', 'failed'] }).notNull(),
    summary: text('summary', { mode: 'json' }).$type<Record<string, unknown>>(),
    error: text('error'),
  },
  (t) => [index('job_runs_job_started').on(t.job, t.startedAt)],
);
