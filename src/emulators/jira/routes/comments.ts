/**
 * Issue comments (list / create / get / update / delete) and comment properties, the way the
 * write-back uses them: one sticky comment per epic, edited in place with `notifyUsers=false`,
 * found again through a comment property (`expand=properties`).
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comment-properties/
 */
import { z } from 'zod';
import type { EmuRequest } from '../../core/index.js';
import { createComment, deleteComment, renderComment, updateComment } from '../comments.js';
import { badRequest, fail, intParam, issueNotFound, listParam } from '../errors.js';
import type { CommentRecord, IssueRecord } from '../store/types.js';
import type { JiraApi, RouteTable } from './context.js';

const CommentBody = z.object({
  body: z.unknown(),
  properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
  visibility: z.unknown().optional(),
});

const MAX_PROPERTY_BYTES = 32_768;

export function commentRoutes({ router, api }: RouteTable): void {
  const base = '/rest/api/3/issue/{issueIdOrKey}/comment';

  router.get(base, (request) => {
    const issue = issueOf(api, request);
    const expand = listParam(request.query.getAll('expand'));
    let comments = api.store.commentsOf(issue).sort((a, b) => a.created - b.created || a.id - b.id);
    if (request.query.get('orderBy') === '-created') comments = comments.reverse();
    const startAt = Math.max(0, intParam(request.query.get('startAt'), 0));
    const max = api.limits.commentsMax;
    const maxResults = Math.max(0, Math.min(intParam(request.query.get('maxResults'), max), max));
    return {
      status: 200,
      body: {
        startAt,
        maxResults,
        total: comments.length,
        comments: comments
          .slice(startAt, startAt + maxResults)
          .map((c) => renderComment(api.render, c, expand)),
      },
    };
  });

  router.post(base, (request) => {
    const issue = issueOf(api, request);
    const body = parseBody(request);
    const comment = createComment(api, issue, {
      body: body.body,
      author: api.callerOf(request),
      notifyUsers: true,
      ...(body.properties ? { properties: body.properties } : {}),
    });
    return {
      status: 201,
      body: renderComment(api.render, comment, listParam(request.query.getAll('expand'))),
    };
  });

  router.get(`${base}/{id}`, (request) => {
    const [, comment] = commentOf(api, request);
    return {
      status: 200,
      body: renderComment(api.render, comment, listParam(request.query.getAll('expand'))),
    };
  });

  router.put(`${base}/{id}`, (request) => {
    const [issue, comment] = commentOf(api, request);
    const body = parseBody(request);
    updateComment(api, issue, comment, {
      body: body.body,
      author: api.callerOf(request),
      notifyUsers: request.query.get('notifyUsers') !== 'false',
      ...(body.properties ? { properties: body.properties } : {}),
    });
    return {
      status: 200,
      body: renderComment(api.render, comment, listParam(request.query.getAll('expand'))),
    };
  });

  router.delete(`${base}/{id}`, (request) => {
    const [issue, comment] = commentOf(api, request);
    deleteComment(api, issue, comment);
    return { status: 204 };
  });

  const props = '/rest/api/3/comment/{commentId}/properties';
  router.get(props, (request) => {
    const comment = propertyOwner(api, request);
    return {
      status: 200,
      body: {
        keys: [...comment.properties.keys()].map((key) => ({
          key,
          self: api.render.api(`/comment/${comment.id}/properties/${encodeURIComponent(key)}`),
        })),
      },
    };
  });
  router.get(`${props}/{propertyKey}`, (request) => {
    const comment = propertyOwner(api, request);
    const key = request.params['propertyKey'] ?? '';
    if (!comment.properties.has(key)) fail(404, [`The property with key '${key}' does not exist.`]);
    return { status: 200, body: { key, value: comment.properties.get(key) } };
  });
  router.put(`${props}/{propertyKey}`, (request) => {
    const comment = propertyOwner(api, request);
    const key = request.params['propertyKey'] ?? '';
    if (key.length === 0 || key.length > 255)
      badRequest('The property key must be between 1 and 255 characters.');
    if (request.body === undefined) badRequest('The property value must be valid JSON.');
    if (Buffer.byteLength(JSON.stringify(request.body)) > MAX_PROPERTY_BYTES)
      badRequest(`The property value must not exceed ${MAX_PROPERTY_BYTES} bytes.`);
    const existed = comment.properties.has(key);
    comment.properties.set(key, request.body);
    api.store.version++;
    return { status: existed ? 200 : 201 };
  });
  router.delete(`${props}/{propertyKey}`, (request) => {
    const comment = propertyOwner(api, request);
    const key = request.params['propertyKey'] ?? '';
    if (!comment.properties.delete(key))
      fail(404, [`The property with key '${key}' does not exist.`]);
    return { status: 204 };
  });
}

function issueOf(api: JiraApi, request: EmuRequest): IssueRecord {
  const issue = api.store.find(request.params['issueIdOrKey'] ?? '');
  if (!issue) issueNotFound();
  return issue;
}

function commentOf(api: JiraApi, request: EmuRequest): [IssueRecord, CommentRecord] {
  const issue = issueOf(api, request);
  const id = request.params['id'] ?? '';
  const comment = api.store.comment(id);
  if (!comment || comment.issue !== issue.index)
    fail(404, [`Can not find a comment for the id: ${id}.`]);
  return [issue, comment];
}

function propertyOwner(api: JiraApi, request: EmuRequest): CommentRecord {
  const id = request.params['commentId'] ?? '';
  const comment = api.store.comment(id);
  if (!comment || api.store.issues[comment.issue]?.deleted !== false)
    fail(404, [`Can not find a comment for the id: ${id}.`]);
  return comment;
}

function parseBody(request: EmuRequest): z.infer<typeof CommentBody> {
  const parsed = CommentBody.safeParse(request.body ?? {});
  if (!parsed.success)
    badRequest('Invalid request payload. Refer to the REST API documentation and try again.');
  return parsed.data;
}
