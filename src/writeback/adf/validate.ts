/**
 * `validateAdf(doc)`: checks a value against the ADF rules Jira enforces (see `rules.ts`), so a
 * malformed comment fails in our tests rather than as a 400 from Jira — and so the Jira emulator
 * can answer 400 where Jira would. Self-contained on purpose: it imports nothing outside this
 * folder.
 *
 * Checks: `version: 1` and `type: "doc"` at the root; known node types only; no unknown keys;
 * required and allowed attributes with their values; which children each node accepts (and how
 * many); non-empty text; which marks a text or block node may carry, without duplicates, `code`
 * combined with `link` only; link and card URLs absolute http(s).
 */
import {
  BLOCK_MARKS,
  CODE_COMPANIONS,
  NODE_RULES,
  TEXT_MARKS,
  type AttrCheck,
  type MarkRule,
  type NodeRule,
} from './rules.js';

export interface AdfProblem {
  /** JSON path of the offending value, e.g. `content[2].content[0].attrs.color`. */
  path: string;
  message: string;
}

export interface AdfValidation {
  valid: boolean;
  problems: AdfProblem[];
}

export interface ValidateAdfOptions {
  /** Stop collecting after this many problems (default 50). */
  maxProblems?: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Collector {
  readonly problems: AdfProblem[] = [];
  constructor(private readonly max: number) {}
  add(path: string, message: string): void {
    if (this.problems.length < this.max) this.problems.push({ path: path || '(root)', message });
  }
  get full(): boolean {
    return this.problems.length >= this.max;
  }
}

export function validateAdf(value: unknown, options: ValidateAdfOptions = {}): AdfValidation {
  const out = new Collector(options.maxProblems ?? 50);
  if (!isObject(value)) {
    out.add('', 'an ADF document must be a JSON object');
  } else {
    if (value['type'] !== 'doc') out.add('type', 'the root node must have type "doc"');
    if (value['version'] !== 1) out.add('version', 'the document version must be 1');
    checkKeys(value, ['type', 'version', 'content'], '', out);
    if (value['type'] === 'doc') checkChildren(value, NODE_RULES['doc'], 'doc', '', out);
  }
  return { valid: out.problems.length === 0, problems: out.problems };
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function checkKeys(node: Json, allowed: readonly string[], path: string, out: Collector): void {
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) out.add(join(path, key), `unexpected property "${key}"`);
  }
}

function checkAttrs(
  holder: Json,
  rule: { attrs: Record<string, AttrCheck>; requiredAttrs: readonly string[] },
  required: boolean,
  path: string,
  out: Collector,
): void {
  const attrsPath = join(path, 'attrs');
  const attrs = holder['attrs'];
  if (attrs === undefined) {
    if (required || rule.requiredAttrs.length > 0) out.add(attrsPath, 'attrs are required');
    return;
  }
  if (!isObject(attrs)) {
    out.add(attrsPath, 'attrs must be an object');
    return;
  }
  for (const [key, v] of Object.entries(attrs)) {
    const check = rule.attrs[key];
    if (!check) {
      out.add(join(attrsPath, key), `unexpected attribute "${key}"`);
      continue;
    }
    const problem = check(v);
    if (problem) out.add(join(attrsPath, key), problem);
  }
  for (const key of rule.requiredAttrs) {
    if (attrs[key] === undefined) out.add(join(attrsPath, key), `attribute "${key}" is required`);
  }
}

function checkChildren(
  node: Json,
  rule: NodeRule | undefined,
  type: string,
  path: string,
  out: Collector,
): void {
  const spec = rule?.content;
  const content = node['content'];
  const contentPath = join(path, 'content');
  if (!spec) {
    if (content !== undefined) out.add(contentPath, `"${type}" nodes have no content`);
    return;
  }
  if (content === undefined) {
    if (spec.required) out.add(contentPath, `"${type}" needs content`);
    return;
  }
  if (!Array.isArray(content)) {
    out.add(contentPath, 'content must be an array');
    return;
  }
  if (content.length < spec.min) {
    out.add(contentPath, `"${type}" needs at least ${spec.min} child node(s)`);
  }
  content.forEach((child: unknown, i) => {
    if (out.full) return;
    const childPath = join(contentPath, i);
    const allowed = i === 0 && spec.first ? spec.first : spec.allowed;
    const childType = isObject(child) ? child['type'] : undefined;
    if (typeof childType === 'string' && !allowed.includes(childType)) {
      const known = childType === 'text' || (childType !== 'doc' && childType in NODE_RULES);
      const where = i === 0 && spec.first ? 'first ' : '';
      out.add(
        join(childPath, 'type'),
        known
          ? `"${childType}" is not allowed ${where}inside "${type}"`
          : `unknown node type "${childType}"`,
      );
      return;
    }
    checkNode(child, type, childPath, out);
  });
}

