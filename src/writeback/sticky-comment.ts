/**
 * One sticky summary comment per target: created once, then edited in place, and only when the
 * rendered content changed. The same logic for Jira and GitHub, behind `CommentPort`.
 *
 * Per target:
 * 1. A stored comment that still exists: skip when the content hash is unchanged (no write),
 *    otherwise edit it.
 * 2. Stored id gone or no row (database lost, comment moved): find our comment again by its
 *    marker (GitHub: hidden marker + our author; Jira: comment property + footer + our author).
 *    Duplicates from an earlier race are deleted, the oldest kept; it is edited only if its hash
 *    differs.
 * 3. Nothing found although we had written one: a person deleted it. `recreateDeleted: false`
 *    marks the row deleted and leaves the target alone; `true` creates a new one.
 * 4. Create: claim the target in the database (see comment-store.ts), list by marker once more,
 *    create, then list again and delete any duplicate but the oldest (a worker with another
 *    database may have created one at the same moment).
 *
 * `dryRun` performs the reads and reports what it would do, with the body before and after.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import { oldestFirst, type CommentPort, type RemoteComment } from './comment-port.js';
import { isLiveClaim, type CommentStore, type StoredComment } from './comment-store.js';
import type { CommentKind, RenderedComment } from './render/index.js';

export type StickyAction = 'create' | 'update' | 'skip';

export interface StickyResult {
  target: string;
  kind: CommentKind;
  nodeId: string;
  action: StickyAction;
  /** The remote comment (existing, created or updated); null when there is none. */
  commentId: string | null;
  reason: string;
  /** Write requests made (create, update, delete); 0 in a dry run. */
  writes: number;
  /** The body there before (stored or remote) and the new one, for diffs. */
  before: string | null;
  after: string;
}

export interface EnsureStickyCommentOptions {
  port: CommentPort;
  store: CommentStore;
  target: string;
  comment: RenderedComment;
  recreateDeleted: boolean;
  dryRun: boolean;
  clock: Clock;
  /** How long a create claim blocks other workers (default 10 minutes). */
  leaseMs?: number;
}

const DEFAULT_LEASE_MS = 10 * 60_000;

class StickyRun {
  private writes = 0;

  constructor(private readonly o: EnsureStickyCommentOptions) {}

  private result(
    action: StickyAction,
    commentId: string | null,
    reason: string,
    before: string | null,
  ): StickyResult {
    const { target, comment, port } = this.o;
    return {
      target,
      kind: port.kind,
      nodeId: comment.nodeId,
      action,
      commentId,
      reason,
      writes: this.writes,
      before,
      after: comment.body,
    };
  }

  private record(remoteId: string): void {
    const { store, target, comment, port, clock } = this.o;
    store.record({
      target,
      kind: port.kind,
      nodeId: comment.nodeId,
      remoteId,
      contentHash: comment.contentHash,
      body: comment.body,
      now: clock.now(),
    });
  }

  private async update(id: string, before: string | null, reason: string): Promise<StickyResult> {
    if (this.o.dryRun) return this.result('update', id, reason, before);
    const updated = await this.o.port.update(this.o.target, id, this.o.comment);
    this.writes++;
    this.record(updated.id);
    return this.result('update', updated.id, reason, before);
  }

  /** Keeps the oldest of our marked comments, deletes the rest, brings the kept one up to date. */
  private async adopt(found: RemoteComment[], how: string): Promise<StickyResult> {
    const [keep, ...extras] = [...found].sort(oldestFirst);
    if (!keep) throw new Error('adopt() needs at least one comment');
    if (!this.o.dryRun) {
      for (const extra of extras) {
        await this.o.port.remove(this.o.target, extra.id);
        this.writes++;
      }
    }
    const duplicates = extras.length > 0 ? `; removed ${extras.length} duplicate(s)` : '';
    if (keep.marker?.contentHash === this.o.comment.contentHash) {
      if (!this.o.dryRun) this.record(keep.id);
      return this.result('skip', keep.id, `${how}, unchanged${duplicates}`, keep.body);
    }
    return this.update(keep.id, keep.body, `${how}, content changed${duplicates}`);
  }

  async run(): Promise<StickyResult> {
    const { store, port, target, comment, clock, recreateDeleted } = this.o;
    const leaseMs = this.o.leaseMs ?? DEFAULT_LEASE_MS;
    const row = store.get(target);
    if (row?.deletedAt && !recreateDeleted) {
      return this.result(
        'skip',
        null,
        'deleted by a person (writeback.recreateDeleted: false)',
        null,
      );
    }
    if (row && isLiveClaim(row, clock.now(), leaseMs)) {
      return this.result('skip', null, 'another worker is creating this comment', null);
    }
    if (row?.remoteId && !row.deletedAt) {
      const remote = await port.get(target, row.remoteId);
      if (remote) {
        if (row.contentHash === comment.contentHash) {
          return this.result('skip', remote.id, 'unchanged', row.body);
        }
        return this.update(remote.id, row.body, 'content changed');
      }
    }
    const found = await port.findMarked(target, comment.nodeId);
    if (found.length > 0) return this.adopt(found, 'found again by its marker');
    if (row?.remoteId && !row.deletedAt && !recreateDeleted) {
      if (!this.o.dryRun) store.markDeleted(target, clock.now());
      return this.result(
        'skip',
        null,
        'deleted by a person (writeback.recreateDeleted: false)',
        null,
      );
    }
    const why = row?.remoteId ? 'the comment was deleted; recreating it' : 'no comment yet';
    return this.create(row, why, leaseMs);
  }

  private async create(
    row: StoredComment | null,
    why: string,
    leaseMs: number,
  ): Promise<StickyResult> {
    const { store, port, target, comment, clock } = this.o;
    if (this.o.dryRun) return this.result('create', null, why, null);
    const token = randomUUID();
    const claim = store.claim({
      target,
      kind: port.kind,
      nodeId: comment.nodeId,
      expected: row,
      token,
      now: clock.now(),
      leaseMs,
    });
    if (claim === 'busy')
      return this.result('skip', null, 'another worker is creating this comment', null);
    if (claim === 'changed')
      return this.result('skip', null, 'another worker wrote this comment meanwhile', null);
    try {
      // Right before creating: a worker on another database may have created it already.
      const again = await port.findMarked(target, comment.nodeId);
      if (again.length > 0) return await this.adopt(again, 'created meanwhile elsewhere');
      const created = await port.create(target, comment);
      this.writes++;
      // Converge: if another worker created one at the same time, the oldest stays.
      const all = await port.findMarked(target, comment.nodeId);
      const sorted = [...all.filter((c) => c.id !== created.id), created].sort(oldestFirst);
      const keep = sorted[0] ?? created;
      for (const duplicate of sorted.slice(1)) {
        await port.remove(target, duplicate.id);
        this.writes++;
      }
      if (keep.id !== created.id && keep.marker?.contentHash !== comment.contentHash) {
        await port.update(target, keep.id, comment);
        this.writes++;
      }
      this.record(keep.id);
      const action = keep.id === created.id ? 'create' : 'skip';
      const reason = keep.id === created.id ? why : 'another worker created it at the same time';
      return this.result(action, keep.id, reason, null);
    } catch (error) {
      store.release(target, token, row);
      throw error;
    }
  }
}

export function ensureStickyComment(options: EnsureStickyCommentOptions): Promise<StickyResult> {
  return new StickyRun(options).run();
}
