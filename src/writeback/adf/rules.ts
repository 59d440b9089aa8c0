/**
 * The ADF rules Jira enforces, as data: which nodes exist, which attributes and children each
 * accepts, and which marks may sit where. Taken from Atlassian's ADF JSON schema (v1, `full.json`,
 * http://go.atlassian.com/adf-json-schema) and the structure docs
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/).
 *
 * Covered: the document, text blocks, lists, tables, panels, quotes, code blocks, expands and the
 * inline nodes Jira comments use. Not covered (rejected as unknown): media, extensions, layouts,
 * task/decision lists, cards other than `inlineCard` — northstar never writes them, and an emulator
 * answering 400 to them errs on the strict side.
 */
import { isHttpUrl } from './url.js';

/** Returns a problem description, or null when the value is fine. */
export type AttrCheck = (value: unknown) => string | null;

export interface NodeRule {
  /** Allowed attributes and their checks. */
  attrs: Record<string, AttrCheck>;
  /** Attributes that must be present (then `attrs` itself is required). */
  requiredAttrs: readonly string[];
  /** `attrs` object required even when no single attribute is. */
  attrsRequired?: boolean;
  /** Child node types; undefined = no `content` allowed (leaf). */
  content?: {
    allowed: readonly string[];
    /** Allowed types for the first child when stricter than the rest (listItem). */
    first?: readonly string[];
    min: number;
    required: boolean;
  };
  /** Block marks allowed on this node, by parent type (`*` = any parent). */
  marks?: Readonly<Record<string, readonly string[]>>;
  /** Inline nodes may only appear where inline content is expected. */
  inline: boolean;
}

// ── Attribute checks ────────────────────────────────────────────────────────────────────────────

const isString: AttrCheck = (v) => (typeof v === 'string' ? null : 'must be a string');
const nonEmptyString: AttrCheck = (v) =>
  typeof v === 'string' && v.length > 0 ? null : 'must be a non-empty string';
const isBoolean: AttrCheck = (v) => (typeof v === 'boolean' ? null : 'must be a boolean');
const isNumber: AttrCheck = (v) =>
  typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';

function oneOf(...values: readonly unknown[]): AttrCheck {
  return (v) =>
    values.includes(v) ? null : `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`;
}

function numberIn(min: number, max: number): AttrCheck {
  return (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? null
      : `must be a number from ${min} to ${max}`;
}

const positiveInt: AttrCheck = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : 'must be an integer ≥ 1';

const numberArray: AttrCheck = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'number') ? null : 'must be an array of numbers';

/** northstar's rule (stricter than Jira): links are absolute http(s) URLs and nothing else. */
export const httpUrl: AttrCheck = (v) =>
  typeof v === 'string' && isHttpUrl(v) ? null : 'must be an absolute http(s) URL';

// ── Groups ──────────────────────────────────────────────────────────────────────────────────────

export const INLINE_NODES = [
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'date',
  'status',
  'inlineCard',
] as const;

const LISTS = ['bulletList', 'orderedList'] as const;

export const DOC_BLOCKS = [
  'paragraph',
  'heading',
  ...LISTS,
  'codeBlock',
  'blockquote',
  'panel',
  'rule',
  'table',
  'expand',
] as const;

const CELL_BLOCKS = [
  'paragraph',
  'heading',
  ...LISTS,
  'codeBlock',
  'panel',
  'blockquote',
  'rule',
] as const;

const EXPAND_BLOCKS = [...CELL_BLOCKS, 'table'] as const;

const inlineContent = { allowed: INLINE_NODES, min: 0, required: false };

function leaf(attrs: Record<string, AttrCheck> = {}, requiredAttrs: string[] = []): NodeRule {
  return { attrs, requiredAttrs, inline: true };
}

// ── Marks ───────────────────────────────────────────────────────────────────────────────────────

export interface MarkRule {
  attrs: Record<string, AttrCheck>;
  requiredAttrs: readonly string[];
}

/** Marks allowed on text nodes (formatted text). `code` may only be combined with `link`. */
export const TEXT_MARKS: Readonly<Record<string, MarkRule>> = {
  strong: { attrs: {}, requiredAttrs: [] },
  em: { attrs: {}, requiredAttrs: [] },
  strike: { attrs: {}, requiredAttrs: [] },
  underline: { attrs: {}, requiredAttrs: [] },
  code: { attrs: {}, requiredAttrs: [] },
  link: {
    attrs: {
      href: httpUrl,
      title: isString,
      id: isString,
      collection: isString,
      occurrenceKey: isString,
    },
    requiredAttrs: ['href'],
  },
  subsup: { attrs: { type: oneOf('sub', 'sup') }, requiredAttrs: ['type'] },
  textColor: {
    attrs: {
      color: (v) =>
        typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v) ? null : 'must be a #rrggbb color',
    },
    requiredAttrs: ['color'],
  },
};

