/**
 * Loads what the rollup reads from the synced tables (`jira_issues`, `jira_status_transitions`,
 * `jira_issue_links`, `jira_issue_keys`, `github_issues`, `github_pull_requests`,
 * `pull_request_jira_keys`). The changelog is reduced in SQL to the two instants the metrics use
 * (first move into "in progress", last into "done"), and blockers to the open ones, so a 100k-issue
 * site comes back as one row per item. Removed items (`removed_at`) are left out.
 */
import type { StatusCategory } from '../../domain/items.js';
import type {
  GitHubIssueRow,
  JiraItemRow,
  PullRequestRow,
  RollupSourceData,
} from '../../rollup/inputs.js';
import type { Db } from '../open.js';

interface JiraSqlRow {
  id: string;
  key: string;
  summary: string;
  is_epic: number;
  status_category: StatusCategory;
  story_points: number | null;
  due_date: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  parent_id: string | null;
  parent_key: string | null;
  epic_link_key: string | null;
  first_in_progress: string | null;
  last_done: string | null;
}

interface GitHubSqlRow {
  id: number;
  repo: string;
  number: number;
  title: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  open_linked_pulls: number;
  labels: string;
  milestone: string | null;
  assignees: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  html_url: string;
}

interface PullSqlRow {
  id: number;
  repo: string;
  number: number;
  title: string;
  state: PullRequestRow['state'];
  labels: string;
  milestone: string | null;
  requested_reviewers: number;
  created_at: string;
  merged_at: string | null;
  html_url: string;
}

const JIRA_SQL = `
  SELECT i.id, i.key, i.summary, i.is_epic, i.status_category, i.story_points, i.due_date,
         i.created_at, i.updated_at, i.resolved_at, i.parent_id, i.parent_key, i.epic_link_key,
         t.first_in_progress, t.last_done
    FROM jira_issues i
    LEFT JOIN (
      SELECT issue_id,
             MIN(CASE WHEN to_category = 'in_progress' THEN at END) AS first_in_progress,
             MAX(CASE WHEN to_category = 'done' THEN at END) AS last_done
        FROM jira_status_transitions %TRANSITIONS_WHERE% GROUP BY issue_id
    ) t ON t.issue_id = i.id
   WHERE i.removed_at IS NULL %WHERE%`;

/**
 * Open blockers from both sides of a link: "A is blocked by B" and "B blocks A". A blocker's status
 * is our synced copy when we have it, else what Jira said inside the link; unknown counts as open.
 */
const BLOCKERS_SQL = `
  SELECT l.issue_id AS issue_id, l.other_key AS blocker
    FROM jira_issue_links l LEFT JOIN jira_issues o ON o.id = l.other_id
   WHERE l.direction = 'is_blocked_by'
     AND COALESCE(o.status_category, l.other_status_category, 'todo') != 'done'
  UNION
  SELECT l.other_id AS issue_id, b.key AS blocker
    FROM jira_issue_links l JOIN jira_issues b ON b.id = l.issue_id
   WHERE l.direction = 'blocks' AND b.status_category != 'done' AND b.removed_at IS NULL`;

const GITHUB_SQL = `
  SELECT g.id, g.repo, g.number, g.title, g.state, g.state_reason, g.labels, g.milestone,
         json_array_length(g.assignees) AS assignees, g.created_at, g.updated_at, g.closed_at,
         g.html_url,
         (SELECT count(*) FROM pull_request_closed_issues c
            JOIN github_pull_requests p ON p.id = c.pull_request_id
           WHERE c.issue_ref = lower(g.repo) || '#' || g.number
             AND p.state IN ('open', 'draft') AND p.removed_at IS NULL) AS open_linked_pulls
    FROM github_issues g WHERE g.removed_at IS NULL %WHERE%`;

const PULLS_SQL = `
  SELECT id, repo, number, title, state, labels, milestone, requested_reviewers, created_at,
         merged_at, html_url
    FROM github_pull_requests WHERE removed_at IS NULL %WHERE%`;

function parseLabels(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}

