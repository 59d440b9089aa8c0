/**
 * Turns parsed JQL into a predicate and an order, checking it the way Jira does: unknown
 * fields, operators a field does not take, values that do not exist (`project = NOPE`,
 * `key = ABC-999`) and bad dates are 400s, all problems reported together.
 *
 * Semantics worth knowing (all Jira's):
 * - `!=` and `NOT IN` never match an issue whose field is EMPTY (`assignee != x` skips
 *   unassigned issues); use `OR field is EMPTY` to include them.
 * - Dates compare at minute resolution: `updated > "2026/11/20 14:03"` does not match an issue
 *   updated at 14:03:30, because the index keeps minutes only.
 * - `key = OLD-1` finds an issue that has since moved to another project.
 */
import type { GroupField, JiraStore, TimeField } from '../store/store.js';
import type { IssueRecord } from '../store/types.js';
import type { ZonedTime } from '../time.js';
import {
  groupBound,
  intersectionBound,
  labelBound,
  listBound,
  timeBound,
  unionBound,
  type Bound,
  type RangeOperator,
} from './bounds.js';
import { dateFunction, invalidDateMessage, parseDateValue, truncate } from './dates.js';
import {
  FIELD_CLASS,
  numericReader,
  OPERATORS_BY_CLASS,
  optionReader,
  resolveField,
  resolveOption,
  type FieldKind,
} from './fields.js';
import { JqlError } from './lexer.js';
import { compileOrder } from './order.js';
import { parseJql, type Clause, type JqlNode, type Operand } from './parser.js';

export interface JqlContext {
  store: JiraStore;
  time: ZonedTime;
  now: number;
  /** User index of the caller, for `currentUser()`. */
  currentUser: number;
}

export interface CompiledJql {
  /** Whether the query restricts anything (enhanced search refuses unbounded queries). */
  bounded: boolean;
  matches: (issue: IssueRecord) => boolean;
  compare: (a: IssueRecord, b: IssueRecord) => number;
  /** 1 / -1 when the order is by issue id ascending / descending (no sort needed), else 0. */
  idOrder: 1 | -1 | 0;
  /**
   * The indexes of the matching issues, ascending (deleted ones included), read from the
   * store's indexes (see `bounds.ts`); null when the query gives no bound and every issue must
   * be tested with `matches`.
   */
  candidates: () => Int32Array | null;
}

type Predicate = (issue: IssueRecord) => boolean;

/** The bound each predicate allows, recorded as it is compiled. */
const narrowing = new WeakMap<Predicate, Bound>();

export function compileJql(jql: string, ctx: JqlContext): CompiledJql {
  const query = parseJql(jql);
  const errors: string[] = [];
  const matches = query.where ? compileNode(query.where, ctx, errors) : () => true;
  const { compare, idOrder } = compileOrder(query.orderBy, ctx.store, errors);
  if (errors.length > 0) throw new JqlError(errors);
  const bound = narrowing.get(matches);
  return {
    bounded: query.where !== null,
    matches,
    compare,
    idOrder,
    candidates: () => (bound ? bound.ids() : null),
  };
}

function compileNode(node: JqlNode, ctx: JqlContext, errors: string[]): Predicate {
  switch (node.kind) {
    case 'and': {
      const parts = node.nodes.map((n) => compileNode(n, ctx, errors));
      const predicate: Predicate = (issue) => {
        for (const part of parts) if (!part(issue)) return false;
        return true;
      };
      // Every match is in each part's bound: start from the smallest.
      const bounds = parts.flatMap((p, at) => {
        const bound = narrowing.get(p);
        return bound ? [{ bound, at }] : [];
      });
      if (bounds.length > 0)
        narrowing.set(predicate, intersectionBound(parts, bounds, ctx.store.issues));
      return predicate;
    }
    case 'or': {
      const parts = node.nodes.map((n) => compileNode(n, ctx, errors));
      const predicate: Predicate = (issue) => {
        for (const part of parts) if (part(issue)) return true;
        return false;
      };
      // Bounded only when every alternative is: then the union of their bounds.
      const bounds = parts.map((p) => narrowing.get(p));
      if (bounds.every((b) => b !== undefined)) narrowing.set(predicate, unionBound(bounds));
      return predicate;
    }
    case 'not': {
      const inner = compileNode(node.node, ctx, errors);
      return (issue) => !inner(issue);
    }
    case 'clause':
      return compileClause(node, ctx, errors);
  }
}

