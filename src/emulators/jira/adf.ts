/**
 * The emulator's check of Atlassian Document Format bodies, so a malformed comment gets the 400
 * Jira gives it. It follows the ADF structure and node reference
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/): a `doc` of
 * version 1 with a content array; known node types only, each in a parent that allows it;
 * text nodes with non-empty text; marks of known types (a `link` needs an `href`); the
 * attributes the nodes northstar uses require (heading level, status text/colour, mention id…).
 *
 * (The write-back has its own validator; the lead will merge the two into src/lib.)
 */

type Json = Record<string, unknown>;

const INLINE = new Set(['text', 'hardBreak', 'mention', 'emoji', 'inlineCard', 'status', 'date']);
const LIST = new Set(['bulletList', 'orderedList']);
const BLOCK = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'codeBlock',
  'blockquote',
  'rule',
  'panel',
  'table',
  'mediaSingle',
  'mediaGroup',
  'expand',
  'blockCard',
  'taskList',
  'decisionList',
]);
const CELL_CONTENT = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'codeBlock',
  'blockquote',
  'rule',
  'panel',
  'mediaSingle',
  'nestedExpand',
  'blockCard',
  'taskList',
  'decisionList',
]);

/** Which children each node type allows; `null` = a leaf (no `content`). */
const CHILDREN: Record<string, ReadonlySet<string> | null> = {
  doc: BLOCK,
  paragraph: INLINE,
  heading: INLINE,
  bulletList: new Set(['listItem']),
  orderedList: new Set(['listItem']),
  listItem: new Set(['paragraph', 'bulletList', 'orderedList', 'codeBlock', 'mediaSingle']),
  codeBlock: new Set(['text']),
  blockquote: new Set([
    'paragraph',
    'bulletList',
    'orderedList',
    'codeBlock',
    'mediaGroup',
    'mediaSingle',
  ]),
  panel: new Set([
    'paragraph',
    'heading',
    'bulletList',
    'orderedList',
    'blockCard',
    'mediaGroup',
    'mediaSingle',
    'codeBlock',
    'taskList',
    'rule',
    'decisionList',
  ]),
  table: new Set(['tableRow']),
  tableRow: new Set(['tableHeader', 'tableCell']),
  tableHeader: CELL_CONTENT,
  tableCell: CELL_CONTENT,
  expand: new Set([...CELL_CONTENT, 'table']),
  nestedExpand: new Set([
    'paragraph',
    'heading',
    'bulletList',
    'orderedList',
    'codeBlock',
    'rule',
    'panel',
    'mediaGroup',
    'mediaSingle',
  ]),
  taskList: new Set(['taskItem', 'taskList']),
  taskItem: INLINE,
  decisionList: new Set(['decisionItem']),
  decisionItem: INLINE,
  mediaSingle: new Set(['media']),
  mediaGroup: new Set(['media']),
  text: null,
  hardBreak: null,
  mention: null,
  emoji: null,
  inlineCard: null,
  status: null,
  date: null,
  rule: null,
  media: null,
  blockCard: null,
};

const MARKS = new Set([
  'strong',
  'em',
  'code',
  'strike',
  'underline',
  'link',
  'textColor',
  'subsup',
  'backgroundColor',
]);
const STATUS_COLORS = new Set(['neutral', 'purple', 'blue', 'red', 'yellow', 'green']);
const PANEL_TYPES = new Set(['info', 'note', 'warning', 'success', 'error', 'custom']);

/** Problems with the document, each with its path (`content[0].content[1]`); empty = valid. */
export function validateAdfDocument(doc: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(doc)) return ['document: not an object'];
  if (doc['type'] !== 'doc') problems.push('document: type must be "doc"');
  if (doc['version'] !== 1) problems.push('document: version must be 1');
  if (!Array.isArray(doc['content'])) problems.push('document: content must be an array');
  else checkChildren(doc, 'doc', '', problems);
  return problems;
}

