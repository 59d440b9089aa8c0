/**
 * The port the sticky-comment logic talks to, so that the logic (create once, edit in place, find
 * again by marker, converge duplicates) is the same for Jira and GitHub. Adapters:
 * `jira-comments.ts` (jira.js) and `github-comments.ts` (Octokit). Adapters raise the typed errors
 * of `src/lib/errors` and decide nothing about retrying.
 */
import type { MarkerValue } from './render/marker.js';
import type { CommentKind, RenderedComment } from './render/index.js';

export interface RemoteComment {
  id: string;
  /** What the comment says about itself when the adapter read it (found by marker); else null. */
  marker: MarkerValue | null;
  /** The body as the site returns it: Markdown, or the ADF document as JSON. */
  body: string;
  /** ISO time the comment was created: the oldest of duplicates wins. */
  createdAt: string;
}

export interface CommentPort {
  readonly kind: CommentKind;
  /** The comment `id` on `target`; null when it is gone (deleted, or not on that target). */
  get(target: string, id: string): Promise<RemoteComment | null>;
  /** northstar's own summary comments for `nodeId` on `target` (marker and author checked). */
  findMarked(target: string, nodeId: string): Promise<RemoteComment[]>;
  create(target: string, comment: RenderedComment): Promise<RemoteComment>;
  update(target: string, id: string, comment: RenderedComment): Promise<RemoteComment>;
  /** Deletes one of our own duplicate comments; a comment already gone is not an error. */
  remove(target: string, id: string): Promise<void>;
}

/** Oldest first: by creation time, then by numeric id (both sites hand out increasing ids). */
export function oldestFirst(a: RemoteComment, b: RemoteComment): number {
  if (a.createdAt !== b.createdAt) return Date.parse(a.createdAt) - Date.parse(b.createdAt);
  const byNumber = Number(a.id) - Number(b.id);
  return Number.isNaN(byNumber) ? a.id.localeCompare(b.id) : byNumber;
}
