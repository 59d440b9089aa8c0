/**
 * Issue comments and pull request reviews.
 * https://docs.github.com/en/rest/issues/comments · https://docs.github.com/en/rest/pulls/reviews
 */
import type { CommentRecord, ItemRecord, RepoRecord, ReviewRecord } from '../store/types.js';
import type { Json, RenderContext } from './context.js';
import { iso, nodeId } from './urls.js';

export function renderComment(ctx: RenderContext, repo: RepoRecord, comment: CommentRecord): Json {
  const full = ctx.fullName(repo);
  const api = ctx.urls.repo(full);
  return {
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${ctx.urls.htmlRepo(full)}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    user: ctx.user(comment.userId),
    created_at: iso(comment.createdAt),
    updated_at: iso(comment.updatedAt),
    author_association: ctx.authorAssociation(comment.userId),
    body: comment.body,
    performed_via_github_app: null,
  };
}

export function renderReview(
  ctx: RenderContext,
  repo: RepoRecord,
  item: ItemRecord,
  review: ReviewRecord,
): Json {
  const full = ctx.fullName(repo);
  const html = `${ctx.urls.htmlRepo(full)}/pull/${item.number}#pullrequestreview-${review.id}`;
  const pullApi = `${ctx.urls.repo(full)}/pulls/${item.number}`;
  return {
    id: review.id,
    node_id: nodeId('PRR', review.id),
    user: ctx.user(review.userId),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullApi,
    author_association: ctx.authorAssociation(review.userId),
    _links: { html: { href: html }, pull_request: { href: pullApi } },
    submitted_at: iso(review.submittedAt),
    commit_id: review.commitId,
  };
}
