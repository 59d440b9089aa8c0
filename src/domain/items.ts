/**
 * The synced work items, as northstar sees them after the source adapters validated and mapped
 * the vendors' payloads. Plain data: no behaviour, no imports.
 *
 * Timestamps are ISO-8601 strings in UTC (`2026-11-24T19:46:55.000Z`); calendar dates are
 * `YYYY-MM-DD`.
 */

/** Jira's reliable status signal: the status *category* (`new` / `indeterminate` / `done`). */
export type StatusCategory = 'todo' | 'in_progress' | 'done';

export interface JiraUser {
  accountId: string;
  displayName: string;
}

export type JiraLinkDirection = 'blocks' | 'is_blocked_by';

export interface JiraIssueLink {
  direction: JiraLinkDirection;
  /** Stable id of the other issue. */
  otherId: string;
  otherKey: string;
  /** Status category of the other issue when Jira included it in the link, otherwise null. */
  otherStatusCategory: StatusCategory | null;
}

export interface JiraStatusTransition {
  /** `changelogId:itemIndex`, unique per issue. */
  id: string;
  at: string;
  fromStatus: string | null;
  toStatus: string;
  fromCategory: StatusCategory | null;
  toCategory: StatusCategory;
}

export interface JiraIssue {
  /** Jira's numeric issue id as a string: stable across project moves (the key is not). */
  id: string;
  key: string;
  projectKey: string;
  issueType: string;
  isEpic: boolean;
  summary: string;
  status: string;
  statusCategory: StatusCategory;
  resolution: string | null;
  assignee: JiraUser | null;
  priority: string | null;
  labels: string[];
  storyPoints: number | null;
  dueDate: string | null;
  created: string;
  updated: string;
  resolved: string | null;
  /** Parent issue (team-managed `parent`, or company-managed epic via `parent` since 2024). */
  parentId: string | null;
  parentKey: string | null;
  /** Legacy "Epic Link" custom field, used when `parent` is absent. */
  epicLinkKey: string | null;
  links: JiraIssueLink[];
  transitions: JiraStatusTransition[];
}

export type GitHubIssueState = 'open' | 'closed';
/** GitHub's `state_reason`: "not_planned" is closed but not done. */
export type GitHubStateReason = 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;

export interface GitHubIssue {
  /** GitHub's numeric database id: stable across transfers of the number. */
  id: number;
  repo: string;
  number: number;
  title: string;
  state: GitHubIssueState;
  stateReason: GitHubStateReason;
  labels: string[];
  milestone: string | null;
  assignees: string[];
  /** `null` when the author's account was deleted (GitHub shows "ghost"). */
  author: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  htmlUrl: string;
}

export type PullRequestState = 'open' | 'draft' | 'merged' | 'closed';

export type JiraKeySource = 'title' | 'branch' | 'body';

export interface JiraKeyMention {
  key: string;
  source: JiraKeySource;
}

export interface PullRequest {
  id: number;
  repo: string;
  number: number;
  title: string;
  state: PullRequestState;
  author: string | null;
  headRef: string;
  /** `null` when the fork the PR came from was deleted. */
  headRepo: string | null;
  baseRef: string;
  labels: string[];
  milestone: string | null;
  /** Reviewers GitHub still waits for; GitHub removes a reviewer once they review. */
  requestedReviewers: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  htmlUrl: string;
  /** Jira keys mentioned in title, head branch or body (already filtered to existing projects). */
  jiraKeys: JiraKeyMention[];
  /** Issues the description says it closes (`fixes #12`): `owner/repo#N`, repository lower-case. */
  closesIssues: string[];
}

/** Something that failed validation at a source boundary and was set aside. */
export interface QuarantinedItem {
  source: 'jira' | 'github';
  unit: string;
  /** The item's id or key as far as it could be read, e.g. `10042`, `PROJ-7`, `acme/web#12`. */
  itemRef: string;
  reason: string;
}
