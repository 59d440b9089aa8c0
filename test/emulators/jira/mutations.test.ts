import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startJira, type JiraHarness } from './helpers.js';

describe('Jira emulator: tests change the data (move, transition, delete)', () => {
  let h: JiraHarness;
  beforeAll(async () => {
    h = await startJira({ seed: 'mutations', issues: 200, projects: 3 });
  });
  afterAll(() => h.close());

  const search = async (jql: string) =>
    (
      await h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql,
        fields: ['summary', 'status', 'project'],
        maxResults: 100,
      })
    ).issues ?? [];

  it('moving an issue changes its key, not its id; the old key still resolves everywhere', async () => {
    const [from, to] = h.emu.control.projects();
    const issue = h.emu.control.issues({ project: from!.key }).find((i) => !i.isEpic)!;
    const moved = h.emu.control.moveIssue(issue.key, to!.key);
    expect(moved.id).toBe(issue.id);
    expect(moved.key).toMatch(new RegExp(`^${to!.key}-\\d+$`));
    expect(moved.formerKeys).toEqual([issue.key]);

    const byOldKey = await h.client.issues.getIssue({ issueIdOrKey: issue.key });
    expect(byOldKey.id).toBe(issue.id);
    expect(byOldKey.key).toBe(moved.key);
    expect((await search(`key = ${issue.key}`)).map((i) => i.key)).toEqual([moved.key]);
    expect((await search(`project = ${from!.key}`)).map((i) => i.id)).not.toContain(issue.id);
    expect((await search(`project = ${to!.key} AND key = ${moved.key}`)).map((i) => i.id)).toEqual([
      issue.id,
    ]);
    const bulk = await h.client.issues.bulkFetchIssues({ issueIdsOrKeys: [issue.key] });
    expect(bulk.issues?.[0]?.key).toBe(moved.key);

    const history = await h.client.issues.getChangeLogs({ issueIdOrKey: moved.key });
    const last = history.values![history.values!.length - 1]!;
    expect(last.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'Key', fromString: issue.key, toString: moved.key }),
        expect.objectContaining({ field: 'project', fromString: from!.name, toString: to!.name }),
      ]),
    );
  });

  it('a status transition is a changelog entry, changes the category, and moves `updated`', async () => {
    const issue = h.emu.control.issues().find((i) => i.statusCategory === 'new' && !i.isEpic)!;
    const project = h.emu.control.projects().find((p) => p.key === issue.project)!;
    const done = project.statuses.find((s) => s.name === "Won't Do")!;
    const before = h.emu.control.advanceClock(3_600_000).getTime();
    const after = h.emu.control.updateIssue(issue.key, {
      status: done.name,
      points: 8,
      labels: ['x'],
    });
    expect(after.statusCategory).toBe('done');
    expect(after.resolution).toBe("Won't Do");
    // The emulator clock runs in real time from where tests set it.
    expect(Date.parse(after.updated)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(after.updated)).toBeLessThanOrEqual(h.emu.control.now().getTime());
    const hits = await search(
      `key = ${issue.key} AND statusCategory = Done AND resolution = "Won't Do"`,
    );
    expect(hits).toHaveLength(1);
    const log = await h.client.issues.getChangeLogs({
      issueIdOrKey: issue.key,
      startAt: issue.histories,
    });
    expect(log.values).toHaveLength(1);
    expect(log.values![0]!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'status',
          fieldId: 'status',
          toString: "Won't Do",
          to: done.id,
        }),
        expect.objectContaining({ field: 'resolution', from: null, toString: "Won't Do" }),
        expect.objectContaining({ fieldtype: 'custom', toString: '8' }),
        expect.objectContaining({ field: 'labels', toString: 'x' }),
      ]),
    );
  });

  it('creates issues under epics (parent or Epic Link) and deletes them', async () => {
    const legacy = h.emu.control.projects().find((p) => p.legacyEpicLinks)!;
    const epic = h.emu.control.epics(legacy.key)[0]!;
    const created = h.emu.control.createIssue({
      project: legacy.key,
      summary: 'New child',
      epicLink: epic.key,
      points: 3,
    });
    expect(created.key).toMatch(new RegExp(`^${legacy.key}-`));
    expect(created.histories).toBe(0);
    const cf = `cf[${h.emu.store.site.fields.epicLink.replace('customfield_', '')}]`;
    expect((await search(`${cf} = ${epic.key}`)).map((i) => i.key)).toContain(created.key);
    expect((await search(`parent = ${epic.key}`)).map((i) => i.key)).not.toContain(created.key);

    h.emu.control.deleteIssue(created.key);
    expect((await failure(h.client.issues.getIssue({ issueIdOrKey: created.key }))).status).toBe(
      404,
    );
    expect((await search(`${cf} = ${epic.key}`)).map((i) => i.key)).not.toContain(created.key);
    // A deleted key in a JQL key clause is an error, as for any unknown key.
    expect(
      (
        await failure(
          h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
            jql: `key = ${created.key}`,
          }),
        )
      ).status,
    ).toBe(400);
  });

  it('rejects control changes that make no sense', () => {
    expect(() => h.emu.control.updateIssue('NOPE-1', { points: 1 })).toThrow(/no issue/);
    const any = h.emu.control.issues()[0]!;
    expect(() => h.emu.control.updateIssue(any.key, { status: 'Teleported' })).toThrow(/no status/);
    expect(() => h.emu.control.moveIssue(any.key, 'NOPE')).toThrow(/no project/);
  });
});
