/**
 * The synced GitHub issues and pull requests (keyed by GitHub's database id), with the Jira
 * keys each PR mentions. Rows are written only when the mapped content changed. A full run
 * remembers the ids it saw (`sync_seen`) so that at its end the items it did not see are marked
 * removed (deleted or transferred away; kept for history).
 *
 * Hot path: prepared statements inside the caller's one transaction per page.
 */
import type Database from 'better-sqlite3';
import type { GitHubIssue, PullRequest } from '../../domain/items.js';
import { contentHash } from '../../lib/hash.js';
import type { Db } from '../open.js';
import { perDatabase } from './per-database.js';
import type { UpsertCounts } from './jira-issues.js';

type Existing = { content_hash: string; removed_at: string | null };

export class GitHubItemStore {
  /** One instance (and one set of prepared statements) per open database. */
  static readonly for = perDatabase((db: Db) => new GitHubItemStore(db));

  private readonly existingIssue: Database.Statement<[number], Existing>;
  private readonly existingPull: Database.Statement<[number], Existing>;
  private readonly upsertIssue: Database.Statement;
  private readonly upsertPull: Database.Statement;
  private readonly deleteKeys: Database.Statement;
  private readonly insertKey: Database.Statement;
  private readonly deleteCloses: Database.Statement<[number]>;
  private readonly insertCloses: Database.Statement<[number, string]>;
  private readonly insertSeen: Database.Statement;
  private readonly clearSeen: Database.Statement;
  private readonly removeUnseenIssues: Database.Statement;
  private readonly removeUnseenPulls: Database.Statement;
  private readonly maxIssueUpdated: Database.Statement<[string], { at: string | null }>;
  private readonly maxPullUpdated: Database.Statement<[string], { at: string | null }>;
  private readonly changedIssues: Database.Statement<[string, string, string], { n: number }>;
  private readonly changedPulls: Database.Statement<[string, string, string], { n: number }>;

  constructor(db: Db) {
    const c = db.$client;
    this.existingIssue = c.prepare(
      'SELECT content_hash, removed_at FROM github_issues WHERE id = ?',
    );
    this.existingPull = c.prepare(
      'SELECT content_hash, removed_at FROM github_pull_requests WHERE id = ?',
    );
    this.upsertIssue = c.prepare(`
      INSERT OR REPLACE INTO github_issues (id, repo, number, title, state, state_reason, labels,
        milestone, assignees, author, created_at, updated_at, closed_at, html_url, content_hash,
        synced_at, removed_at)
      VALUES (@id, @repo, @number, @title, @state, @stateReason, @labels, @milestone, @assignees,
        @author, @createdAt, @updatedAt, @closedAt, @htmlUrl, @contentHash, @syncedAt, NULL)`);
    this.upsertPull = c.prepare(`
      INSERT OR REPLACE INTO github_pull_requests (id, repo, number, title, state, author, head_ref,
        head_repo, base_ref, labels, milestone, requested_reviewers, created_at, updated_at,
        closed_at, merged_at, html_url, content_hash, synced_at, removed_at)
      VALUES (@id, @repo, @number, @title, @state, @author, @headRef, @headRepo, @baseRef, @labels,
        @milestone, @requestedReviewers, @createdAt, @updatedAt, @closedAt, @mergedAt, @htmlUrl,
        @contentHash, @syncedAt, NULL)`);
    this.deleteKeys = c.prepare('DELETE FROM pull_request_jira_keys WHERE pull_request_id = ?');
    this.deleteCloses = c.prepare(
      'DELETE FROM pull_request_closed_issues WHERE pull_request_id = ?',
    );
    this.insertCloses = c.prepare(
      'INSERT OR IGNORE INTO pull_request_closed_issues (pull_request_id, issue_ref) VALUES (?, ?)',
    );
    this.insertKey = c.prepare(
      'INSERT OR IGNORE INTO pull_request_jira_keys (pull_request_id, jira_key, source) VALUES (?, ?, ?)',
    );
    this.insertSeen = c.prepare('INSERT OR IGNORE INTO sync_seen (unit, item_id) VALUES (?, ?)');
    this.clearSeen = c.prepare('DELETE FROM sync_seen WHERE unit = ?');
    this.removeUnseenIssues = c.prepare(`
      UPDATE github_issues SET removed_at = @now, synced_at = @now
      WHERE repo = @repo AND removed_at IS NULL
        AND CAST(id AS TEXT) NOT IN (SELECT item_id FROM sync_seen WHERE unit = @unit)`);
    this.removeUnseenPulls = c.prepare(`
      UPDATE github_pull_requests SET removed_at = @now, synced_at = @now
      WHERE repo = @repo AND removed_at IS NULL
        AND CAST(id AS TEXT) NOT IN (SELECT item_id FROM sync_seen WHERE unit = @unit)`);
    this.maxIssueUpdated = c.prepare(
      'SELECT max(updated_at) AS at FROM github_issues WHERE repo = ? AND removed_at IS NULL',
    );
    this.maxPullUpdated = c.prepare(
      'SELECT max(updated_at) AS at FROM github_pull_requests WHERE repo = ? AND removed_at IS NULL',
    );
    this.changedIssues = c.prepare(
      'SELECT count(*) AS n FROM github_issues WHERE repo = ? AND (synced_at >= ? OR removed_at >= ?)',
    );
    this.changedPulls = c.prepare(
      'SELECT count(*) AS n FROM github_pull_requests WHERE repo = ? AND (synced_at >= ? OR removed_at >= ?)',
    );
  }

