import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJira, type JiraHarness } from './helpers.js';

describe('Jira emulator: enhanced search pagination', () => {
  let h: JiraHarness;
  let projectList: string;
  beforeAll(async () => {
    h = await startJira({ seed: 'paging', issues: 10_000 });
    projectList = h.emu.control
      .projects()
      .map((p) => p.key)
      .join(', ');
  });
  afterAll(() => h.close());

  it(
    'jira.js pages a 10k-issue seed with nextPageToken and gets every issue exactly once',
    { timeout: 60_000 },
    async () => {
      const started = performance.now();
      const seen = new Map<string, number>();
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
          jql: `project in (${projectList}) ORDER BY key ASC`,
          fields: ['summary', 'status'],
          maxResults: 1000,
          ...(token ? { nextPageToken: token } : {}),
        });
        pages++;
        for (const issue of page.issues ?? []) seen.set(issue.id, (seen.get(issue.id) ?? 0) + 1);
        // Enhanced search pages have no total and no startAt; the token is gone on the last page.
        expect(page).not.toHaveProperty('total');
        if (page.nextPageToken) {
          expect(page.nextPageToken).toMatch(/^\+\/\+\/.*=$/);
          expect((page as { isLast?: boolean }).isLast).toBe(false);
        } else {
          expect((page as { isLast?: boolean }).isLast).toBe(true); // in the spec, not in jira.js's type
        }
        token = page.nextPageToken;
      } while (token);
      const elapsed = performance.now() - started;
      console.log(`paged 10k issues in ${pages} pages, ${elapsed.toFixed(0)} ms`);
      expect(seen.size).toBe(10_000);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      // Field searches are capped at 100 per page whatever maxResults asks for.
      expect(pages).toBe(100);
      expect(h.emu.control.stats().byRoute['GET /rest/api/3/search/jql']).toBeGreaterThanOrEqual(
        100,
      );
    },
  );

  it('caps pages by what is requested: 5000 ids, 100 with fields, 40 with changelog; default 50', async () => {
    const jql = `project in (${projectList})`;
    const search = (extra: object) =>
      h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql,
        maxResults: 10_000,
        ...extra,
      });
    const ids = await search({ fields: ['id'] });
    expect(ids.issues).toHaveLength(5000);
    expect(Object.keys(ids.issues![0]!)).toEqual(['id']);
    expect((await search({ fields: ['summary'] })).issues).toHaveLength(100);
    expect((await search({ fields: ['summary'], expand: 'changelog' })).issues).toHaveLength(40);
    const byDefault = await h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql });
    expect(byDefault.issues).toHaveLength(50);
    expect(byDefault.issues?.[0]).toEqual({ id: expect.any(String) });
  });

  it('keeps its guarantee while data changes between pages: no repeats, no skips', async () => {
    const projects = h.emu.control.projects();
    const [source, target] = [projects[0]!.key, projects[1]!.key];
    const jql = `project = ${source} ORDER BY updated DESC`;
    const expected = new Set(h.emu.control.issues({ project: source }).map((i) => i.id));
    const first = await h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql,
      fields: ['updated'],
      maxResults: 100,
    });
    const seen = first.issues!.map((i) => i.id);
    // Between pages: touch issues on later pages (would reorder ORDER BY updated), move one
    // to another project (new key) and delete one.
    const later = h.emu.control.issues({ project: source }).filter((i) => !seen.includes(i.id));
    h.emu.control.advanceClock(60_000);
    for (const issue of later.slice(0, 20))
      h.emu.control.updateIssue(issue.key, { labels: ['touched'] });
    const moved = h.emu.control.moveIssue(later[30]!.key, target);
    h.emu.control.deleteIssue(later[40]!.key);
    expected.delete(later[40]!.id);
    let token = first.nextPageToken;
    while (token) {
      const page = await h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql,
        fields: ['updated'],
        maxResults: 100,
        nextPageToken: token,
      });
      seen.push(...page.issues!.map((i) => i.id));
      const movedHit = page.issues!.find((i) => i.id === moved.id);
      if (movedHit) expect(movedHit.key).toBe(moved.key);
      token = page.nextPageToken;
    }
    expect(seen).toHaveLength(new Set(seen).size);
    expect(new Set(seen)).toEqual(expected);
  });

  it('rejects a token sent unencoded in a query string (+ becomes a space), and forged tokens', async () => {
    const jql = `project in (${projectList})`;
    const first = await h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql,
      maxResults: 10,
    });
    const token = first.nextPageToken!;
    const auth = `Basic ${Buffer.from(`${h.emu.credentials.email}:${h.emu.credentials.apiToken}`).toString('base64')}`;
    const raw = await fetch(
      `${h.emu.url}/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&nextPageToken=${token}`,
      { headers: { authorization: auth } },
    );
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({
      errorMessages: [expect.stringContaining('token')],
      errors: {},
    });
    const encoded = await fetch(
      `${h.emu.url}/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&nextPageToken=${encodeURIComponent(token)}`,
      { headers: { authorization: auth } },
    );
    expect(encoded.status).toBe(200);
    const forged = `${token.slice(0, -4)}AAA=`;
    await expect(
      h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql,
        nextPageToken: forged,
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql: 'project = WEB',
        nextPageToken: token,
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