/** Marks that sit on block nodes (alignment, indentation, breakout). */
export const BLOCK_MARKS: Readonly<Record<string, MarkRule>> = {
  alignment: { attrs: { align: oneOf('center', 'end') }, requiredAttrs: ['align'] },
  indentation: { attrs: { level: numberIn(1, 6) }, requiredAttrs: ['level'] },
  breakout: { attrs: { mode: oneOf('wide', 'full-width') }, requiredAttrs: ['mode'] },
};

/** Marks that may be combined with `code` on one text node. */
export const CODE_COMPANIONS: readonly string[] = ['code', 'link'];

// ── Nodes ───────────────────────────────────────────────────────────────────────────────────────

const cellAttrs = {
  colspan: positiveInt,
  rowspan: positiveInt,
  colwidth: numberArray,
  background: isString,
};

const cellRule: NodeRule = {
  attrs: cellAttrs,
  requiredAttrs: [],
  content: { allowed: CELL_BLOCKS, min: 1, required: true },
  inline: false,
};

export const NODE_RULES: Readonly<Record<string, NodeRule>> = {
  doc: {
    attrs: {},
    requiredAttrs: [],
    content: { allowed: DOC_BLOCKS, min: 0, required: true },
    inline: false,
  },
  paragraph: {
    attrs: { localId: isString },
    requiredAttrs: [],
    content: inlineContent,
    marks: {
      doc: ['alignment', 'indentation'],
      tableCell: ['alignment'],
      tableHeader: ['alignment'],
    },
    inline: false,
  },
  heading: {
    attrs: { level: numberIn(1, 6), localId: isString },
    requiredAttrs: ['level'],
    content: inlineContent,
    marks: {
      doc: ['alignment', 'indentation'],
      tableCell: ['alignment', 'indentation'],
      tableHeader: ['alignment', 'indentation'],
    },
    inline: false,
  },
  bulletList: {
    attrs: { localId: isString },
    requiredAttrs: [],
    content: { allowed: ['listItem'], min: 1, required: true },
    inline: false,
  },
  orderedList: {
    attrs: { order: numberIn(0, Number.MAX_SAFE_INTEGER), localId: isString },
    requiredAttrs: [],
    content: { allowed: ['listItem'], min: 1, required: true },
    inline: false,
  },
  listItem: {
    attrs: { localId: isString },
    requiredAttrs: [],
    content: {
      first: ['paragraph', 'codeBlock'],
      allowed: ['paragraph', 'codeBlock', ...LISTS],
      min: 1,
      required: true,
    },
    inline: false,
  },
  codeBlock: {
    attrs: { language: isString },
    requiredAttrs: [],
    content: { allowed: ['text'], min: 0, required: false },
    marks: { doc: ['breakout'] },
    inline: false,
  },
  blockquote: {
    attrs: {},
    requiredAttrs: [],
    content: { allowed: ['paragraph', ...LISTS, 'codeBlock'], min: 1, required: true },
    inline: false,
  },
  panel: {
    attrs: {
      panelType: oneOf('info', 'note', 'tip', 'warning', 'error', 'success', 'custom'),
      panelIcon: isString,
      panelIconId: isString,
      panelIconText: isString,
      panelColor: isString,
    },
    requiredAttrs: ['panelType'],
    content: { allowed: ['paragraph', 'heading', ...LISTS], min: 1, required: true },
    inline: false,
  },
  rule: { attrs: {}, requiredAttrs: [], inline: false },
  table: {
    attrs: {
      isNumberColumnEnabled: isBoolean,
      layout: oneOf('wide', 'full-width', 'default', 'center', 'align-end', 'align-start'),
      width: isNumber,
      displayMode: oneOf('default', 'fixed'),
      localId: nonEmptyString,
    },
    requiredAttrs: [],
    content: { allowed: ['tableRow'], min: 1, required: true },
    inline: false,
  },
  tableRow: {
    attrs: {},
    requiredAttrs: [],
    content: { allowed: ['tableCell', 'tableHeader'], min: 1, required: true },
    inline: false,
  },
  tableCell: cellRule,
  tableHeader: cellRule,
  expand: {
    attrs: { title: isString },
    requiredAttrs: [],
    attrsRequired: true,
    content: { allowed: EXPAND_BLOCKS, min: 1, required: true },
    marks: { doc: ['breakout'] },
    inline: false,
  },
  hardBreak: leaf({ text: oneOf('\n') }),
  mention: leaf(
    {
      id: isString,
      text: isString,
      userType: oneOf('DEFAULT', 'SPECIAL', 'APP'),
      accessLevel: isString,
      localId: isString,
    },
    ['id'],
  ),
  emoji: leaf({ shortName: isString, id: isString, text: isString }, ['shortName']),
  date: leaf({ timestamp: nonEmptyString }, ['timestamp']),
  status: leaf(
    {
      text: nonEmptyString,
      color: oneOf('neutral', 'purple', 'blue', 'red', 'yellow', 'green'),
      localId: isString,
      style: isString,
    },
    ['text', 'color'],
  ),
  inlineCard: leaf({ url: httpUrl, data: () => null }),
};