  upsertIssues(issues: readonly GitHubIssue[], now: string): UpsertCounts {
    const counts: UpsertCounts = { written: 0, unchanged: 0 };
    for (const issue of issues) {
      const hash = contentHash(JSON.stringify(issue));
      const row = this.existingIssue.get(issue.id);
      if (row && row.content_hash === hash && row.removed_at === null) {
        counts.unchanged++;
        continue;
      }
      counts.written++;
      this.upsertIssue.run({
        ...issue,
        labels: JSON.stringify(issue.labels),
        assignees: JSON.stringify(issue.assignees),
        contentHash: hash,
        syncedAt: now,
      });
    }
    return counts;
  }

  upsertPulls(pulls: readonly PullRequest[], now: string): UpsertCounts {
    const counts: UpsertCounts = { written: 0, unchanged: 0 };
    for (const pull of pulls) {
      const hash = contentHash(JSON.stringify(pull));
      const row = this.existingPull.get(pull.id);
      if (row && row.content_hash === hash && row.removed_at === null) {
        counts.unchanged++;
        continue;
      }
      counts.written++;
      const { jiraKeys, closesIssues, ...fields } = pull;
      this.upsertPull.run({
        ...fields,
        labels: JSON.stringify(pull.labels),
        contentHash: hash,
        syncedAt: now,
      });
      // A new PR has no keys or closed issues stored yet.
      if (row) {
        this.deleteKeys.run(pull.id);
        this.deleteCloses.run(pull.id);
      }
      for (const mention of jiraKeys) this.insertKey.run(pull.id, mention.key, mention.source);
      for (const ref of closesIssues) this.insertCloses.run(pull.id, ref);
    }
    return counts;
  }

  /** A full run saw these ids (issues or PRs) in `unit`. */
  markSeen(unit: string, ids: readonly number[]): void {
    for (const id of ids) this.insertSeen.run(unit, String(id));
  }

  /** End of a full run of `unit`: what it did not see is marked removed. */
  finishFullRun(options: {
    unit: string;
    repo: string;
    kind: 'issues' | 'pulls';
    now: string;
  }): number {
    const statement = options.kind === 'issues' ? this.removeUnseenIssues : this.removeUnseenPulls;
    const removed = statement.run({
      unit: options.unit,
      repo: options.repo,
      now: options.now,
    }).changes;
    this.clearSeen.run(options.unit);
    return removed;
  }

  /** Forget a full run's partial list (a new full run of the unit starts). */
  resetSeen(unit: string): void {
    this.clearSeen.run(unit);
  }

  /** Newest `updated_at` stored for the repo: the next incremental run's `since`. */
  watermark(repo: string, kind: 'issues' | 'pulls'): string | null {
    const statement = kind === 'issues' ? this.maxIssueUpdated : this.maxPullUpdated;
    return statement.get(repo)?.at ?? null;
  }

  changedSince(repo: string, kind: 'issues' | 'pulls', since: string): boolean {
    const statement = kind === 'issues' ? this.changedIssues : this.changedPulls;
    return (statement.get(repo, since, since)?.n ?? 0) > 0;
  }
}
