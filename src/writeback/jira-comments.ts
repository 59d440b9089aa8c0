/**
 * `CommentPort` for Jira issue comments through jira.js (REST v3,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/).
 * Targets are issue keys.
 *
 * - Bodies are ADF documents. The `northstar.summary` comment property (`{ nodeId, contentHash }`)
 *   is sent in the same create/update request (`Comment.properties`, "optional on create and
 *   update"), so a comment never exists without its marker.
 * - Edits pass `notifyUsers=false`: a refreshed status should not e-mail every watcher.
 * - Our comments: written by the API user (`GET /rest/api/3/myself`), carrying the visible footer
 *   for the node, and the property naming the node. The property is read only for comments that
 *   pass the first two checks, so finding costs one property read per candidate, not per comment.
 * - Writes to one issue never overlap (Jira's per-issue write limit).
 */
import type { Version3Client, Version3Models } from 'jira.js';
import type { Clock } from '../lib/clock.js';
import { adfToText } from './adf/text.js';
import type { CommentPort, RemoteComment } from './comment-port.js';
import { JiraComment, JiraCommentPage, parseAnswer } from './comment-schemas.js';
import { httpStatus, toSourceError } from './http-errors.js';
import { KeyedSerializer } from './keyed-serializer.js';
import type { RenderedComment } from './render/index.js';
import { hasFooter, JIRA_PROPERTY_KEY, parseJiraProperty } from './render/marker.js';

export interface JiraCommentsOptions {
  client: Version3Client;
  clock: Clock;
  /** Account id of the API user; read once from `GET /myself` when absent. */
  accountId?: string;
  /** Per-issue write serialisation; share one between adapters that write to the same site. */
  serializer?: KeyedSerializer;
  /** Comments per page when listing (Jira caps it; default 100). */
  pageSize?: number;
}

export class JiraComments implements CommentPort {
  readonly kind = 'jira' as const;
  private readonly client: Version3Client;
  private readonly clock: Clock;
  private readonly serializer: KeyedSerializer;
  private readonly pageSize: number;
  private accountId: string | undefined;

  constructor(options: JiraCommentsOptions) {
    this.client = options.client;
    this.clock = options.clock;
    this.serializer = options.serializer ?? new KeyedSerializer();
    this.pageSize = options.pageSize ?? 100;
    this.accountId = options.accountId;
  }

  private async call<T>(resource: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toSourceError(error, { source: 'jira', resource, now: this.clock.now() });
    }
  }

  /** Runs a request and turns 404/410 into null. */
  private async callOrNull<T>(resource: string, request: () => Promise<T>): Promise<T | null> {
    try {
      return await request();
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404 || status === 410) return null;
      throw toSourceError(error, { source: 'jira', resource, now: this.clock.now() });
    }
  }

  private async selfAccountId(): Promise<string> {
    if (this.accountId === undefined) {
      const me = await this.call('GET /myself', () => this.client.myself.getCurrentUser());
      if (!me.accountId) throw new Error('Jira GET /myself returned no accountId');
      this.accountId = me.accountId;
    }
    return this.accountId;
  }

  /** Checks the answer's shape (see comment-schemas.ts) and keeps what the sticky logic needs. */
  private toRemote(answer: unknown, resource: string): RemoteComment {
    const comment = parseAnswer(JiraComment, answer, { source: 'jira', resource });
    return {
      id: comment.id,
      marker: null,
      body: JSON.stringify(comment.body ?? null),
      createdAt: comment.created,
    };
  }

  private properties(comment: RenderedComment): Version3Models.EntityProperty[] {
    return [
      {
        key: JIRA_PROPERTY_KEY,
        value: { nodeId: comment.nodeId, contentHash: comment.contentHash },
      },
    ];
  }

  private document(comment: RenderedComment): Version3Models.Document {
    return JSON.parse(comment.body) as Version3Models.Document;
  }

  async get(target: string, id: string): Promise<RemoteComment | null> {
    const resource = `comment ${id} on ${target}`;
    const comment = await this.callOrNull(resource, () =>
      this.client.issueComments.getComment({ issueIdOrKey: target, id }),
    );
    return comment ? this.toRemote(comment, resource) : null;
  }

  async findMarked(target: string, nodeId: string): Promise<RemoteComment[]> {
    const me = await this.selfAccountId();
    const found: RemoteComment[] = [];
    for (let startAt = 0; ;) {
      const resource = `comments of ${target}`;
      const answer = await this.call(resource, () =>
        this.client.issueComments.getComments({
          issueIdOrKey: target,
          startAt,
          maxResults: this.pageSize,
          orderBy: 'created',
        }),
      );
      const page = parseAnswer(JiraCommentPage, answer, { source: 'jira', resource });
      const comments = page.comments;
      for (const comment of comments) {
        if (comment.author?.accountId !== me) continue;
        if (!hasFooter(adfToText(comment.body), nodeId)) continue;
        const id = comment.id;
        const property = await this.callOrNull(`property of comment ${id}`, () =>
          this.client.issueCommentProperties.getCommentProperty({
            commentId: id,
            propertyKey: JIRA_PROPERTY_KEY,
          }),
        );
        const marker = parseJiraProperty(property?.value);
        if (marker?.nodeId === nodeId) found.push({ ...this.toRemote(comment, resource), marker });
      }
      startAt += comments.length;
      if (comments.length === 0 || (page.total !== undefined && startAt >= page.total)) break;
    }
    return found;
  }

  create(target: string, comment: RenderedComment): Promise<RemoteComment> {
    return this.serializer.run(target, async () => {
      const created = await this.call(`new comment on ${target}`, () =>
        this.client.issueComments.addComment({
          issueIdOrKey: target,
          comment: this.document(comment),
          properties: this.properties(comment),
        }),
      );
      return this.toRemote(created, `new comment on ${target}`);
    });
  }

  update(target: string, id: string, comment: RenderedComment): Promise<RemoteComment> {
    return this.serializer.run(target, async () => {
      const updated = await this.call(`comment ${id} on ${target}`, () =>
        this.client.issueComments.updateComment({
          issueIdOrKey: target,
          id,
          body: this.document(comment),
          properties: this.properties(comment),
          notifyUsers: false,
        }),
      );
      return this.toRemote(updated, `comment ${id} on ${target}`);
    });
  }

  remove(target: string, id: string): Promise<void> {
    return this.serializer.run(target, async () => {
      await this.callOrNull(`comment ${id} on ${target}`, () =>
        this.client.issueComments.deleteComment({ issueIdOrKey: target, id }),
      );
    });
  }
}