/** Fields whose `=` / `IN` can start from an index instead of every issue. */
const NARROWABLE: Partial<Record<FieldKind, GroupField | 'key'>> = {
  key: 'key',
  project: 'project',
  parent: 'parent',
  epicLink: 'epicLink',
};

function narrowed(
  predicate: Predicate,
  kind: FieldKind,
  wanted: ReadonlySet<number | string>,
  store: JiraStore,
): Predicate {
  const index = NARROWABLE[kind];
  if (index === undefined || wanted.has(-1)) return predicate;
  const values = [...wanted].filter((v): v is number => typeof v === 'number');
  narrowing.set(predicate, index === 'key' ? listBound(values) : groupBound(store, index, values));
  return predicate;
}

const never: Predicate = () => false;

function compileClause(clause: Clause, ctx: JqlContext, errors: string[]): Predicate {
  const field = resolveField(ctx.store, clause.field);
  if ('error' in field) {
    errors.push(field.error);
    return never;
  }
  const kind = field.kind;
  const cls = FIELD_CLASS[kind];
  if (!OPERATORS_BY_CLASS[cls].includes(clause.op)) {
    errors.push(`The operator '${clause.op}' is not supported by the '${clause.field}' field.`);
    return never;
  }
  const emptyTest = emptinessTest(ctx.store, kind);
  if (clause.op === 'is' || clause.op === 'is not' || clause.operand.kind === 'empty') {
    if (clause.operand.kind !== 'empty') {
      errors.push(`The operator '${clause.op}' only supports the 'EMPTY' or 'NULL' operands.`);
      return never;
    }
    const negate = clause.op === 'is not' || clause.op === '!=';
    return (issue) => emptyTest(issue) !== negate;
  }
  if (cls === 'text') {
    const needle = operandTexts(clause.operand).join(' ').toLowerCase();
    const contains: Predicate = (issue) => issue.summary.toLowerCase().includes(needle);
    return clause.op === '~' ? contains : (issue) => !contains(issue);
  }
  if (cls === 'date' || cls === 'day' || cls === 'number')
    return compileNumeric(clause, kind, ctx, errors);

  // Option-like and multi-valued fields: resolve every named value first.
  const wanted = new Set<number | string>();
  for (const item of operandItems(clause.operand)) {
    if (item.kind === 'empty') {
      wanted.add(-1);
      continue;
    }
    if (item.kind === 'function') {
      if (
        item.name.toLowerCase() === 'currentuser' &&
        (kind === 'assignee' || kind === 'reporter')
      ) {
        wanted.add(ctx.currentUser);
      } else {
        errors.push(`Unable to find JQL function '${item.name}(${item.args.join(', ')})'.`);
      }
      continue;
    }
    if (item.kind !== 'value') continue;
    if (cls === 'multi') {
      wanted.add(item.text.toLowerCase());
      continue;
    }
    const hits = resolveOption(ctx.store, kind, item.text);
    if (hits === null) errors.push(valueError(ctx.store, kind, clause.field, item.text));
    else for (const hit of hits) wanted.add(hit);
  }
  const positive = clause.op === '=' || clause.op === 'in';
  const read = optionReader(ctx.store, kind);
  if (cls === 'multi') {
    const predicate: Predicate = (issue) => {
      if (issue.labels.length === 0) return positive && wanted.has(-1);
      const any = issue.labels.some((l) => wanted.has(l.toLowerCase()));
      return positive ? any : !any;
    };
    if (positive && !wanted.has(-1)) {
      const labels = [...wanted].filter((v): v is string => typeof v === 'string');
      narrowing.set(predicate, labelBound(ctx.store, labels));
    }
    return predicate;
  }
  if (positive) {
    return narrowed((issue) => wanted.has(read(issue)), kind, wanted, ctx.store);
  }
  return (issue) => {
    const value = read(issue);
    return value !== -1 && !wanted.has(value);
  };
}

