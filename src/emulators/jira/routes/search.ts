/**
 * Search routes: the enhanced search over GET (query string; a token with `+ / =` must be
 * percent-encoded) and POST (JSON body), and the retired `/rest/api/3/search`, which answers
 * 410 Gone (https://developer.atlassian.com/changelog/#CHANGE-2046).
 */
import { z } from 'zod';
import type { EmuRequest } from '../../core/index.js';
import { badRequest, intParam, jiraError, listParam } from '../errors.js';
import { searchPage, type SearchRequest } from '../search/search.js';
import type { RouteTable } from './context.js';

const REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

/** The enhanced search body (SearchAndReconcileRequestBean); `expand` is a comma string. */
const SearchBody = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().nullish(),
  maxResults: z.int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.union([z.string(), z.array(z.string())]).optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.int()).optional(),
});

export const INVALID_PAYLOAD =
  'Invalid request payload. Refer to the REST API documentation and try again.';

export function searchRoutes({ router, api }: RouteTable): void {
  const gone = () => jiraError(410, [REMOVED]);
  router.get('/rest/api/3/search', gone);
  router.post('/rest/api/3/search', gone);

  router.get('/rest/api/3/search/jql', (request) => ({
    status: 200,
    body: searchPage(api, api.callerOf(request), fromQuery(request)),
  }));

  router.post('/rest/api/3/search/jql', (request) => {
    const parsed = SearchBody.safeParse(request.body ?? {});
    if (!parsed.success) badRequest(INVALID_PAYLOAD);
    const body = parsed.data;
    const search: SearchRequest = {
      jql: body.jql ?? '',
      nextPageToken: body.nextPageToken ?? undefined,
      maxResults: body.maxResults,
      fields: listParam(body.fields),
      expand: listParam(typeof body.expand === 'string' ? [body.expand] : body.expand),
      reconcileIssues: body.reconcileIssues ?? [],
    };
    return { status: 200, body: searchPage(api, api.callerOf(request), search) };
  });
}

function fromQuery(request: EmuRequest): SearchRequest {
  const q = request.query;
  const max = q.get('maxResults');
  return {
    jql: q.get('jql') ?? '',
    nextPageToken: q.get('nextPageToken') ?? undefined,
    maxResults: max === null ? undefined : intParam(max, 50),
    fields: listParam(q.getAll('fields')),
    expand: listParam(q.getAll('expand')),
    reconcileIssues: listParam(q.getAll('reconcileIssues')).map(Number),
  };
}
