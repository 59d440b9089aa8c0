/**
 * Typed Atlassian Document Format (ADF) nodes and their constructors: the subset northstar writes.
 *
 * Comments are built from these constructors only, never by parsing or concatenating strings, so
 * untrusted text (issue titles, names) can only ever end up inside a `text` node, where Jira shows
 * it literally: `@everyone`, `**bold**` or `<script>` stay characters, not mentions or markup.
 *
 * Structure reference: https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 * JSON schema: http://go.atlassian.com/adf-json-schema (`validate.ts` implements its rules).
 */
import { safeHttpUrl } from './url.js';

export type AdfStatusColor = 'neutral' | 'purple' | 'blue' | 'red' | 'yellow' | 'green';

export type AdfMark =
  | { type: 'strong' }
  | { type: 'em' }
  | { type: 'code' }
  | { type: 'strike' }
  | { type: 'link'; attrs: { href: string } };

export interface AdfText {
  type: 'text';
  text: string;
  marks?: AdfMark[];
}

export interface AdfStatus {
  type: 'status';
  attrs: { text: string; color: AdfStatusColor };
}

export interface AdfHardBreak {
  type: 'hardBreak';
}

export type AdfInline = AdfText | AdfStatus | AdfHardBreak;

export interface AdfParagraph {
  type: 'paragraph';
  content: AdfInline[];
}

export interface AdfHeading {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content: AdfInline[];
}

export interface AdfListItem {
  type: 'listItem';
  content: [AdfParagraph, ...(AdfParagraph | AdfBulletList)[]];
}

export interface AdfBulletList {
  type: 'bulletList';
  content: AdfListItem[];
}

export interface AdfTableCell {
  type: 'tableCell' | 'tableHeader';
  content: AdfParagraph[];
}

export interface AdfTableRow {
  type: 'tableRow';
  content: AdfTableCell[];
}

export interface AdfTable {
  type: 'table';
  attrs: { isNumberColumnEnabled: false; layout: 'default' };
  content: AdfTableRow[];
}

export interface AdfRule {
  type: 'rule';
}

export type AdfBlock = AdfParagraph | AdfHeading | AdfBulletList | AdfTable | AdfRule;

export interface AdfDocument {
  version: 1;
  type: 'doc';
  content: AdfBlock[];
}

/**
 * Control characters are dropped and line breaks become spaces: a title is one line, and Jira
 * rejects some control characters in ADF text.
 */
export function cleanText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\s*[\r\n\t\u2028\u2029]+\s*/g, ' ')
  );
}

// ── Inline ──────────────────────────────────────────────────────────────────────────────────────

/** A text node. Empty text is not valid ADF, so callers filter with `inline()`. */
export function text(value: string, ...marks: AdfMark[]): AdfText {
  const node: AdfText = { type: 'text', text: cleanText(value) };
  if (marks.length > 0) node.marks = marks;
  return node;
}

export function strong(value: string): AdfText {
  return text(value, { type: 'strong' });
}

export function em(value: string): AdfText {
  return text(value, { type: 'em' });
}

/** Linked text when `href` is an http(s) URL; plain text otherwise (the link is dropped). */
export function link(value: string, href: string | null, ...marks: AdfMark[]): AdfText {
  const safe = href === null ? null : safeHttpUrl(href);
  if (safe === null) return text(value, ...marks);
  return text(value, ...marks, { type: 'link', attrs: { href: safe } });
}

export function status(label: string, color: AdfStatusColor): AdfStatus {
  return { type: 'status', attrs: { text: cleanText(label), color } };
}

export function hardBreak(): AdfHardBreak {
  return { type: 'hardBreak' };
}

/** Drops empty text nodes (ADF requires `text` to be non-empty). */
export function inline(...nodes: (AdfInline | null | undefined | false)[]): AdfInline[] {
  return nodes.filter(
    (n): n is AdfInline => n !== null && n !== undefined && n !== false && !isEmptyText(n),
  );
}

function isEmptyText(node: AdfInline): boolean {
  return node.type === 'text' && node.text === '';
}

// ── Blocks ──────────────────────────────────────────────────────────────────────────────────────

export function paragraph(...nodes: (AdfInline | null | undefined | false)[]): AdfParagraph {
  return { type: 'paragraph', content: inline(...nodes) };
}

export function heading(
  level: AdfHeading['attrs']['level'],
  ...nodes: (AdfInline | null | undefined | false)[]
): AdfHeading {
  return { type: 'heading', attrs: { level }, content: inline(...nodes) };
}

export function listItem(
  first: AdfParagraph,
  ...rest: (AdfParagraph | AdfBulletList)[]
): AdfListItem {
  return { type: 'listItem', content: [first, ...rest] };
}

/** A bullet list of one paragraph per item; null when there are no items (lists need ≥ 1). */
export function bulletList(items: AdfInline[][]): AdfBulletList | null {
  if (items.length === 0) return null;
  return { type: 'bulletList', content: items.map((item) => listItem(paragraph(...item))) };
}

export function tableCell(...nodes: (AdfInline | null | undefined | false)[]): AdfTableCell {
  return { type: 'tableCell', content: [paragraph(...nodes)] };
}

export function tableHeader(...nodes: (AdfInline | null | undefined | false)[]): AdfTableCell {
  return { type: 'tableHeader', content: [paragraph(...nodes)] };
}

export function tableRow(cells: AdfTableCell[]): AdfTableRow {
  return { type: 'tableRow', content: cells };
}

export function table(rows: AdfTableRow[]): AdfTable {
  return {
    type: 'table',
    attrs: { isNumberColumnEnabled: false, layout: 'default' },
    content: rows,
  };
}

export function rule(): AdfRule {
  return { type: 'rule' };
}

export function doc(...blocks: (AdfBlock | null | undefined | false)[]): AdfDocument {
  return {
    version: 1,
    type: 'doc',
    content: blocks.filter((b): b is AdfBlock => b !== null && b !== undefined && b !== false),
  };
}
