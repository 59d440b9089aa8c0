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

export interface JiraUpsertCounts extends UpsertCounts {
  /** Unchanged issues that this run had already written (another unit, or an earlier attempt). */
  writtenThisRun: number;
}

export interface SweepCounts {
  /** Issues marked removed (no unit selects them any more). */
  removed: number;
  /** Members that left the unit (removed or still selected by another unit). */
  left: number;
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
    {
      content_hash: string;
      removed_at: string | null;
      unit: string;
      synced_at: string;
      changelog_updated_at: string | null;
    }
  >;
  private readonly upsert: Database.Statement;
  private readonly deleteLinks: Database.Statement;
  private readonly insertLink: Database.Statement;
  private readonly insertKey: Database.Statement;
  private readonly insertMember: Database.Statement;
  private readonly insertTransition: Database.Statement;
  private readonly markChangelog: Database.Statement;
  private readonly insertDue: Database.Statement<[string, number]>;
  private readonly deleteDue: Database.Statement<[string, number]>;
  private readonly clearDue: Database.Statement<[string]>;
  private readonly pending: Database.Statement<[string, number], { id: number }>;
  private readonly membersInRange: Database.Statement<[string, number, number], string>;
  private readonly deleteMember: Database.Statement;
  private readonly stillMember: Database.Statement<[string], { n: number }>;
  private readonly markRemoved: Database.Statement;
  private readonly moveUnit: Database.Statement<[string]>;

  constructor(db: Db) {
    const c = db.$client;
    this.client = c;
    this.existing = c.prepare(
      `SELECT content_hash, removed_at, unit, synced_at, changelog_updated_at
       FROM jira_issues WHERE id = ?`,
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
    this.insertDue = c.prepare(
      'INSERT OR IGNORE INTO jira_changelog_due (unit, issue_id) VALUES (?, ?)',
    );
    this.deleteDue = c.prepare('DELETE FROM jira_changelog_due WHERE unit = ? AND issue_id = ?');
    this.clearDue = c.prepare('DELETE FROM jira_changelog_due WHERE unit = ?');
    // Rows another unit has served since (or whose issue was removed) are skipped here.
    this.pending = c.prepare(`
      SELECT d.issue_id AS id FROM jira_changelog_due d
      JOIN jira_issues i ON i.id = CAST(d.issue_id AS TEXT)
      WHERE d.unit = ? AND i.removed_at IS NULL AND i.changelog_updated_at IS NOT i.updated_at
      ORDER BY d.issue_id LIMIT ?`);
    this.membersInRange = c
      .prepare<[string, number, number], string>(
        `SELECT item_id FROM sync_unit_members
         WHERE unit = ? AND CAST(item_id AS INTEGER) > ? AND CAST(item_id AS INTEGER) <= ?`,
      )
      .pluck();
    this.deleteMember = c.prepare('DELETE FROM sync_unit_members WHERE unit = ? AND item_id = ?');
    this.stillMember = c.prepare('SELECT count(*) AS n FROM sync_unit_members WHERE item_id = ?');
    this.markRemoved = c.prepare(
      'UPDATE jira_issues SET removed_at = ?, synced_at = ? WHERE id = ? AND removed_at IS NULL',
    );
    this.moveUnit = c.prepare(
      'UPDATE jira_issues SET unit = (SELECT MIN(unit) FROM sync_unit_members WHERE item_id = id) WHERE id = ?',
    );
  }

  /**
   * Upserts one page of issues; unchanged ones are not written. An issue whose status history is
   * older than its `updated` becomes due for the unit's changelog step. `runStartedAt`: rows
   * synced since then count as `writtenThisRun`. Call inside a transaction.
   */
  upsertIssues(
    issues: readonly JiraIssue[],
    options: { unit: string; now: string; runStartedAt: string },
  ): JiraUpsertCounts {
    const counts: JiraUpsertCounts = { written: 0, unchanged: 0, writtenThisRun: 0 };
    for (const issue of issues) {
      this.insertMember.run(options.unit, issue.id);
      const hash = hashOf(issue);
      const row = this.existing.get(issue.id);
      if (!row || row.changelog_updated_at !== issue.updated)
        this.insertDue.run(options.unit, Number(issue.id));
      if (row && row.content_hash === hash && row.removed_at === null) {
        // Selected by a unit that sorts first: it becomes the issue's unit (no other change).
        if (options.unit < row.unit) this.setUnit.run(options.unit, issue.id);
        counts.unchanged++;
        if (row.synced_at >= options.runStartedAt) counts.writtenThisRun++;
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

  /** Issues of the unit whose transitions are older than their last update (lowest id first). */
  pendingChangelogIds(unit: string, limit: number): string[] {
    return this.pending.all(unit, limit).map((r) => String(r.id));
  }

  /** The unit's changelog step is over: what is left in its list was served by other units. */
  clearChangelogDue(unit: string): void {
    this.clearDue.run(unit);
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

  markChangelogsRead(unit: string, issueIds: readonly string[]): void {
    for (const id of issueIds) {
      this.markChangelog.run(id);
      this.deleteDue.run(unit, Number(id));
    }
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
  }): SweepCounts {
    const listed = new Set(options.listed);
    const low = options.afterId === null ? -1 : Number(options.afterId);
    const high = options.lastId === null ? Number.MAX_SAFE_INTEGER : Number(options.lastId);
    const counts: SweepCounts = { removed: 0, left: 0 };
    for (const id of this.membersInRange.all(options.unit, low, high)) {
      if (listed.has(id)) continue;
      this.deleteMember.run(options.unit, id);
      counts.left++;
      if ((this.stillMember.get(id)?.n ?? 0) === 0)
        counts.removed += this.markRemoved.run(options.now, options.now, id).changes;
      // Still selected elsewhere: its unit is now the first of the units that select it.
      else this.moveUnit.run(id);
    }
    return counts;
  }

  /** Drops a unit that is no longer configured; its issues no other unit selects are removed. */
  dropUnit(unit: string, now: string): number {
    this.clearDue.run(unit);
    return this.sweepRange({ unit, listed: [], afterId: null, lastId: null, now }).removed;
  }

  units(): string[] {
    return (
      this.client.prepare('SELECT DISTINCT unit FROM sync_unit_members').all() as { unit: string }[]
    ).map((r) => r.unit);
  }
}
