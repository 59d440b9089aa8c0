/**
 * What a rollup reads: the synced items, flattened to the fields the metrics use. The database
 * layer loads these (`src/db/repositories/rollup-inputs.ts`); tests build them by hand. Plain
 * data: timestamps are ISO-8601 UTC strings, days `YYYY-MM-DD`.
 */
import type { GitHubIssueState, PullRequestState, StatusCategory } from '../domain/items.js';

export interface JiraItemRow {
  id: string;
  key: string;
  summary: string;
  isEpic: boolean;
  statusCategory: StatusCategory;
  storyPoints: number | null;
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  parentId: string | null;
  parentKey: string | null;
  epicLinkKey: string | null;
  /** Projects whose `jql` selected the item (sync's `jql:<project-id>` unit members). */
  jqlProjectIds: string[];
  /** From the status changelog: the first move into "in progress", the last into "done". */
  firstInProgressAt: string | null;
  lastDoneAt: string | null;
  /** Keys of the issues that block this one ("is blocked by") and are not done. */
  openBlockers: string[];
}

export interface GitHubIssueRow {
  id: number;
  repo: string;
  number: number;
  title: string;
  state: GitHubIssueState;
  /** `completed`, `not_planned`, `reopened`, `duplicate` or null (GitHub adds reasons over time). */
  stateReason: string | null;
  labels: string[];
  milestone: string | null;
  assignees: number;
  /** Open (or draft) PRs whose description says they close this issue (`fixes #12`). */
  openLinkedPulls: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  htmlUrl: string;
}

export interface PullRequestRow {
  id: number;
  repo: string;
  number: number;
  title: string;
  state: PullRequestState;
  labels: string[];
  milestone: string | null;
  requestedReviewers: number;
  createdAt: string;
  mergedAt: string | null;
  htmlUrl: string;
  /** Jira keys the PR mentions (already upper-case and filtered to existing projects). */
  jiraKeys: string[];
}

export interface RollupSourceData {
  jira: JiraItemRow[];
  /** Keys issues had before a move: old key → issue id. */
  formerKeys: ReadonlyMap<string, string>;
  github: GitHubIssueRow[];
  pulls: PullRequestRow[];
}

/** Every target date a node has had, oldest first (from `target_date_history`). */
export interface TargetDateSeen {
  targetDate: string;
  seenOn: string;
}

/** The stored snapshots a day's scope change is measured against, per node. */
export interface ScopeBaselines {
  /** Items in scope at the last snapshot before this ISO week (or this week's first earlier one). */
  weekStart: { day: string; itemRefs: readonly string[] } | null;
  /** Items in scope at the node's first snapshot. */
  first: { day: string; itemRefs: readonly string[] } | null;
}
