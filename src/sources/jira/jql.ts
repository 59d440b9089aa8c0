/**
 * The JQL of a Jira source unit. A unit of epics selects the epics, their children by `parent`
 * and — on sites that still have it — by the legacy Epic Link field (`cf[N]`). Incremental runs
 * add `updated >= <watermark − overlap>` in the API user's time zone (Jira reads literals
 * there, at minute precision). Every query orders by id so the removal sweep can compare
 * contiguous id ranges page by page.
 */
import { jqlDateLiteral } from '../timestamps.js';

function quoteKey(key: string): string {
  return /^[A-Z][A-Z0-9_]*-\d+$/.test(key) ? key : JSON.stringify(key);
}

/** `cf[10014]` for `customfield_10014`: works whatever the field is called on the site. */
function clauseName(fieldId: string): string {
  const match = /^customfield_(\d+)$/.exec(fieldId);
  return match ? `cf[${match[1] ?? ''}]` : JSON.stringify(fieldId);
}

export function epicScopeJql(epics: readonly string[], epicLinkField: string | null): string {
  const list = `(${epics.map(quoteKey).join(', ')})`;
  const clauses = [`key in ${list}`, `parent in ${list}`];
  if (epicLinkField !== null) clauses.push(`${clauseName(epicLinkField)} in ${list}`);
  return clauses.join(' OR ');
}

export function orderedById(scope: string): string {
  return `(${scope}) ORDER BY id ASC`;
}

export function updatedSinceJql(scope: string, since: Date, timeZone: string): string {
  return `(${scope}) AND updated >= ${jqlDateLiteral(since, timeZone)} ORDER BY id ASC`;
}
