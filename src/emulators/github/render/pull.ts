/**
 * Pull requests as the pulls API returns them: `pull-request-simple` in lists and the full
 * `pull-request` (mergeability, counts, `merged_by`) from GET /pulls/{n}. A PR whose fork was
 * deleted has `head.repo: null`; a deleted author is `user: null`.
 * https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
 */
import type { ItemRecord, PullRecord, RepoRecord } from '../store/types.js';
import type { Json, RenderContext } from './context.js';
import { iso, isoOrNull, nodeId } from './urls.js';

export function renderPull(
  ctx: RenderContext,
  repo: RepoRecord,
  item: ItemRecord & { pull: PullRecord },
  detail = false,
): Json {
  const pull = item.pull;
  const full = ctx.fullName(repo);
  const repoApi = ctx.urls.repo(full);
  const api = `${repoApi}/pulls/${item.number}`;
  const issueApi = `${repoApi}/issues/${item.number}`;
  const html = `${ctx.urls.htmlRepo(full)}/pull/${item.number}`;
  const owner = ctx.store.owner(repo);
  const repository = ctx.repository(repo).simple;
  const assignees = ctx.users(item.assigneeIds);
  const headUser = pull.headRepoId === null ? ctx.user(item.authorId) : ctx.user(owner.id);
  const json: Json = {
    url: api,
    id: pull.id,
    node_id: nodeId('PR', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    number: item.number,
    state: item.state,
    locked: item.locked,
    title: item.title,
    user: ctx.user(item.authorId),
    body: item.body,
    created_at: iso(item.createdAt),
    updated_at: iso(item.updatedAt),
    closed_at: isoOrNull(item.closedAt),
    merged_at: isoOrNull(pull.mergedAt),
    merge_commit_sha: pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: ctx.users(pull.requestedReviewerIds),
    requested_teams: [],
    labels: ctx.labels(repo, item.labelIds),
    milestone: ctx.milestone(repo, item.milestoneNumber),
    draft: pull.draft,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${repoApi}/statuses/${pull.headSha}`,
    head: {
      label: `${(headUser?.['login'] as string | undefined) ?? 'ghost'}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: headUser,
      repo: pull.headRepoId === null ? null : repository,
    },
    base: {
      label: `${owner.login}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: pull.baseSha,
      user: ctx.user(owner.id),
      repo: repository,
    },
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApi}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${repoApi}/statuses/${pull.headSha}` },
    },
    author_association: ctx.authorAssociation(item.authorId),
    auto_merge: null,
    active_lock_reason: null,
  };
  if (!detail) return json;
  const open = item.state === 'open';
  return {
    ...json,
    merged: pull.mergedAt !== null,
    // GitHub computes mergeability in the background; closed PRs report null.
    mergeable: open ? true : null,
    rebaseable: open ? true : null,
    mergeable_state: open ? (pull.draft ? 'draft' : 'clean') : 'unknown',
    merged_by: ctx.user(pull.mergedById),
    comments: item.commentIds.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pull.commits,
    additions: pull.additions,
    deletions: pull.deletions,
    changed_files: pull.changedFiles,
  };
}
