/**
 * Issue comments (pull request conversations included). Adding, editing or deleting a comment
 * bumps the issue's `updated_at`, so an incremental sync sees the issue again.
 * https://docs.github.com/en/rest/issues/comments
 */
import type { Target } from './mutations.js';
import type { GitHubStore } from './store.js';
import type { CommentRecord, RepoRecord } from './types.js';

export function addComment(
  store: GitHubStore,
  target: Target,
  input: { user: string; body: string },
): CommentRecord {
  const now = store.touch(target.repo, target.item);
  const comment: CommentRecord = {
    id: store.ids.comment++,
    issueNumber: target.item.number,
    userId: store.ensureUser(input.user).id,
    body: input.body,
    createdAt: now,
    updatedAt: now,
  };
  target.repo.comments.set(comment.id, comment);
  target.item.commentIds.push(comment.id);
  return comment;
}

export function updateComment(
  store: GitHubStore,
  repo: RepoRecord,
  update: { comment: CommentRecord; body: string },
): CommentRecord {
  const item = repo.items.get(update.comment.issueNumber);
  update.comment.body = update.body;
  update.comment.updatedAt = store.touch(repo, item);
  return update.comment;
}

export function deleteComment(store: GitHubStore, repo: RepoRecord, comment: CommentRecord): void {
  repo.comments.delete(comment.id);
  const item = repo.items.get(comment.issueNumber);
  if (item) item.commentIds = item.commentIds.filter((id) => id !== comment.id);
  store.touch(repo, item);
}
