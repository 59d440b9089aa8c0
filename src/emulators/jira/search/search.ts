/**
 * One page of the enhanced JQL search (`/rest/api/3/search/jql`): `{issues, nextPageToken?,
 * isLast}` — no `total`, no `startAt`; the token is absent on the last page. Page size is
 * `maxResults` (default 50) capped by what was asked for: 5000 for ids only, 100 with fields,
 * 40 with `expand=changelog` (see `../limits.ts`). The snapshot semantics are in `cursors.ts`.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
 */
import { badRequest, fail } from '../errors.js';
import { compileJql } from '../jql/compile.js';
import { JqlError } from '../jql/lexer.js';
import type { Json } from '../render/context.js';
import { FieldSelection } from '../render/fields.js';
import { renderIssue } from '../render/issue.js';
import type { JiraApi } from '../routes/context.js';
import type { IssueRecord } from '../store/types.js';

export interface SearchRequest {
  jql: string;
  nextPageToken: string | undefined;
  maxResults: number | undefined;
  fields: string[];
  expand: string[];
  reconcileIssues: number[];
}

const UNBOUNDED =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
const BAD_TOKEN = 'The provided next page token is invalid or expired.';

export function searchPage(api: JiraApi, caller: number, request: SearchRequest): Json {
  if (request.reconcileIssues.length > 50)
    badRequest('The number of issue ids in reconcileIssues must not exceed 50.');
  const jql = request.jql.trim();
  const fields = FieldSelection.parse(request.fields, 'id');
  const changelog = request.expand.includes('changelog');
  const cap = changelog
    ? api.limits.searchMaxWithChangelog
    : fields.idsOnly
      ? api.limits.searchMaxIdsOnly
      : api.limits.searchMaxWithFields;
  const wanted = request.maxResults ?? api.limits.searchDefault;
  if (wanted < 0) badRequest('The maxResults parameter must not be negative.');
  const size = Math.max(1, Math.min(wanted, cap));

  let ids: Int32Array;
  let cursor: number;
  let offset: number;
  if (request.nextPageToken) {
    const position = api.cursors.decode(request.nextPageToken);
    const snapshot = position ? api.cursors.get(position.cursor) : undefined;
    if (!position || !snapshot) badRequest(BAD_TOKEN);
    if (snapshot.jql !== jql)
      badRequest('The JQL query does not match the one of the nextPageToken.');
    ({ ids } = snapshot);
    ({ cursor, offset } = position);
  } else {
    ids = matchingIds(api, caller, jql);
    cursor = api.cursors.open({ jql, ids });
    offset = 0;
  }

  const issues: Json[] = [];
  const inline = changelog ? api.limits.inlineChangelogSearch : 0;
  let i = offset;
  for (; i < ids.length && issues.length < size; i++) {
    const issue = api.store.issues[ids[i] as number];
    if (!issue || issue.deleted) continue;
    const json = renderIssue(api.render, issue, {
      fields,
      changelog: inline,
      compactIdHits: true,
    });
    issues.push(api.malformed.apply(issue, json));
  }
  // Skip issues deleted since the snapshot, so the last page is known to be last.
  while (i < ids.length && api.store.issues[ids[i] as number]?.deleted !== false) i++;
  const isLast = i >= ids.length;
  return isLast
    ? { issues, isLast }
    : { issues, nextPageToken: api.cursors.encode({ cursor, offset: i }), isLast };
}

function matchingIds(api: JiraApi, caller: number, jql: string): Int32Array {
  if (jql === '') fail(400, [UNBOUNDED]);
  let compiled;
  try {
    compiled = compileJql(jql, {
      store: api.store,
      time: api.time,
      now: api.clock.now().getTime(),
      currentUser: caller,
    });
  } catch (error) {
    if (error instanceof JqlError) fail(400, error.messages);
    throw error;
  }
  if (!compiled.bounded) fail(400, [UNBOUNDED]);
  const issues = api.store.issues;
  // Matches in id order: from the clauses' indexes (project, key, parent, Epic Link, dates)
  // when the query has them, else by testing every issue.
  const candidates = compiled.candidates();
  const matched = new Int32Array(candidates?.length ?? issues.length);
  let n = 0;
  if (candidates === null) {
    for (const issue of issues)
      if (!issue.deleted && compiled.matches(issue)) matched[n++] = issue.index;
  } else {
    for (const index of candidates) if (issues[index]?.deleted === false) matched[n++] = index;
  }
  const ids = matched.slice(0, n);
  if (compiled.idOrder === 1) return ids;
  if (compiled.idOrder === -1) return ids.reverse();
  const hits = Array.from(ids, (index) => issues[index] as IssueRecord);
  hits.sort(compiled.compare);
  return Int32Array.from(hits, (issue) => issue.index);
}