function toJira(
  row: JiraSqlRow,
  blockers: ReadonlyMap<string, string[]>,
  jqlOf: ReadonlyMap<string, string[]>,
): JiraItemRow {
  return {
    id: row.id,
    key: row.key,
    summary: row.summary,
    isEpic: row.is_epic === 1,
    statusCategory: row.status_category,
    storyPoints: row.story_points,
    dueDate: row.due_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    parentId: row.parent_id,
    parentKey: row.parent_key,
    epicLinkKey: row.epic_link_key,
    jqlProjectIds: jqlOf.get(row.id) ?? [],
    firstInProgressAt: row.first_in_progress,
    lastDoneAt: row.last_done,
    openBlockers: blockers.get(row.id) ?? [],
  };
}

function toGitHub(row: GitHubSqlRow): GitHubIssueRow {
  return {
    id: row.id,
    repo: row.repo,
    number: row.number,
    title: row.title,
    state: row.state,
    stateReason: row.state_reason,
    labels: parseLabels(row.labels),
    milestone: row.milestone,
    assignees: row.assignees,
    openLinkedPulls: row.open_linked_pulls,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    htmlUrl: row.html_url,
  };
}

function toPull(row: PullSqlRow, keys: ReadonlyMap<number, string[]>): PullRequestRow {
  return {
    id: row.id,
    repo: row.repo,
    number: row.number,
    title: row.title,
    state: row.state,
    labels: parseLabels(row.labels),
    milestone: row.milestone,
    requestedReviewers: row.requested_reviewers,
    createdAt: row.created_at,
    mergedAt: row.merged_at,
    htmlUrl: row.html_url,
    jiraKeys: keys.get(row.id) ?? [],
  };
}

function groupBy<R, K, V>(rows: Iterable<R>, pick: (row: R) => [K, V]): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const row of rows) {
    const [k, v] = pick(row);
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/** Everything the rollup reads, in one read transaction. */
export function loadRollupInputs(db: Db): RollupSourceData {
  const client = db.$client;
  const jira = client.prepare<[], JiraSqlRow>(
    JIRA_SQL.replace('%TRANSITIONS_WHERE%', '').replace('%WHERE%', ''),
  );
  const blockers = client.prepare<[], { issue_id: string; blocker: string }>(BLOCKERS_SQL);
  const keys = client.prepare<[], { key: string; issue_id: string }>(
    'SELECT key, issue_id FROM jira_issue_keys',
  );
  // Sync records which units selected each item; `jql:<project-id>` is a project's own selection.
  const jqlMembers = client.prepare<[], { item_id: string; project_id: string }>(
    `SELECT item_id, substr(unit, 5) AS project_id FROM sync_unit_members
      WHERE unit LIKE 'jql:%' ORDER BY item_id, unit`,
  );
  const github = client.prepare<[], GitHubSqlRow>(GITHUB_SQL.replace('%WHERE%', ''));
  const pulls = client.prepare<[], PullSqlRow>(PULLS_SQL.replace('%WHERE%', ''));
  const pullKeys = client.prepare<[], { pull_request_id: number; jira_key: string }>(
    'SELECT pull_request_id, jira_key FROM pull_request_jira_keys ORDER BY pull_request_id, jira_key',
  );
  return client.transaction(() => {
    const blockedBy = groupBy(blockers.iterate(), (r): [string, string] => [r.issue_id, r.blocker]);
    for (const list of blockedBy.values()) list.sort();
    const jqlOf = groupBy(jqlMembers.iterate(), (r): [string, string] => [r.item_id, r.project_id]);
    const keysOf = groupBy(pullKeys.iterate(), (r): [number, string] => [
      r.pull_request_id,
      r.jira_key,
    ]);
    return {
      jira: jira.all().map((r) => toJira(r, blockedBy, jqlOf)),
      formerKeys: new Map(keys.all().map((r) => [r.key, r.issue_id])),
      github: github.all().map(toGitHub),
      pulls: pulls.all().map((r) => toPull(r, keysOf)),
    };
  })();
}
