/**
 * `ORDER BY`: up to 7 fields ("orderBy clause can contain a maximum of 7 fields", enhanced
 * search spec), issue id as the final tie-breaker so every order is total. Without `ORDER BY`
 * the emulator orders by `created DESC` (what Jira's issue navigator adds by default). Empty
 * values sort last in ascending order. `Rank` is approximated by creation order.
 */
import type { JiraStore } from '../store/store.js';
import type { IssueRecord } from '../store/types.js';
import type { OrderTerm } from './parser.js';

type Key = (issue: IssueRecord) => number | string;

/** The key of `id` / `Rank`: ids are unique, so the terms after it never decide. */
const byIndex: Key = (i) => i.index;

export interface CompiledOrder {
  compare: (a: IssueRecord, b: IssueRecord) => number;
  /** 1 / -1 when the order is issue id ascending / descending (hits come that way), else 0. */
  idOrder: 1 | -1 | 0;
}

const MAX_ORDER_FIELDS = 7;

export function compileOrder(
  terms: OrderTerm[],
  store: JiraStore,
  errors: string[],
): CompiledOrder {
  const effective = terms.length > 0 ? terms : [{ field: 'created', pos: 0, descending: true }];
  if (effective.length > MAX_ORDER_FIELDS)
    errors.push(`The ORDER BY clause can contain a maximum of ${MAX_ORDER_FIELDS} fields.`);
  const keys: { key: Key; sign: number }[] = [];
  for (const term of effective) {
    const key = sortKey(term.field, store);
    if (key === null) {
      errors.push(`Field '${term.field}' does not exist or you do not have permission to view it.`);
      continue;
    }
    for (const k of key) keys.push({ key: k, sign: term.descending ? -1 : 1 });
  }
  const lastSign = keys[keys.length - 1]?.sign ?? 1;
  const first = keys[0];
  return {
    compare: (a, b) => {
      for (const { key, sign } of keys) {
        const c = compareValues(key(a), key(b));
        if (c !== 0) return c * sign;
      }
      return (a.index - b.index) * lastSign;
    },
    idOrder: first?.key === byIndex ? (first.sign > 0 ? 1 : -1) : 0,
  };
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') {
    const an = Number.isNaN(a);
    const bn = Number.isNaN(b);
    if (an || bn) return an === bn ? 0 : an ? 1 : -1;
    return a - b;
  }
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** One field can sort by several keys (`key` = project key, then number). */
function sortKey(field: string, store: JiraStore): Key[] | null {
  switch (field.trim().toLowerCase()) {
    case 'key':
    case 'issuekey':
      return [(i) => store.projectOf(i).key, (i) => i.number];
    case 'id':
    case 'rank':
      return [byIndex];
    case 'created':
      return [(i) => i.created];
    case 'updated':
      return [(i) => i.updated];
    case 'resolved':
    case 'resolutiondate':
      return [(i) => i.resolved];
    case 'due':
    case 'duedate':
      return [(i) => i.due];
    case 'priority':
      // Ascending = least urgent first, so `ORDER BY priority DESC` starts with Highest.
      return [(i) => -i.priority];
    case 'status':
      return [(i) => i.status];
    case 'summary':
      return [(i) => i.summary];
    case 'project':
      return [(i) => store.projectOf(i).key];
    case 'issuetype':
    case 'type':
      return [(i) => i.type];
    default:
      return null;
  }
}
