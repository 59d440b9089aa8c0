import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startJira, type JiraHarness } from './helpers.js';

describe('Jira emulator: changelogs and bulk fetch', () => {
  let h: JiraHarness;
  let longKey: string;
  let longHistories: number;
  beforeAll(async () => {
    h = await startJira({ seed: 'changelog', issues: 400, projects: 3 });
    const long = h.emu.control.issues().find((i) => i.histories > 100)!;
    longKey = long.key;
    longHistories = long.histories;
  });
  afterAll(() => h.close());

  it('truncates inline changelogs at 100 histories, most recent first, and says how many there are', async () => {
    const page = await h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: `key = ${longKey}`,
      fields: ['status'],
      expand: 'changelog',
    });
    const changelog = page.issues![0]!.changelog!;
    expect(changelog.total).toBe(longHistories);
    expect(changelog.maxResults).toBe(100);
    expect(changelog.histories).toHaveLength(100);
    const times = changelog.histories!.map((x) =>
      Date.parse(x.created!.replace(/(\d\d)(\d\d)$/, '$1:$2')),
    );
    for (let n = 1; n < times.length; n++) expect(times[n - 1]!).toBeGreaterThanOrEqual(times[n]!);
    const single = await h.client.issues.getIssue({ issueIdOrKey: longKey, expand: 'changelog' });
    expect(single.changelog?.histories).toHaveLength(100);
  });

  it('pages the full changelog of one issue, oldest first, 100 at most per page', async () => {
    const all: { id?: string; created?: string }[] = [];
    let startAt = 0;
    for (;;) {
      const page = await h.client.issues.getChangeLogs({
        issueIdOrKey: longKey,
        startAt,
        maxResults: 1000,
      });
      expect(page.maxResults).toBe(100);
      expect(page.total).toBe(longHistories);
      all.push(...(page.values ?? []));
      startAt += page.values?.length ?? 0;
      if (page.isLast) break;
      expect(page.nextPage).toContain(`startAt=${startAt}`);
    }
    expect(all).toHaveLength(longHistories);
    expect(new Set(all.map((x) => x.id)).size).toBe(longHistories);
    expect(all[0]!.created! <= all[all.length - 1]!.created!).toBe(true);
  });

  it('bulk-fetches changelogs filtered by field, paging with a token, oldest first', async () => {
    const issues = h.emu.control.issues().slice(0, 300);
    const ids = issues.map((i) => i.id);
    const statusHistories: { issueId: string; items: { field?: string }[]; created: string }[] = [];
    const instant = (text: string) => Date.parse(text.replace(/(\d\d)(\d\d)$/, '$1:$2'));
    let nextPageToken: string | undefined;
    let pages = 0;
    let previousPageLatest = 0;
    do {
      const page = await h.client.issues.getBulkChangelogs({
        issueIdsOrKeys: ids,
        fieldIds: ['status'],
        maxResults: 50,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      pages++;
      const onPage: number[] = [];
      for (const log of page.issueChangeLogs ?? [])
        for (const history of log.changeHistories ?? []) {
          statusHistories.push({
            issueId: log.issueId!,
            items: history.items ?? [],
            created: history.created!,
          });
          onPage.push(instant(history.created!));
        }
      // Pages run oldest first (within a page, histories are grouped by issue).
      expect(Math.min(...onPage)).toBeGreaterThanOrEqual(previousPageLatest);
      previousPageLatest = Math.max(...onPage);
      nextPageToken = page.nextPageToken;
    } while (nextPageToken);
    expect(pages).toBeGreaterThan(2);
    expect(statusHistories.every((x) => x.items.every((i) => i.field === 'status'))).toBe(true);
    // Every status history of these issues, each once.
    const expected = issues.reduce((n, i) => {
      const issue = h.emu.store.find(i.key)!;
      return n + h.emu.store.historiesOf(issue, new Set([1])).length;
    }, 0);
    expect(statusHistories).toHaveLength(expected);
  });

  it('enforces the bulk limits: 1000 issues and 10 field ids for changelogs, 100 issues for issues', async () => {
    const many = Array.from({ length: 1001 }, (_, n) => String(10_000 + n));
    expect(
      (await failure(h.client.issues.getBulkChangelogs({ issueIdsOrKeys: many }))).status,
    ).toBe(400);
    const fieldIds = Array.from({ length: 11 }, (_, n) => `customfield_${n}`);
    expect(
      (await failure(h.client.issues.getBulkChangelogs({ issueIdsOrKeys: ['10001'], fieldIds })))
        .status,
    ).toBe(400);
    const tooMany = await failure(
      h.client.issues.bulkFetchIssues({ issueIdsOrKeys: many.slice(0, 101) }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.data).toMatchObject({
      errorMessages: [expect.stringContaining('100')],
      errors: {},
    });
  });

  it('bulk-fetches issues by id or key in ascending id order, with unknown ones in issueErrors', async () => {
    const picks = h.emu.control.issues().slice(10, 20);
    const refs = [
      picks[5]!.key,
      picks[1]!.id,
      picks[9]!.key.toLowerCase(),
      'NOPE-1',
      picks[1]!.key,
    ];
    const result = await h.client.issues.bulkFetchIssues({
      issueIdsOrKeys: refs,
      fields: ['summary', 'status'],
      expand: ['changelog'],
    });
    expect(result.issues?.map((i) => i.id)).toEqual([picks[1]!.id, picks[5]!.id, picks[9]!.id]);
    expect(result.issueErrors).toEqual([{ id: 'NOPE-1', errorMessage: expect.any(String) }]);
    expect(Object.keys(result.issues![0]!.fields).sort()).toEqual(['status', 'summary']);
    // Bulk fetch inlines at most 40 changelogs (the documented limit).
    const long = await h.client.issues.bulkFetchIssues({
      issueIdsOrKeys: [longKey],
      expand: ['changelog'],
    });
    expect(long.issues![0]!.changelog?.histories).toHaveLength(40);
    expect(long.issues![0]!.changelog?.total).toBe(longHistories);
  });

  it('renders links with the other issue’s status, parent, Epic Link and points fields', async () => {
    const blocked = h.emu.control
      .issues()
      .find((i) => i.links.some((l) => l.direction === 'is_blocked_by'))!;
    const blocker = blocked.links.find((l) => l.direction === 'is_blocked_by')!.otherKey;
    const ids = h.emu.store.site.fields;
    const issue = await h.client.issues.getIssue({ issueIdOrKey: blocked.key });
    const link = issue.fields.issuelinks.find((l) => l.inwardIssue?.key === blocker)!;
    expect(link.type).toMatchObject({ name: 'Blocks', inward: 'is blocked by', outward: 'blocks' });
    expect(link.inwardIssue?.fields?.status.statusCategory?.key).toBe(
      h.emu.control.issue(blocker)!.statusCategory,
    );
    const other = await h.client.issues.getIssue({ issueIdOrKey: blocker });
    expect(other.fields.issuelinks.some((l) => l.outwardIssue?.key === blocked.key)).toBe(true);
    const child = h.emu.control.issues().find((i) => i.parentKey !== null && i.points !== null)!;
    const fetched = await h.client.issues.getIssue({ issueIdOrKey: child.key });
    expect(fetched.fields.parent?.key).toBe(child.parentKey);
    const points = fetched.fields[ids.storyPoints] ?? fetched.fields[ids.storyPointEstimate];
    expect(points).toBe(child.points);
    const orphan = h.emu.control.issues().find((i) => i.parentKey === null && !i.isEpic)!;
    const noParent = await h.client.issues.getIssue({ issueIdOrKey: orphan.key });
    expect(noParent.fields).not.toHaveProperty('parent');
    expect(noParent.fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[78]00$/);
  });
});
