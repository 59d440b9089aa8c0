/**
 * Renders a `CommentModel` for one target kind and computes the content hash that decides whether
 * the remote comment needs an edit.
 *
 * The hash covers the rendered body *without* the "data as of" time: a rollup that is recomputed
 * with the same numbers must not edit a comment (and notify watchers) only to move a timestamp.
 * The footer time therefore says when the numbers shown were computed.
 */
import { contentHash } from '../../lib/hash.js';
import { adfToText } from '../adf/text.js';
import { renderGitHubComment } from './github.js';
import { renderJiraComment } from './jira.js';
import { githubHashTrailer } from './marker.js';
import type { CommentModel } from './model.js';

export type CommentKind = 'jira' | 'github';

export interface RenderedComment {
  kind: CommentKind;
  nodeId: string;
  contentHash: string;
  /** What is sent and stored: Markdown, or the ADF document as JSON. */
  body: string;
}

export function renderComment(kind: CommentKind, model: CommentModel): RenderedComment {
  const timeless: CommentModel = { ...model, dataAsOf: null };
  if (kind === 'github') {
    const hash = contentHash(`github:${renderGitHubComment(timeless)}`);
    return {
      kind,
      nodeId: model.nodeId,
      contentHash: hash,
      body: `${renderGitHubComment(model)}${githubHashTrailer(hash)}\n`,
    };
  }
  const hash = contentHash(`jira:${JSON.stringify(renderJiraComment(timeless))}`);
  return {
    kind,
    nodeId: model.nodeId,
    contentHash: hash,
    body: JSON.stringify(renderJiraComment(model)),
  };
}

/** A stable, readable text of a stored body for diffs: Markdown as is, ADF as its text projection. */
export function readableBody(kind: CommentKind, body: string): string {
  if (kind === 'github') return body;
  try {
    return `${adfToText(JSON.parse(body))}\n`;
  } catch {
    return body;
  }
}
