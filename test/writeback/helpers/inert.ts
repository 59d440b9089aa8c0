/**
 * Checks a summary comment body *as a site stores it* for everything untrusted text must not do:
 * ping (`@user`, `@org/team`), inject markup or HTML, or link anywhere but http(s). Returns the
 * problems found (empty: the body is inert), so a test can print them all at once.
 */
import { adfToText } from '../../../src/writeback/adf/text.js';
import { validateAdf } from '../../../src/writeback/adf/validate.js';
import { parseGitHubMarker } from '../../../src/writeback/render/marker.js';
import { issueReferencesIn, linkTargets, mentionsIn, renderMarkdown } from './markdown.js';

type Node = Record<string, unknown> & {
  content?: Node[];
  marks?: Node[];
  attrs?: Record<string, unknown>;
};

/** ADF nodes the renderer may use: none of them pings, embeds or runs anything. */
const SAFE_ADF_NODES = new Set([
  'doc',
  'paragraph',
  'heading',
  'text',
  'bulletList',
  'orderedList',
  'listItem',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'status',
  'rule',
  'hardBreak',
]);

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

export function jiraBodyProblems(body: string): string[] {
  const doc = JSON.parse(body) as Node;
  const problems = validateAdf(doc).problems.map((p) => `ADF ${p.path}: ${p.message}`);
  walk(doc, (n) => {
    const type = String(n['type']);
    if (!SAFE_ADF_NODES.has(type)) problems.push(`node type ${type}`);
    for (const mark of n.marks ?? []) {
      const href = mark.attrs?.['href'];
      if (mark['type'] === 'link' && !/^https?:\/\//.test(String(href)))
        problems.push(`link to ${String(href)}`);
    }
  });
  return problems;
}

export function githubBodyProblems(body: string): string[] {
  const problems: string[] = [];
  const html = renderMarkdown(body);
  const bad = /<script|<b>|<img|<h1|<strong>bold<\/strong>|<em>em<\/em>/i.exec(html);
  if (bad) problems.push(`markup: ${bad[0]}`);
  for (const mention of mentionsIn(html)) problems.push(`mention ${mention}`);
  for (const ref of issueReferencesIn(html)) problems.push(`issue reference ${ref}`);
  for (const target of linkTargets(html))
    if (!/^https?:\/\//.test(target)) problems.push(`link to ${target}`);
  // Our marker and hash trailer are the only HTML comments.
  const comments = html.match(/<!--/g)?.length ?? 0;
  if (comments !== 2) problems.push(`${comments} HTML comments`);
  if (parseGitHubMarker(body) === null) problems.push('no northstar marker');
  return problems;
}

/** The readable text of a stored body (ADF as text, Markdown rendered and unescaped). */
export function visibleText(kind: 'jira' | 'github', body: string): string {
  if (kind === 'jira') return adfToText(JSON.parse(body));
  return renderMarkdown(body)
    .replace(/<[^>]*>/g, '')
    .replace(/\u200B/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
