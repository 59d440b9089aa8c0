/**
 * Comments as Jira keeps them: ADF bodies validated on the way in with `validateAdf` (the rules
 * in `src/writeback/adf`; a malformed document is a 400, a non-document body "Comment body is
 * not valid!"), a 32,767-character limit, comment properties, and `updated` of the issue bumped
 * by every comment change — so writing a status comment makes the issue "updated", as on a
 * real site. Create/update/delete record whether
 * users would have been notified (`notifyUsers`, default true).
 */
import { validateAdf, type AdfProblem } from '../../writeback/adf/validate.js';
import { HttpError } from '../core/index.js';
import { adfText } from './adf.js';
import { fail } from './errors.js';
import type { Json, RenderContext } from './render/context.js';
import type { JiraApi } from './routes/context.js';
import type { CommentRecord, IssueRecord } from './store/types.js';

export interface CommentInput {
  body: unknown;
  author: number;
  properties?: { key: string; value: unknown }[];
  notifyUsers: boolean;
}

/** Throws Jira's 400 for a body that is not a valid ADF comment. */
export function checkCommentBody(api: JiraApi, body: unknown): void {
  if (body === undefined || body === null)
    fail(400, [], { comment: 'Comment body can not be empty!' });
  if (typeof body !== 'object' || Array.isArray(body))
    fail(400, [], { comment: 'Comment body is not valid!' });
  const { valid, problems } = validateAdf(body, { maxProblems: 5 });
  if (!valid) {
    // Jira says only INVALID_INPUT; the header tells a developer what the emulator disliked.
    throw adfError(problems);
  }
  const max = api.limits.commentMaxChars;
  if (adfText(body).length > max) {
    fail(400, [], {
      comment: `The entered text is too long. It exceeds the allowed limit of ${max.toLocaleString('en-US')} characters.`,
    });
  }
}

function adfError(problems: readonly AdfProblem[]): HttpError {
  const summary = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return new HttpError({
    status: 400,
    headers: { 'x-emulator-adf-problems': encodeURIComponent(summary) },
    body: { errorMessages: ['INVALID_INPUT'], errors: {} },
  });
}

export function createComment(
  api: JiraApi,
  issue: IssueRecord,
  input: CommentInput,
): CommentRecord {
  checkCommentBody(api, input.body);
  const now = api.clock.now().getTime();
  const comment = api.store.addComment({
    issue: issue.index,
    author: input.author,
    updateAuthor: input.author,
    body: input.body,
    created: now,
    updated: now,
    properties: new Map((input.properties ?? []).map((p) => [p.key, p.value])),
    deleted: false,
  });
  touch(api, issue, now);
  note(api, comment, issue, 'created', input.notifyUsers);
  return comment;
}

export function updateComment(
  api: JiraApi,
  issue: IssueRecord,
  comment: CommentRecord,
  input: CommentInput,
): void {
  checkCommentBody(api, input.body);
  const now = api.clock.now().getTime();
  comment.body = input.body;
  comment.updateAuthor = input.author;
  comment.updated = now;
  for (const p of input.properties ?? []) comment.properties.set(p.key, p.value);
  touch(api, issue, now);
  note(api, comment, issue, 'updated', input.notifyUsers);
}

export function deleteComment(api: JiraApi, issue: IssueRecord, comment: CommentRecord): void {
  comment.deleted = true;
  touch(api, issue, api.clock.now().getTime());
  note(api, comment, issue, 'deleted', true);
}

export function renderComment(ctx: RenderContext, comment: CommentRecord, expand: string[]): Json {
  const issueId = ctx.store.idOf(ctx.store.issues[comment.issue] as IssueRecord);
  return {
    self: ctx.api(`/issue/${issueId}/comment/${comment.id}`),
    id: String(comment.id),
    author: ctx.user(comment.author),
    body: comment.body,
    updateAuthor: ctx.user(comment.updateAuthor),
    created: ctx.time.timestamp(comment.created),
    updated: ctx.time.timestamp(comment.updated),
    jsdPublic: true,
    ...(expand.includes('renderedBody') ? { renderedBody: renderedBody(comment.body) } : {}),
    ...(expand.includes('properties')
      ? { properties: [...comment.properties].map(([key, value]) => ({ key, value })) }
      : {}),
  };
}

function renderedBody(body: unknown): string {
  const escaped = adfText(body).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<p>${escaped.replace(/\n/g, '<br/>')}</p>`;
}

function touch(api: JiraApi, issue: IssueRecord, now: number): void {
  issue.updated = Math.max(issue.updated, now);
  api.store.version++;
}

function note(
  api: JiraApi,
  comment: CommentRecord,
  issue: IssueRecord,
  action: 'created' | 'updated' | 'deleted',
  notifyUsers: boolean,
): void {
  if (api.notifications.length >= 10_000) api.notifications.shift();
  api.notifications.push({
    commentId: String(comment.id),
    issueKey: api.store.keyOf(issue),
    action,
    notifyUsers,
    at: new Date(api.clock.now()).toISOString(),
  });
}
