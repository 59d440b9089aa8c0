/**
 * GitHub issues and pull requests → northstar's `GitHubIssue` / `PullRequest`. Pure.
 * Issues come from the issues list (which also holds PRs under other ids: those are skipped and
 * read from the pulls list, which has the head branch, draft and merge state).
 */
import { closingReferences } from './closing-refs.js';
import type {
  GitHubIssue,
  GitHubStateReason,
  PullRequest,
  PullRequestState,
  QuarantinedItem,
} from '../../domain/items.js';
import { toIsoUtc } from '../timestamps.js';
import { findJiraKeys } from './jira-keys.js';
import { GitHubIssueItem, GitHubPullItem } from './schema.js';

export type Quarantine = Omit<QuarantinedItem, 'unit'> & { payload: string };
export type Mapped<T> =
  { ok: true; item: T } | { ok: false; quarantined: Quarantine } | { ok: 'skip' };

const REASONS = new Set(['completed', 'not_planned', 'reopened', 'duplicate']);

function labelNames(labels: readonly (string | { name?: string | null | undefined })[]): string[] {
  return labels
    .map((l) => (typeof l === 'string' ? l : (l.name ?? null)))
    .filter((n): n is string => n !== null);
}

function rawRef(repo: string, raw: unknown): string {
  const r = (raw ?? {}) as { id?: unknown; number?: unknown };
  if (typeof r.number === 'number') return `${repo}#${r.number}`;
  if (typeof r.id === 'number') return `${repo}:${r.id}`;
  return `${repo}#unknown`;
}

function quarantine(
  repo: string,
  raw: unknown,
  error: { issues: { path: PropertyKey[]; message: string }[] },
): Mapped<never> {
  const first = error.issues[0];
  return {
    ok: false,
    quarantined: {
      source: 'github',
      itemRef: rawRef(repo, raw),
      reason: `${first?.path.map(String).join('.') ?? ''}: ${first?.message ?? 'invalid'}`,
      payload: JSON.stringify(raw).slice(0, 4000),
    },
  };
}

function iso(value: string): string {
  return toIsoUtc(value) ?? value;
}

function isoOrNull(value: string | null | undefined): string | null {
  return value ? iso(value) : null;
}

export function mapGitHubIssue(repo: string, raw: unknown): Mapped<GitHubIssue> {
  if (raw && typeof raw === 'object' && 'pull_request' in raw) return { ok: 'skip' };
  const parsed = GitHubIssueItem.safeParse(raw);
  if (!parsed.success) return quarantine(repo, raw, parsed.error);
  const i = parsed.data;
  const reason = i.state_reason ?? null;
  return {
    ok: true,
    item: {
      id: i.id,
      repo,
      number: i.number,
      title: i.title,
      state: i.state,
      stateReason: reason !== null && REASONS.has(reason) ? (reason as GitHubStateReason) : null,
      labels: labelNames(i.labels),
      milestone: i.milestone?.title ?? null,
      assignees: (i.assignees ?? []).map((a) => a.login),
      author: i.user?.login ?? null,
      createdAt: iso(i.created_at),
      updatedAt: iso(i.updated_at),
      closedAt: isoOrNull(i.closed_at),
      htmlUrl: i.html_url,
    },
  };
}

function pullState(p: GitHubPullItem): PullRequestState {
  if (p.merged_at) return 'merged';
  if (p.state === 'closed') return 'closed';
  return p.draft === true ? 'draft' : 'open';
}

export function mapPullRequest(
  repo: string,
  raw: unknown,
  projectKeys: ReadonlySet<string>,
): Mapped<PullRequest> {
  const parsed = GitHubPullItem.safeParse(raw);
  if (!parsed.success) return quarantine(repo, raw, parsed.error);
  const p = parsed.data;
  return {
    ok: true,
    item: {
      id: p.id,
      repo,
      number: p.number,
      title: p.title,
      state: pullState(p),
      author: p.user?.login ?? null,
      headRef: p.head.ref,
      headRepo: p.head.repo?.full_name ?? null,
      baseRef: p.base.ref,
      labels: labelNames(p.labels),
      milestone: p.milestone?.title ?? null,
      requestedReviewers: (p.requested_reviewers ?? []).length + (p.requested_teams ?? []).length,
      createdAt: iso(p.created_at),
      updatedAt: iso(p.updated_at),
      closedAt: isoOrNull(p.closed_at),
      mergedAt: isoOrNull(p.merged_at),
      htmlUrl: p.html_url,
      jiraKeys: findJiraKeys(
        [
          { source: 'title', text: p.title },
          { source: 'branch', text: p.head.ref },
          { source: 'body', text: p.body ?? null },
        ],
        projectKeys,
      ),
      closesIssues: closingReferences(p.body ?? null, repo),
    },
  };
}
