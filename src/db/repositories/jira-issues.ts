/**
 * The synced Jira issues: upserts keyed by Jira's issue **id** (a moved issue keeps its id and
 * gets a new key), written only when the mapped content changed (content hash), with the issue's
 * blocking links, every key it has had, the status transitions from its changelog, and which
 * source units select it.
 *
 * Hot path: raw better-sqlite3 prepared statements, called inside the caller's one transaction
 * per page (see `ingest-page`).
 */
import type Database from 'better-sqlite3';
import type { JiraIssue, JiraStatusTransition } from '../../domain/items.js';
import { contentHash } from '../../lib/hash.js';
import type { Db } from '../open.js';
import { perDatabase } from './per-database.js';

export interface UpsertCounts {
  written: number;
  unchanged: number;
}

function hashOf(issue: JiraIssue): string {
  // The mapping builds objects with a fixed key order, so plain JSON is a stable input.
  return contentHash(JSON.stringify({ ...issue, transitions: undefined }));
}

export class JiraIssueStore {
  /** One instance (and one set of prepared statements) per open database. */
  static readonly for = perDatabase((db: Db) => new JiraIssueStore(db));

  private readonly client: Database.Database;
  /** The first (by name) unit that selects an issue: its `unit`, whatever order pages came in. */
  private readonly firstMember: Database.Statement<[string], { unit: string | null }>;
  private readonly setUnit: Database.Statement<[string, string]>;
  private readonly existing: Database.Statement<
    [string],
    { content_hash: string; removed_at: string | null; unit: string }
  >;
  private readonly upsert: Database.Statement;
  private readonly deleteLinks: Database.Statement;
  private readonly insertLink: Database.Statement;
  private readonly insertKey: Database.Statement;
  private readonly insertMember: Database.Statement;
  private readonly insertTransition: Database.Statement;
  private readonly markChangelog: Database.Statement;
  private readonly pending: Database.Statement<[string, number], { id: string }>;
  private readonly membersInRange: Database.Statement<
    [string, number, number],
    { item_id: string }
  >;
  private readonly deleteMember: Database.Statement;
  private readonly stillMember: Database.Statement<[string], { n: number }>;
  private readonly markRemoved: Database.Statement;
  private readonly changedQuery: Database.Statement<[string, string, string], { n: number }>;

