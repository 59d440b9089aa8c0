import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src/db/open.js';
import { CommentStore, isLiveClaim } from '../../src/writeback/comment-store.js';

const now = new Date('2026-11-24T12:00:00.000Z');
const LEASE = 60_000;
const opened: Db[] = [];

function open(file = ':memory:'): Db {
  const db = openDatabase({ file });
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db);
});

const base = { target: 'INFRA-1', kind: 'jira' as const, nodeId: 'p1', leaseMs: LEASE };

describe('CommentStore', () => {
  it('records writes and marks deletions', () => {
    const store = new CommentStore(open());
    expect(store.get('INFRA-1')).toBeNull();
    store.record({ ...base, remoteId: '10', contentHash: 'h1', body: 'b1', now });
    store.markDeleted('INFRA-1', now);
    expect(store.get('INFRA-1')).toMatchObject({ remoteId: '10', deletedAt: now.toISOString() });
    store.record({ ...base, remoteId: '11', contentHash: 'h2', body: 'b2', now });
    expect(store.get('INFRA-1')).toMatchObject({
      remoteId: '11',
      contentHash: 'h2',
      deletedAt: null,
    });
  });

  it('lets exactly one of two connections claim a target', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'northstar-claim-')), 'db.sqlite');
    const a = new CommentStore(open(file));
    const b = new CommentStore(open(file));
    // Both read "no row" first, then race for the claim.
    const first = a.claim({ ...base, expected: null, token: 'A', now });
    const second = b.claim({ ...base, expected: null, token: 'B', now });
    expect([first, second]).toEqual(['claimed', 'busy']);
    const row = b.get('INFRA-1');
    expect(row && isLiveClaim(row, now, LEASE)).toBe(true);
  });

  it('reports a row that changed since it was read', () => {
    const store = new CommentStore(open());
    store.record({ ...base, remoteId: '10', contentHash: 'h1', body: 'b1', now });
    expect(store.claim({ ...base, expected: null, token: 'A', now })).toBe('changed');
  });

  it('lets an expired claim be taken over, and releases a claim to the previous row', () => {
    const store = new CommentStore(open());
    store.record({ ...base, remoteId: '10', contentHash: 'h1', body: 'b1', now });
    const before = store.get('INFRA-1');
    expect(store.claim({ ...base, expected: before, token: 'A', now })).toBe('claimed');
    expect(store.get('INFRA-1')).toMatchObject({
      remoteId: null,
      contentHash: 'claim:A',
      body: 'b1',
    });
    const later = new Date(now.getTime() + LEASE + 1);
    expect(store.claim({ ...base, expected: null, token: 'B', now: later })).toBe('claimed');
    store.release('INFRA-1', 'A', before); // not A's claim any more: no effect
    expect(store.get('INFRA-1')?.contentHash).toBe('claim:B');
    store.release('INFRA-1', 'B', before);
    expect(store.get('INFRA-1')).toEqual(before);
    expect(store.claim({ ...base, target: 'INFRA-2', expected: null, token: 'C', now })).toBe(
      'claimed',
    );
    store.release('INFRA-2', 'C', null);
    expect(store.get('INFRA-2')).toBeNull();
  });
});
