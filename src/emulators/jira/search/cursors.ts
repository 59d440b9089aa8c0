/**
 * Enhanced-search pagination. Jira's `nextPageToken` is opaque; this one is base64 of a binary
 * cursor that always starts with `+/+/` and ends in `=`, so a client that puts it in a query
 * string without encoding it (`+` → space) gets a 400, as it would against Jira.
 *
 * The guarantee (what tests may rely on): the first page fixes the list of matching issue ids
 * and their order (a snapshot, kept here); later pages walk that list and render each issue's
 * *current* state. So while a client pages, every issue that matched at the first page and
 * still exists is returned exactly once, in first-page order — no repeats, no skips, even if
 * tests update, move or reorder issues between pages. Issues deleted meanwhile are left out;
 * issues that start to match after the first page are not added (the next incremental search
 * finds them). Real Jira gives weaker guarantees (its token is a search-after cursor over sort
 * values and search is eventually consistent), so clients still have to deduplicate by id.
 *
 * Snapshots are kept LRU, bounded by count and by total ids; an evicted or forged token is a
 * 400, like an expired one on Jira.
 */

const MAGIC = [0xfb, 0xff, 0xbf];
const VERSION = 1;

export interface Snapshot {
  jql: string;
  ids: Int32Array;
}

export interface CursorPosition {
  cursor: number;
  offset: number;
}

export class SearchCursors {
  private readonly snapshots = new Map<number, Snapshot>();
  private heldIds = 0;
  private seq = 0;

  constructor(
    private readonly secret: number,
    private readonly limits = { maxSnapshots: 512, maxIds: 5_000_000 },
  ) {}

  open(snapshot: Snapshot): number {
    const cursor = ++this.seq;
    this.snapshots.set(cursor, snapshot);
    this.heldIds += snapshot.ids.length;
    while (
      this.snapshots.size > this.limits.maxSnapshots ||
      (this.heldIds > this.limits.maxIds && this.snapshots.size > 1)
    ) {
      const oldest = this.snapshots.keys().next().value;
      if (oldest === undefined || oldest === cursor) break;
      this.heldIds -= this.snapshots.get(oldest)?.ids.length ?? 0;
      this.snapshots.delete(oldest);
    }
    return cursor;
  }

  get(cursor: number): Snapshot | undefined {
    const snapshot = this.snapshots.get(cursor);
    if (snapshot) {
      // Recently used snapshots move to the back of the eviction queue.
      this.snapshots.delete(cursor);
      this.snapshots.set(cursor, snapshot);
    }
    return snapshot;
  }

  encode(position: CursorPosition): string {
    const bytes = Buffer.alloc(14);
    bytes.set(MAGIC, 0);
    bytes.writeUInt8(VERSION, 3);
    bytes.writeUInt32BE(position.cursor, 4);
    bytes.writeUInt32BE(position.offset, 8);
    bytes.writeUInt16BE(this.check(position), 12);
    return bytes.toString('base64');
  }

  decode(token: string): CursorPosition | null {
    const bytes = Buffer.from(token, 'base64');
    if (bytes.length !== 14 || bytes.toString('base64') !== token) return null;
    if (bytes[0] !== MAGIC[0] || bytes[1] !== MAGIC[1] || bytes[2] !== MAGIC[2]) return null;
    if (bytes.readUInt8(3) !== VERSION) return null;
    const position = { cursor: bytes.readUInt32BE(4), offset: bytes.readUInt32BE(8) };
    return bytes.readUInt16BE(12) === this.check(position) ? position : null;
  }

  private check(position: CursorPosition): number {
    let h = this.secret ^ 0x9e3779b9;
    h = Math.imul(h ^ position.cursor, 0x85ebca6b);
    h = Math.imul(h ^ position.offset, 0xc2b2ae35);
    return (h ^ (h >>> 16)) & 0xffff;
  }
}
