import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateJiraData } from '../../../src/emulators/jira/index.js';
import { startJira, type JiraHarness } from './helpers.js';

describe('Jira emulator: what a client discovers about the site', () => {
  let h: JiraHarness;
  beforeAll(async () => {
    h = await startJira({ seed: 'site', issues: 120, projects: 5 });
  });
  afterAll(() => h.close());

  it('lists system and custom fields; custom ids are the seed’s choice, found by name and schema', async () => {
    const fields = await h.client.issueFields.getFields();
    const ids = h.emu.store.site.fields;
    const byName = (name: string) => fields.find((f) => f.name === name);
    expect(byName('Story Points')).toMatchObject({
      id: ids.storyPoints,
      custom: true,
      schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
    });
    expect(byName('Story point estimate')?.schema?.custom).toBe(
      'com.pyxis.greenhopper.jira:jsw-story-points',
    );
    expect(byName('Epic Link')).toMatchObject({
      id: ids.epicLink,
      schema: { custom: 'com.pyxis.greenhopper.jira:gh-epic-link' },
    });
    expect(byName('Sprint')?.id).toBe(ids.sprint);
    expect(byName('Epic Link')?.clauseNames).toContain(
      `cf[${ids.epicLink.replace('customfield_', '')}]`,
    );
    expect(fields.find((f) => f.id === 'status')?.custom).toBe(false);
    const other = generateJiraData({ seed: 'another-site', issues: 10 }).site.fields;
    expect(other.storyPoints === ids.storyPoints && other.epicLink === ids.epicLink).toBe(false);
  });

  it('lists statuses with categories: "Won\'t Do" is done, team-managed projects have their own', async () => {
    const statuses = await h.client.workflowStatuses.getStatuses();
    const wontDo = statuses.filter((s) => s.name === "Won't Do");
    expect(wontDo.length).toBeGreaterThanOrEqual(2);
    for (const s of wontDo) expect(s.statusCategory?.key).toBe('done');
    // jira.js leaves `scope` out of its StatusDetails type; the spec and Jira have it.
    const scopeOf = (s: object) =>
      (s as { scope?: { type?: string; project?: { id?: string } } }).scope;
    const scoped = statuses.filter((s) => scopeOf(s)?.type === 'PROJECT');
    expect(scoped.length).toBeGreaterThan(0);
    const teamProject = h.emu.control.projects().find((p) => p.style === 'next-gen');
    expect(scoped.every((s) => scopeOf(s)?.project?.id !== undefined)).toBe(true);
    expect(scoped.some((s) => scopeOf(s)?.project?.id === teamProject?.id)).toBe(true);
    const categories = new Set(statuses.map((s) => s.statusCategory?.key));
    expect([...categories].sort()).toEqual(['done', 'indeterminate', 'new']);
    const page = await h.client.status.search({ statusCategory: 'DONE' });
    expect(page.values.length).toBeGreaterThan(0);
    expect(page.values.every((s) => s.statusCategory === 'DONE')).toBe(true);
  });

  it('pages through projects with isLast, and filters by key', async () => {
    const keys: string[] = [];
    let startAt = 0;
    for (;;) {
      const page = await h.client.projects.searchProjects({ startAt, maxResults: 2 });
      keys.push(...page.values.map((p) => p.key));
      startAt += page.values.length;
      if (page.isLast) break;
    }
    expect(keys).toEqual(
      h.emu.control
        .projects()
        .map((p) => p.key)
        .sort(),
    );
    const one = await h.client.projects.searchProjects({ keys: [keys[1]!] });
    expect(one.values.map((p) => p.key)).toEqual([keys[1]]);
    expect(one.total).toBe(1);
    const all = (await h.client.projects.searchProjects({ maxResults: 100 })).values;
    expect(all.some((p) => p.simplified === true) && all.some((p) => p.simplified === false)).toBe(
      true,
    );
    expect((await h.client.projects.getProject({ projectIdOrKey: keys[0]! })).key).toBe(keys[0]);
  });
});