  constructor(db: Db) {
    const c = db.$client;
    this.client = c;
    this.existing = c.prepare(
      'SELECT content_hash, removed_at, unit FROM jira_issues WHERE id = ?',
    );
    this.firstMember = c.prepare(
      'SELECT MIN(unit) AS unit FROM sync_unit_members WHERE item_id = ?',
    );
    this.setUnit = c.prepare('UPDATE jira_issues SET unit = ? WHERE id = ?');
    this.upsert = c.prepare(`
      INSERT INTO jira_issues (id, key, project_key, issue_type, is_epic, summary, status,
        status_category, resolution, assignee_id, assignee_name, priority, labels, story_points,
        due_date, created_at, updated_at, resolved_at, parent_id, parent_key, epic_link_key,
        unit, content_hash, synced_at, removed_at)
      VALUES (@id, @key, @projectKey, @issueType, @isEpic, @summary, @status, @statusCategory,
        @resolution, @assigneeId, @assigneeName, @priority, @labels, @storyPoints, @dueDate,
        @createdAt, @updatedAt, @resolvedAt, @parentId, @parentKey, @epicLinkKey, @unit,
        @contentHash, @syncedAt, NULL)
      ON CONFLICT (id) DO UPDATE SET key = excluded.key, project_key = excluded.project_key,
        issue_type = excluded.issue_type, is_epic = excluded.is_epic, summary = excluded.summary,
        status = excluded.status, status_category = excluded.status_category,
        resolution = excluded.resolution, assignee_id = excluded.assignee_id,
        assignee_name = excluded.assignee_name, priority = excluded.priority,
        labels = excluded.labels, story_points = excluded.story_points,
        due_date = excluded.due_date, created_at = excluded.created_at,
        updated_at = excluded.updated_at, resolved_at = excluded.resolved_at,
        parent_id = excluded.parent_id, parent_key = excluded.parent_key,
        epic_link_key = excluded.epic_link_key, unit = excluded.unit,
        content_hash = excluded.content_hash, synced_at = excluded.synced_at, removed_at = NULL`);
    this.deleteLinks = c.prepare('DELETE FROM jira_issue_links WHERE issue_id = ?');
    this.insertLink = c.prepare(
      `INSERT OR REPLACE INTO jira_issue_links (issue_id, direction, other_id, other_key, other_status_category)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.insertKey = c.prepare(
      'INSERT OR IGNORE INTO jira_issue_keys (key, issue_id, first_seen_at) VALUES (?, ?, ?)',
    );
    this.insertMember = c.prepare(
      'INSERT OR IGNORE INTO sync_unit_members (unit, item_id) VALUES (?, ?)',
    );
    this.insertTransition = c.prepare(
      `INSERT OR IGNORE INTO jira_status_transitions (issue_id, id, at, from_status, to_status, from_category, to_category)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.markChangelog = c.prepare(
      'UPDATE jira_issues SET changelog_updated_at = updated_at WHERE id = ? AND changelog_updated_at IS NOT updated_at',
    );
    this.pending = c.prepare(`
      SELECT i.id FROM sync_unit_members m JOIN jira_issues i ON i.id = m.item_id
      WHERE m.unit = ? AND i.removed_at IS NULL AND i.changelog_updated_at IS NOT i.updated_at
      ORDER BY CAST(i.id AS INTEGER) LIMIT ?`);
    this.membersInRange = c.prepare(`
      SELECT item_id FROM sync_unit_members
      WHERE unit = ? AND CAST(item_id AS INTEGER) > ? AND CAST(item_id AS INTEGER) <= ?`);
    this.deleteMember = c.prepare('DELETE FROM sync_unit_members WHERE unit = ? AND item_id = ?');
    this.stillMember = c.prepare('SELECT count(*) AS n FROM sync_unit_members WHERE item_id = ?');
    this.markRemoved = c.prepare(
      'UPDATE jira_issues SET removed_at = ?, synced_at = ? WHERE id = ? AND removed_at IS NULL',
    );
    this.changedQuery = c.prepare(`
      SELECT count(*) AS n FROM sync_unit_members m JOIN jira_issues i ON i.id = m.item_id
      WHERE m.unit = ? AND (i.synced_at >= ? OR i.removed_at >= ?)`);
  }

  /** Upserts one page of issues; unchanged ones are not written. Call inside a transaction. */
  upsertIssues(issues: readonly JiraIssue[], options: { unit: string; now: string }): UpsertCounts {
    const counts: UpsertCounts = { written: 0, unchanged: 0 };
    for (const issue of issues) {
      this.insertMember.run(options.unit, issue.id);
      const hash = hashOf(issue);
      const row = this.existing.get(issue.id);
      if (row && row.content_hash === hash && row.removed_at === null) {
        // Selected by a unit that sorts first: it becomes the issue's unit (no other change).
        if (options.unit < row.unit) this.setUnit.run(options.unit, issue.id);
        counts.unchanged++;
        continue;
      }
      // A new issue has no other unit yet (a unit's members are recorded with the issue's row).
      const unit = row ? (this.firstMember.get(issue.id)?.unit ?? options.unit) : options.unit;
      counts.written++;
      this.upsert.run({
        id: issue.id,
        key: issue.key,
        projectKey: issue.projectKey,
        issueType: issue.issueType,
        isEpic: issue.isEpic ? 1 : 0,
        summary: issue.summary,
        status: issue.status,
        statusCategory: issue.statusCategory,
        resolution: issue.resolution,
        assigneeId: issue.assignee?.accountId ?? null,
        assigneeName: issue.assignee?.displayName ?? null,
        priority: issue.priority,
        labels: JSON.stringify(issue.labels),
        storyPoints: issue.storyPoints,
        dueDate: issue.dueDate,
        createdAt: issue.created,
        updatedAt: issue.updated,
        resolvedAt: issue.resolved,
        parentId: issue.parentId,
        parentKey: issue.parentKey,
        epicLinkKey: issue.epicLinkKey,
        unit,
        contentHash: hash,
        syncedAt: options.now,
      });
      // A new issue has no links stored yet.
      if (row) this.deleteLinks.run(issue.id);
      for (const link of issue.links)
        this.insertLink.run(
          issue.id,
          link.direction,
          link.otherId,
          link.otherKey,
          link.otherStatusCategory,
        );
      this.insertKey.run(issue.key, issue.id, options.now);
    }
    return counts;
  }

  /** Issues of the unit whose transitions are older than their last update (oldest id first). */
  pendingChangelogIds(unit: string, limit: number): string[] {
    return this.pending.all(unit, limit).map((r) => r.id);
  }

  saveTransitions(
    changelogs: readonly { issueId: string; transitions: readonly JiraStatusTransition[] }[],
  ): number {
    let inserted = 0;
    for (const { issueId, transitions } of changelogs) {
      for (const t of transitions) {
        inserted += this.insertTransition.run(
          issueId,
          t.id,
          t.at,
          t.fromStatus,
          t.toStatus,
          t.fromCategory,
          t.toCategory,
        ).changes;
      }
    }
    return inserted;
  }

  markChangelogsRead(issueIds: readonly string[]): void {
    for (const id of issueIds) this.markChangelog.run(id);
  }

  /**
   * The removal sweep for one page of the unit's ids (ascending): members with an id in
   * (afterId, lastId] that the page does not list left the unit; an issue no unit selects any
   * more is marked removed (kept for history). `lastId` null: up to the end.
   */
  sweepRange(options: {
    unit: string;
    listed: readonly string[];
    afterId: string | null;
    lastId: string | null;
    now: string;
  }): number {
    const listed = new Set(options.listed);
    const low = options.afterId === null ? -1 : Number(options.afterId);
    const high = options.lastId === null ? Number.MAX_SAFE_INTEGER : Number(options.lastId);
    let removed = 0;
    for (const { item_id: id } of this.membersInRange.all(options.unit, low, high)) {
      if (listed.has(id)) continue;
      this.deleteMember.run(options.unit, id);
      if ((this.stillMember.get(id)?.n ?? 0) === 0)
        removed += this.markRemoved.run(options.now, options.now, id).changes;
    }
    return removed;
  }

  /** Drops a unit that is no longer configured; its issues no other unit selects are removed. */
  dropUnit(unit: string, now: string): number {
    return this.sweepRange({ unit, listed: [], afterId: null, lastId: null, now });
  }

  units(): string[] {
    return (
      this.client.prepare('SELECT DISTINCT unit FROM sync_unit_members').all() as { unit: string }[]
    ).map((r) => r.unit);
  }

  /** Did this run write or remove anything the unit selects? (decides whether to roll up) */
  changedSince(unit: string, since: string): boolean {
    return (this.changedQuery.get(unit, since, since)?.n ?? 0) > 0;
  }
}
