/**
 * `written_comments`: per target, the remote comment id, the content hash and body last written,
 * and whether a person deleted the comment. Also the per-target claim that keeps two workers from
 * creating two comments.
 *
 * Why a claim row, and why it is enough on one database: SQLite has a single writer, and
 * `BEGIN IMMEDIATE` takes the write lock before reading, so of two workers that both see "no
 * comment yet", exactly one turns the row into a claim (`remote_id` NULL, `content_hash`
 * `claim:<token>`, `updated_at` = when); the other sees a live claim and skips the target. The
 * claim is a lease: a worker that dies after claiming blocks the target only until it expires.
 * Workers on *different* databases cannot see each other's claims; for them the sticky logic
 * re-lists comments by marker right before creating and, after creating, deletes every duplicate
 * but the oldest — so even then the target ends with one comment.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { writtenComments } from '../db/schema.js';
import type { CommentKind } from './render/index.js';

export interface StoredComment {
  target: string;
  kind: CommentKind;
  nodeId: string;
  remoteId: string | null;
  contentHash: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export type ClaimOutcome =
  /** The caller holds the claim and may create the comment. */
  | 'claimed'
  /** Another worker holds a live claim. */
  | 'busy'
  /** The row changed since the caller read it (another worker wrote the comment). */
  | 'changed';

export interface ClaimRequest {
  target: string;
  kind: CommentKind;
  nodeId: string;
  /** The row as the caller read it before deciding to create (null: there was none). */
  expected: StoredComment | null;
  token: string;
  now: Date;
  leaseMs: number;
}

export interface RecordWrite {
  target: string;
  kind: CommentKind;
  nodeId: string;
  remoteId: string;
  contentHash: string;
  body: string;
  now: Date;
}

const CLAIM_PREFIX = 'claim:';

export function isClaim(row: StoredComment): boolean {
  return row.remoteId === null && row.contentHash.startsWith(CLAIM_PREFIX);
}

export function isLiveClaim(row: StoredComment, now: Date, leaseMs: number): boolean {
  return isClaim(row) && Date.parse(row.updatedAt) + leaseMs > now.getTime();
}

function sameRow(a: StoredComment | null, b: StoredComment | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.remoteId === b.remoteId && a.contentHash === b.contentHash && a.updatedAt === b.updatedAt
  );
}

export class CommentStore {
  constructor(private readonly db: Db) {}

  get(target: string): StoredComment | null {
    const row = this.db
      .select()
      .from(writtenComments)
      .where(eq(writtenComments.target, target))
      .get();
    return row ?? null;
  }

  /** Takes the per-target claim in one immediate transaction (see the file comment). */
  claim(request: ClaimRequest): ClaimOutcome {
    return this.db.transaction(
      (tx) => {
        const current =
          tx
            .select()
            .from(writtenComments)
            .where(eq(writtenComments.target, request.target))
            .get() ?? null;
        if (current && isLiveClaim(current, request.now, request.leaseMs)) return 'busy';
        // An expired claim may be taken over; any other change means someone else wrote.
        if (!(current && isClaim(current)) && !sameRow(current, request.expected)) return 'changed';
        const at = request.now.toISOString();
        const values = {
          target: request.target,
          kind: request.kind,
          nodeId: request.nodeId,
          remoteId: null,
          contentHash: `${CLAIM_PREFIX}${request.token}`,
          body: current?.body ?? '',
          createdAt: current?.createdAt ?? at,
          updatedAt: at,
          deletedAt: null,
        };
        tx.insert(writtenComments)
          .values(values)
          .onConflictDoUpdate({ target: writtenComments.target, set: values })
          .run();
        return 'claimed';
      },
      { behavior: 'immediate' },
    );
  }

  /** Gives a claim back after a failed create: restores the row as it was before the claim. */
  release(target: string, token: string, previous: StoredComment | null): void {
    this.db.transaction(
      (tx) => {
        const current = tx
          .select()
          .from(writtenComments)
          .where(eq(writtenComments.target, target))
          .get();
        if (current?.contentHash !== `${CLAIM_PREFIX}${token}`) return;
        if (previous === null) {
          tx.delete(writtenComments).where(eq(writtenComments.target, target)).run();
        } else {
          tx.update(writtenComments).set(previous).where(eq(writtenComments.target, target)).run();
        }
      },
      { behavior: 'immediate' },
    );
  }

  /** Stores what was written (or adopted): remote id, hash and body; clears any deletion mark. */
  record(write: RecordWrite): void {
    const at = write.now.toISOString();
    this.db
      .insert(writtenComments)
      .values({
        target: write.target,
        kind: write.kind,
        nodeId: write.nodeId,
        remoteId: write.remoteId,
        contentHash: write.contentHash,
        body: write.body,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      })
      .onConflictDoUpdate({
        target: writtenComments.target,
        set: {
          kind: write.kind,
          nodeId: write.nodeId,
          remoteId: write.remoteId,
          contentHash: write.contentHash,
          body: write.body,
          updatedAt: at,
          deletedAt: null,
        },
      })
      .run();
  }

  /** A person deleted the comment and config says to leave it deleted. */
  markDeleted(target: string, now: Date): void {
    this.db
      .update(writtenComments)
      .set({ deletedAt: now.toISOString(), updatedAt: now.toISOString() })
      .where(eq(writtenComments.target, target))
      .run();
  }
}