function checkNode(node: unknown, parent: string, path: string, out: Collector): void {
  if (!isObject(node)) {
    out.add(path, 'a node must be a JSON object');
    return;
  }
  const type = node['type'];
  if (typeof type !== 'string') {
    out.add(join(path, 'type'), 'a node needs a string "type"');
    return;
  }
  if (type === 'text') {
    checkText(node, parent, path, out);
    return;
  }
  const rule = NODE_RULES[type];
  if (!rule || type === 'doc') {
    out.add(join(path, 'type'), `unknown node type "${type}"`);
    return;
  }
  const keys = ['type', 'attrs'];
  if (rule.content) keys.push('content');
  if (rule.marks) keys.push('marks');
  checkKeys(node, keys, path, out);
  checkAttrs(node, rule, rule.attrsRequired === true, path, out);
  if (type === 'inlineCard') checkInlineCard(node, path, out);
  if (rule.marks) checkBlockMarks(node, rule.marks[parent] ?? [], type, path, out);
  checkChildren(node, rule, type, path, out);
}

function checkInlineCard(node: Json, path: string, out: Collector): void {
  const attrs = node['attrs'];
  if (!isObject(attrs)) return;
  const has = ['url', 'data'].filter((k) => attrs[k] !== undefined);
  if (has.length !== 1) out.add(join(path, 'attrs'), 'inlineCard needs exactly one of url, data');
}

function checkText(node: Json, parent: string, path: string, out: Collector): void {
  checkKeys(node, ['type', 'text', 'marks'], path, out);
  const text = node['text'];
  if (typeof text !== 'string' || text.length === 0) {
    out.add(join(path, 'text'), 'text must be a non-empty string');
  }
  const marks = node['marks'];
  if (marks === undefined) return;
  const marksPath = join(path, 'marks');
  if (!Array.isArray(marks)) {
    out.add(marksPath, 'marks must be an array');
    return;
  }
  if (parent === 'codeBlock' && marks.length > 0) {
    out.add(marksPath, 'text inside a codeBlock cannot carry marks');
    return;
  }
  const types = checkMarkList(marks, TEXT_MARKS, marksPath, out);
  if (types.includes('code') && types.some((t) => !CODE_COMPANIONS.includes(t))) {
    out.add(marksPath, 'the "code" mark can only be combined with "link"');
  }
}

function checkBlockMarks(
  node: Json,
  allowed: readonly string[],
  type: string,
  path: string,
  out: Collector,
): void {
  const marks = node['marks'];
  if (marks === undefined) return;
  const marksPath = join(path, 'marks');
  if (!Array.isArray(marks)) {
    out.add(marksPath, 'marks must be an array');
    return;
  }
  const rules: Record<string, MarkRule> = {};
  for (const name of allowed) {
    const r = BLOCK_MARKS[name];
    if (r) rules[name] = r;
  }
  const types = checkMarkList(marks, rules, marksPath, out);
  if (types.includes('alignment') && types.includes('indentation')) {
    out.add(marksPath, `a ${type} cannot be both aligned and indented`);
  }
}

/** Validates each mark against `rules`; returns the mark types seen. */
function checkMarkList(
  marks: unknown[],
  rules: Readonly<Record<string, MarkRule>>,
  path: string,
  out: Collector,
): string[] {
  const seen: string[] = [];
  marks.forEach((mark: unknown, i) => {
    const markPath = join(path, i);
    if (!isObject(mark) || typeof mark['type'] !== 'string') {
      out.add(markPath, 'a mark must be an object with a string "type"');
      return;
    }
    const type = mark['type'];
    const rule = rules[type];
    if (!rule) {
      out.add(join(markPath, 'type'), `mark "${type}" is not allowed here`);
      return;
    }
    if (seen.includes(type)) out.add(join(markPath, 'type'), `mark "${type}" appears twice`);
    seen.push(type);
    checkKeys(mark, ['type', 'attrs'], markPath, out);
    if (Object.keys(rule.attrs).length === 0) {
      if (mark['attrs'] !== undefined) out.add(join(markPath, 'attrs'), `"${type}" has no attrs`);
      return;
    }
    checkAttrs(mark, rule, true, markPath, out);
  });
  return seen;
}
