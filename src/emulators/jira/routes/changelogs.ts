/**
 * Full changelogs, for clients whose inline changelog was truncated:
 * - `GET /issue/{key}/changelog`: offset pages of up to 100 histories, oldest first;
 * - `POST /changelog/bulkfetch`: up to 1000 issues, optional `fieldIds` (≤ 10), pages of
 *   `maxResults` histories (default 1000, max 10000) sorted by date then issue id, with an
 *   opaque `nextPageToken`.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-changelog-bulkfetch-post
 */
import { z } from 'zod';
import { badRequest, intParam, issueNotFound } from '../errors.js';
import { changeFieldId, renderHistory } from '../render/changelog.js';
import type { Json } from '../render/context.js';
import { ChangeField, type ChangeFieldCode } from '../store/changes.js';
import type { HistoryRef } from '../store/store.js';
import type { IssueRecord } from '../store/types.js';
import type { JiraApi, RouteTable } from './context.js';
import { INVALID_PAYLOAD } from './search.js';

const BulkChangelogBody = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fieldIds: z.array(z.string()).optional(),
  maxResults: z.int().optional(),
  nextPageToken: z.string().optional(),
});

export function changelogRoutes({ router, api }: RouteTable): void {
  router.get('/rest/api/3/issue/{issueIdOrKey}/changelog', (request) => {
    const issue = api.store.find(request.params['issueIdOrKey'] ?? '');
    if (!issue) issueNotFound();
    const all = api.store.historiesOf(issue);
    const startAt = Math.max(0, intParam(request.query.get('startAt'), 0));
    const max = api.limits.issueChangelogMax;
    const maxResults = Math.max(1, Math.min(intParam(request.query.get('maxResults'), max), max));
    const values = all.slice(startAt, startAt + maxResults);
    const isLast = startAt + values.length >= all.length;
    const self = api.render.api(`/issue/${api.store.idOf(issue)}/changelog`);
    return {
      status: 200,
      body: {
        self: `${self}?startAt=${startAt}&maxResults=${maxResults}`,
        ...(isLast
          ? {}
          : { nextPage: `${self}?startAt=${startAt + values.length}&maxResults=${maxResults}` }),
        maxResults,
        startAt,
        total: all.length,
        isLast,
        values: values.map((h) => renderHistory(api.render, h)),
      },
    };
  });

  router.post('/rest/api/3/changelog/bulkfetch', (request) => {
    const parsed = BulkChangelogBody.safeParse(request.body ?? {});
    if (!parsed.success) badRequest(INVALID_PAYLOAD);
    const body = parsed.data;
    const { limits } = api;
    if (body.issueIdsOrKeys.length === 0 || body.issueIdsOrKeys.length > limits.changelogBulkIssues)
      badRequest(`The number of issues must be between 1 and ${limits.changelogBulkIssues}.`);
    if ((body.fieldIds ?? []).length > limits.changelogBulkFieldIds)
      badRequest(`The number of field ids must not exceed ${limits.changelogBulkFieldIds}.`);
    const maxResults = body.maxResults ?? limits.changelogBulkDefault;
    if (maxResults < 1 || maxResults > limits.changelogBulkMax)
      badRequest(`maxResults must be between 1 and ${limits.changelogBulkMax}.`);
    let offset = 0;
    if (body.nextPageToken !== undefined) {
      const position = api.cursors.decode(body.nextPageToken);
      if (!position) badRequest('The provided next page token is invalid or expired.');
      offset = position.offset;
    }

    const entries = collect(api, body.issueIdsOrKeys, fieldFilter(api, body.fieldIds));
    const page = entries.slice(offset, offset + maxResults);
    const groups = new Map<IssueRecord, Json[]>();
    for (const { issue, history } of page) {
      const list = groups.get(issue) ?? [];
      list.push(renderHistory(api.render, history));
      groups.set(issue, list);
    }
    const issueChangeLogs = [...groups].map(([issue, changeHistories]) => ({
      issueId: api.store.idOf(issue),
      changeHistories,
    }));
    const next = offset + page.length;
    return {
      status: 200,
      body:
        next < entries.length
          ? { issueChangeLogs, nextPageToken: api.cursors.encode({ cursor: 0, offset: next }) }
          : { issueChangeLogs },
    };
  });
}

function fieldFilter(
  api: JiraApi,
  fieldIds: string[] | undefined,
): Set<ChangeFieldCode> | undefined {
  if (!fieldIds || fieldIds.length === 0) return undefined;
  const wanted = new Set(fieldIds);
  const codes = new Set<ChangeFieldCode>();
  for (const code of Object.values(ChangeField)) {
    if (wanted.has(changeFieldId(api.render, code))) codes.add(code);
  }
  return codes;
}

/** Histories of the requested issues, oldest first, then by issue id. */
function collect(
  api: JiraApi,
  refs: string[],
  filter: Set<ChangeFieldCode> | undefined,
): { issue: IssueRecord; history: HistoryRef }[] {
  const issues = new Map<number, IssueRecord>();
  for (const ref of refs) {
    const issue = api.store.find(ref);
    if (issue) issues.set(issue.index, issue);
  }
  const out: { issue: IssueRecord; history: HistoryRef }[] = [];
  for (const issue of issues.values())
    for (const history of api.store.historiesOf(issue, filter)) out.push({ issue, history });
  return out.sort(
    (a, b) =>
      a.history.at - b.history.at || a.issue.index - b.issue.index || a.history.id - b.history.id,
  );
}
