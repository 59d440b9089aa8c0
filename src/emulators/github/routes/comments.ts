/**
 * Issue comments (pull request conversations included): list, create, get, update, delete.
 * Creating and editing are content-creating requests and count against that secondary limit.
 * https://docs.github.com/en/rest/issues/comments
 */
import { HttpError, type EmuRequest } from '../../core/index.js';
import { conditional } from '../http/etag.js';
import { notFound } from '../http/errors.js';
import { renderComment } from '../render/comment.js';
import { addComment, deleteComment, updateComment } from '../store/comment-mutations.js';
import type { CommentRecord, RepoRecord } from '../store/types.js';
import { repoRoute, type GitHubApi, type RouteTable } from './context.js';
import { findItem, findRepo, listPage, requireStringField, sinceParam } from './helpers.js';

export function commentRoutes(table: RouteTable): void {
  const { api } = table;
  const suffix = '/issues/{issue_number}/comments';

  repoRoute(table, { method: 'GET', suffix, cost: 'read' }, (request) => {
    const repo = findRepo(api, request);
    const item = findItem(api, repo, request.params['issue_number']);
    const since = sinceParam(request.query);
    const all = item.commentIds
      .map((id) => repo.comments.get(id))
      .filter((c): c is CommentRecord => c !== undefined)
      .filter((c) => since === undefined || Math.floor(c.updatedAt / 1000) * 1000 >= since);
    return listPage(request, {
      all,
      render: (comment) => renderComment(api.render, repo, comment),
      linkBase: `${api.urls.repoById(repo.id)}/issues/${item.number}/comments`,
    });
  });

  repoRoute(table, { method: 'POST', suffix, cost: 'create' }, (request) => {
    const repo = findRepo(api, request);
    const item = findItem(api, repo, request.params['issue_number']);
    const body = requireStringField(request.body, 'body');
    const comment = addComment(api.store, { repo, item }, { user: request.principal, body });
    const json = renderComment(api.render, repo, comment);
    return { status: 201, headers: { location: String(json['url']) }, body: json };
  });

  const byId = '/issues/comments/{comment_id}';
  repoRoute(table, { method: 'GET', suffix: byId, cost: 'read' }, (request) => {
    const { repo, comment } = findComment(api, request);
    return conditional(request, renderComment(api.render, repo, comment));
  });

  repoRoute(table, { method: 'PATCH', suffix: byId, cost: 'create' }, (request) => {
    const { repo, comment } = findComment(api, request);
    const body = requireStringField(request.body, 'body');
    updateComment(api.store, repo, { comment, body });
    return { status: 200, body: renderComment(api.render, repo, comment) };
  });

  repoRoute(table, { method: 'DELETE', suffix: byId, cost: 'read' }, (request) => {
    const { repo, comment } = findComment(api, request);
    deleteComment(api.store, repo, comment);
    return { status: 204 };
  });
}

function findComment(
  api: GitHubApi,
  request: EmuRequest,
): { repo: RepoRecord; comment: CommentRecord } {
  const repo = findRepo(api, request);
  const comment = repo.comments.get(Number(request.params['comment_id']));
  if (!comment) throw new HttpError(notFound());
  return { repo, comment };
}
