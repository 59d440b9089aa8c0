import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservedExchange } from '../../../src/emulators/core/index.js';
import { createSpecValidator, JIRA_SPEC } from '../../helpers/openapi.js';
import { failure, startJira, type JiraHarness } from './helpers.js';
import { JIRA_SPEC_ALLOWLIST } from './spec-allowlist.js';

describe('Jira emulator responses conform to the official OpenAPI description', () => {
  let h: JiraHarness;
  const seen: ObservedExchange[] = [];
  beforeAll(async () => {
    h = await startJira({ seed: 'openapi', issues: 400, projects: 3 });
    h.emu.server.observe((exchange) => seen.push(exchange));
  });
  afterAll(() => h.close());

  it('every response jira.js receives on the endpoints northstar uses validates', async () => {
    const { client, emu } = h;
    const fields = emu.store.site.fields;
    const projects = emu.control.projects();
    const epic = emu.control.epics()[0]!;
    const long = emu.control.issues().find((i) => i.histories > 100)!;
    const someKeys = emu.control
      .issues()
      .slice(0, 30)
      .map((i) => i.key);

    // Site discovery.
    await client.myself.getCurrentUser();
    await client.serverInfo.getServerInfo();
    await client.issueFields.getFields();
    await client.workflowStatuses.getStatuses();
    // One page only: jira.js 5.4 parses this page with a strict zod schema that lacks the
    // spec's `nextPage`, so it throws on any page that is not the last.
    await client.status.search({ maxResults: 200 });
    await client.projects.searchProjects({ maxResults: 2 });
    await client.projects.searchProjects({ startAt: 2, maxResults: 2 });
    await client.projects.getProject({ projectIdOrKey: projects[0]!.key });

    // Searches: ids only, fields + changelog, GET and POST, several pages.
    const jql = `project in (${projects.map((p) => p.key).join(', ')}) ORDER BY key ASC`;
    let token: string | undefined;
    for (let page = 0; page < 3; page++) {
      const result = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql,
        fields: [
          'summary',
          'status',
          'issuetype',
          'project',
          'resolution',
          'resolutiondate',
          'assignee',
          'priority',
          'labels',
          'duedate',
          'created',
          'updated',
          'parent',
          'issuelinks',
          fields.storyPoints,
          fields.storyPointEstimate,
          fields.epicLink,
        ],
        expand: 'changelog',
        maxResults: 40,
        ...(token ? { nextPageToken: token } : {}),
      });
      token = result.nextPageToken;
    }
    await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql,
      fields: ['id'],
      maxResults: 5000,
    });
    await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: `key = ${long.key}`,
      fields: ['*all'],
      expand: 'changelog',
    });

    // Issues and changelogs.
    await client.issues.getIssue({ issueIdOrKey: epic.key });
    await client.issues.getIssue({ issueIdOrKey: long.key, expand: 'changelog' });
    await client.issues.bulkFetchIssues({
      issueIdsOrKeys: [...someKeys, 'NOPE-1'],
      fields: ['summary', 'status'],
      expand: ['changelog'],
    });
    await client.issues.getChangeLogs({ issueIdOrKey: long.key });
    await client.issues.getChangeLogs({ issueIdOrKey: long.key, startAt: 100 });
    let changelogToken: string | undefined;
    do {
      const page = await client.issues.getBulkChangelogs({
        issueIdsOrKeys: someKeys,
        fieldIds: ['status'],
        maxResults: 20,
        ...(changelogToken ? { nextPageToken: changelogToken } : {}),
      });
      changelogToken = page.nextPageToken;
    } while (changelogToken);
    await client.issues.getBulkChangelogs({ issueIdsOrKeys: [long.key] });

    // The sticky comment life cycle.
    const comment = await client.issueComments.addComment({
      issueIdOrKey: epic.key,
      comment: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Status: on track' }] }],
      },
      properties: [{ key: 'northstar', value: { v: 1 } }],
    });
    await client.issueComments.getComments({
      issueIdOrKey: epic.key,
      expand: 'properties,renderedBody',
    });
    await client.issueComments.getComment({ issueIdOrKey: epic.key, id: comment.id! });
    await client.issueComments.updateComment({
      issueIdOrKey: epic.key,
      id: comment.id!,
      body: 'Status: at risk',
      notifyUsers: false,
    });
    await client.issueCommentProperties.setCommentProperty({
      commentId: comment.id!,
      propertyKey: 'hash',
      property: { h: 'x' },
    });
    await client.issueCommentProperties.getCommentPropertyKeys({ commentId: comment.id! });
    await client.issueCommentProperties.getCommentProperty({
      commentId: comment.id!,
      propertyKey: 'hash',
    });
    await client.issueCommentProperties.deleteCommentProperty({
      commentId: comment.id!,
      propertyKey: 'hash',
    });
    await client.issueComments.deleteComment({ issueIdOrKey: epic.key, id: comment.id! });

    // Errors clients must read.
    await failure(
      client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'project = NOPE' }),
    );
    await failure(client.issues.getIssue({ issueIdOrKey: 'NOPE-1' }));
    await failure(
      client.issueComments.addComment({
        issueIdOrKey: epic.key,
        comment: { type: 'doc', version: 1, content: [{ type: 'bogus' }] },
      }),
    );
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the retired endpoint's 410
    await failure(client.issueSearch.searchForIssuesUsingJql({ jql: 'project = NOPE' }));
    emu.control.setFaults({ rateLimit: { every: 1, retryAfterSeconds: 1 } });
    await failure(client.myself.getCurrentUser());
    emu.control.setFaults({});
    emu.control.resetStats();

    const validator = createSpecValidator(JIRA_SPEC, { allow: JIRA_SPEC_ALLOWLIST });
    const problems = seen.flatMap((x) => {
      const query = x.request.query.toString();
      return validator.validate({
        method: x.request.method,
        url: `${x.request.path}${query ? `?${query}` : ''}`,
        status: x.response.status,
        body: x.response.body,
      });
    });
    expect(problems).toEqual([]);
    expect(seen.map((x) => x.response.status)).toEqual(
      expect.arrayContaining([200, 201, 204, 400, 404, 410, 429]),
    );
    const operations = new Set(
      seen.map((x) => validator.operationOf(x.request.method, x.request.path)),
    );
    expect(operations.size).toBeGreaterThanOrEqual(20);
    expect(operations).not.toContain(null);
  });
});
