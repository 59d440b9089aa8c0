/**
 * Reading issues by id or key: GET one issue (all fields by default; an old key of a moved
 * issue answers with the issue under its new key, no redirect) and `/issue/bulkfetch` (up to
 * 100, ascending id order, unknown ones in `issueErrors`).
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post
 */
import { z } from 'zod';
import { badRequest, issueNotFound, listParam } from '../errors.js';
import type { Json } from '../render/context.js';
import { FieldSelection } from '../render/fields.js';
import { renderIssue } from '../render/issue.js';
import type { IssueRecord } from '../store/types.js';
import type { RouteTable } from './context.js';
import { INVALID_PAYLOAD } from './search.js';

const BulkFetchBody = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  properties: z.array(z.string()).optional(),
});

const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export function issueRoutes({ router, api }: RouteTable): void {
  router.get('/rest/api/3/issue/{issueIdOrKey}', (request) => {
    const issue = api.store.find(request.params['issueIdOrKey'] ?? '');
    if (!issue) issueNotFound();
    const fields = FieldSelection.parse(listParam(request.query.getAll('fields')), '*all');
    const changelog = listParam(request.query.getAll('expand')).includes('changelog');
    const json = renderIssue(api.render, issue, {
      fields,
      changelog: changelog ? api.limits.inlineChangelogSearch : 0,
    });
    return { status: 200, body: api.malformed.apply(issue, json) };
  });

  router.post('/rest/api/3/issue/bulkfetch', (request) => {
    const parsed = BulkFetchBody.safeParse(request.body ?? {});
    if (!parsed.success) badRequest(INVALID_PAYLOAD);
    const body = parsed.data;
    const max = api.limits.bulkFetchIssues;
    if (body.issueIdsOrKeys.length === 0 || body.issueIdsOrKeys.length > max)
      badRequest(`The number of issues must be between 1 and ${max}.`);
    const fields = FieldSelection.parse(listParam(body.fields), '*navigable');
    const changelog = listParam(body.expand).includes('changelog');
    const found = new Map<number, IssueRecord>();
    const issueErrors: Json[] = [];
    for (const ref of body.issueIdsOrKeys) {
      const issue = api.store.find(ref);
      if (issue) found.set(issue.index, issue);
      else issueErrors.push({ id: ref, errorMessage: NOT_FOUND });
    }
    const issues = [...found.values()]
      .sort((a, b) => a.index - b.index)
      .map((issue) =>
        api.malformed.apply(
          issue,
          renderIssue(api.render, issue, {
            fields,
            changelog: changelog ? api.limits.inlineChangelogBulkFetch : 0,
          }),
        ),
      );
    return {
      status: 200,
      body: issueErrors.length > 0 ? { issues, issueErrors } : { issues },
    };
  });
}