function compileNumeric(
  clause: Clause,
  kind: FieldKind,
  ctx: JqlContext,
  errors: string[],
): Predicate {
  const cls = FIELD_CLASS[kind];
  const values: number[] = [];
  for (const item of operandItems(clause.operand)) {
    let value: number | null = null;
    if (item.kind === 'function') {
      value = cls === 'number' ? null : dateFunction(item.name, item.args, ctx);
      if (value === null) {
        errors.push(`Unable to find JQL function '${item.name}(${item.args.join(', ')})'.`);
        continue;
      }
    } else if (item.kind === 'value') {
      value = cls === 'number' ? numberOrNull(item.text) : parseDateValue(item.text, ctx);
      if (value === null) {
        errors.push(
          cls === 'number'
            ? `The value '${item.text}' for field '${clause.field}' is invalid.`
            : invalidDateMessage(item.text, clause.field),
        );
        continue;
      }
    }
    if (value === null) continue;
    values.push(cls === 'day' ? ctx.time.localDay(value) : value);
  }
  const value = numericReader(ctx.store, kind);
  const read = cls === 'date' ? (issue: IssueRecord) => truncate(value(issue)) : value;
  const target = values[0] ?? Number.NaN;
  // NaN (EMPTY) fails every comparison below, `!=` and `not in` included.
  let predicate: Predicate;
  switch (clause.op) {
    case '=':
      predicate = (issue) => read(issue) === target;
      break;
    case '!=':
      predicate = (issue) => {
        const v = read(issue);
        return !Number.isNaN(v) && v !== target;
      };
      break;
    case '>':
      predicate = (issue) => read(issue) > target;
      break;
    case '>=':
      predicate = (issue) => read(issue) >= target;
      break;
    case '<':
      predicate = (issue) => read(issue) < target;
      break;
    case '<=':
      predicate = (issue) => read(issue) <= target;
      break;
    case 'in':
      predicate = (issue) => {
        const v = read(issue);
        return !Number.isNaN(v) && values.includes(v);
      };
      break;
    case 'not in':
      predicate = (issue) => {
        const v = read(issue);
        return !Number.isNaN(v) && !values.includes(v);
      };
      break;
    default:
      return never;
  }
  const field = TIME_FIELDS[kind];
  if (field !== undefined && isRangeOperator(clause.op) && values.length === 1)
    narrowing.set(predicate, timeBound(ctx.store, field, clause.op, target));
  return predicate;
}

/** Date fields with a sorted index in the store (`JiraStore.issuesByTime`). */
const TIME_FIELDS: Partial<Record<FieldKind, TimeField>> = {
  created: 'created',
  updated: 'updated',
  resolved: 'resolved',
};

function isRangeOperator(op: string): op is RangeOperator {
  return op === '=' || op === '>' || op === '>=' || op === '<' || op === '<=';
}

function emptinessTest(store: JiraStore, kind: FieldKind): Predicate {
  const cls = FIELD_CLASS[kind];
  if (cls === 'multi') return (issue) => issue.labels.length === 0;
  if (cls === 'text') return (issue) => issue.summary === '';
  if (cls === 'option') {
    const read = optionReader(store, kind);
    return (issue) => read(issue) === -1;
  }
  const read = numericReader(store, kind);
  return (issue) => Number.isNaN(read(issue));
}

function operandItems(operand: Operand): Operand[] {
  return operand.kind === 'list' ? operand.items : [operand];
}

function operandTexts(operand: Operand): string[] {
  return operandItems(operand).flatMap((o) => (o.kind === 'value' ? [o.text] : []));
}

function numberOrNull(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

function valueError(store: JiraStore, kind: FieldKind, field: string, text: string): string {
  if (kind === 'key') {
    return store.isKeyShaped(text) || /^\d+$/.test(text)
      ? `An issue with key '${text}' does not exist for field '${field}'.`
      : `The issue key '${text}' for field '${field}' is invalid.`;
  }
  return `The value '${text}' does not exist for the field '${field}'.`;
}