function checkNode(node: unknown, parent: string, path: string, problems: string[]): void {
  if (!isObject(node) || typeof node['type'] !== 'string') {
    problems.push(`${path}: node without a type`);
    return;
  }
  const type = node['type'];
  if (!(type in CHILDREN)) {
    problems.push(`${path}: unknown node type "${type}"`);
    return;
  }
  if (!CHILDREN[parent]?.has(type))
    problems.push(`${path}: "${type}" is not allowed in "${parent}"`);
  checkAttrs(node, type, path, problems);
  if (type === 'text') {
    if (typeof node['text'] !== 'string' || node['text'] === '')
      problems.push(`${path}: text node without text`);
    checkMarks(node['marks'], parent === 'codeBlock', path, problems);
  } else if (node['marks'] !== undefined && type !== 'paragraph' && type !== 'heading') {
    problems.push(`${path}: "${type}" cannot have marks`);
  }
  if (CHILDREN[type] === null) {
    if (node['content'] !== undefined) problems.push(`${path}: "${type}" cannot have content`);
    return;
  }
  if (
    node['content'] === undefined &&
    (type === 'paragraph' || type === 'heading' || type === 'codeBlock')
  )
    return;
  if (!Array.isArray(node['content'])) {
    problems.push(`${path}: content must be an array`);
    return;
  }
  if (
    node['content'].length === 0 &&
    (LIST.has(type) || type === 'table' || type === 'tableRow' || type === 'listItem')
  )
    problems.push(`${path}: "${type}" needs at least one child`);
  checkChildren(node, type, path, problems);
}

function checkChildren(node: Json, type: string, path: string, problems: string[]): void {
  (node['content'] as unknown[]).forEach((child, i) => {
    checkNode(child, type, `${path ? `${path}.` : ''}content[${i}]`, problems);
  });
}

function checkAttrs(node: Json, type: string, path: string, problems: string[]): void {
  const attrs = isObject(node['attrs']) ? node['attrs'] : {};
  const need = (ok: boolean, what: string): void => {
    if (!ok) problems.push(`${path}: ${type} ${what}`);
  };
  switch (type) {
    case 'heading':
      need(
        Number.isInteger(attrs['level']) &&
          (attrs['level'] as number) >= 1 &&
          (attrs['level'] as number) <= 6,
        'needs attrs.level 1–6',
      );
      break;
    case 'status':
      need(typeof attrs['text'] === 'string', 'needs attrs.text');
      need(
        STATUS_COLORS.has(String(attrs['color'])),
        'needs attrs.color (neutral, purple, blue, red, yellow, green)',
      );
      break;
    case 'mention':
      need(typeof attrs['id'] === 'string' && attrs['id'] !== '', 'needs attrs.id');
      break;
    case 'emoji':
      need(typeof attrs['shortName'] === 'string', 'needs attrs.shortName');
      break;
    case 'inlineCard':
    case 'blockCard':
      need(
        typeof attrs['url'] === 'string' || isObject(attrs['data']),
        'needs attrs.url or attrs.data',
      );
      break;
    case 'date':
      need(typeof attrs['timestamp'] === 'string', 'needs attrs.timestamp');
      break;
    case 'panel':
      need(PANEL_TYPES.has(String(attrs['panelType'])), 'needs a known attrs.panelType');
      break;
    case 'media':
      need(
        typeof attrs['type'] === 'string' &&
          (typeof attrs['id'] === 'string' || typeof attrs['url'] === 'string'),
        'needs attrs.type and attrs.id or url',
      );
      break;
  }
}

function checkMarks(marks: unknown, inCode: boolean, path: string, problems: string[]): void {
  if (marks === undefined) return;
  if (!Array.isArray(marks)) {
    problems.push(`${path}: marks must be an array`);
    return;
  }
  if (inCode && marks.length > 0) problems.push(`${path}: text in a codeBlock cannot have marks`);
  const seen = new Set<string>();
  marks.forEach((mark, i) => {
    const where = `${path}.marks[${i}]`;
    if (!isObject(mark) || typeof mark['type'] !== 'string' || !MARKS.has(mark['type'])) {
      problems.push(`${where}: unknown mark`);
      return;
    }
    if (seen.has(mark['type'])) problems.push(`${where}: duplicate mark "${mark['type']}"`);
    seen.add(mark['type']);
    const attrs = isObject(mark['attrs']) ? mark['attrs'] : {};
    if (mark['type'] === 'link' && (typeof attrs['href'] !== 'string' || attrs['href'] === ''))
      problems.push(`${where}: link needs attrs.href`);
    if (mark['type'] === 'textColor' && !/^#[0-9a-fA-F]{6}$/.test(String(attrs['color'])))
      problems.push(`${where}: textColor needs attrs.color #rrggbb`);
  });
}

/** Plain text of a document (for length limits and the control API's comment listing). */
export function adfText(node: unknown): string {
  if (!isObject(node)) return '';
  if (node['type'] === 'text' && typeof node['text'] === 'string') return node['text'];
  const content = Array.isArray(node['content']) ? node['content'] : [];
  const inner = content.map(adfText).join(node['type'] === 'doc' ? '\n' : '');
  return node['type'] === 'hardBreak' ? '\n' : inner;
}

/** A one-paragraph document. */
export function paragraphDoc(text: string): Json {
  return {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
