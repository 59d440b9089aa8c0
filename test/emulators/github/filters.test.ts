import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator, ItemRecord } from '../../../src/emulators/github/index.js';
import { octokitFor, startEmulator, type GitHubClientInstance } from './helpers.js';

describe('GitHub emulator: list filters and orderings', () => {
  let emu: GitHubEmulator;
  let octokit: GitHubClientInstance;
  let all: ItemRecord[];
  const repo = { owner: 'acme', repo: 'scheduler' };
  beforeAll(async () => {
    emu = await startEmulator({ repos: 1, issues: 300, prs: 150 });
    octokit = octokitFor(emu);
    all = [...emu.control.store.repo('acme', 'scheduler')!.items.values()];
  });
  afterAll(() => emu.close());

  const listIssues = (params: Record<string, string | number>) =>
    octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, per_page: 100, ...params });
  const numbers = (items: { number: number }[]) => items.map((i) => i.number).sort((a, b) => a - b);
  const expected = (keep: (i: ItemRecord) => boolean) =>
    all
      .filter(keep)
      .map((i) => i.number)
      .sort((a, b) => a - b);

  it('state: open by default, closed, all; PRs appear with a pull_request key', async () => {
    expect(numbers(await listIssues({}))).toEqual(expected((i) => i.state === 'open'));
    expect(numbers(await listIssues({ state: 'closed' }))).toEqual(
      expected((i) => i.state === 'closed'),
    );
    const everything = await listIssues({ state: 'all' });
    expect(everything.length).toBe(450);
    for (const item of everything)
      expect(Boolean(item.pull_request)).toBe(
        all.find((i) => i.number === item.number)!.pull !== null,
      );
  });

  it('state_reason: not planned, reopened and completed are all present', async () => {
    const items = await listIssues({ state: 'all' });
    const reasons = new Set(items.map((i) => i.state_reason));
    expect(reasons).toContain('not_planned');
    expect(reasons).toContain('reopened');
    expect(reasons).toContain('completed');
  });

  it('labels (all must match), milestone (number, *, none), assignee, creator', async () => {
    const store = emu.control.store;
    const r = store.repo('acme', 'scheduler')!;
    const bug = store.labelByName(r, 'bug')!.id;
    const p1 = store.labelByName(r, 'p1')!.id;
    expect(numbers(await listIssues({ state: 'all', labels: 'bug' }))).toEqual(
      expected((i) => i.labelIds.includes(bug)),
    );
    expect(numbers(await listIssues({ state: 'all', labels: 'bug,P1' }))).toEqual(
      expected((i) => i.labelIds.includes(bug) && i.labelIds.includes(p1)),
    );
    expect(numbers(await listIssues({ state: 'all', milestone: '2' }))).toEqual(
      expected((i) => i.milestoneNumber === 2),
    );
    expect(numbers(await listIssues({ state: 'all', milestone: 'none' }))).toEqual(
      expected((i) => i.milestoneNumber === null),
    );
    expect(numbers(await listIssues({ state: 'all', milestone: '*' }))).toEqual(
      expected((i) => i.milestoneNumber !== null),
    );
    expect(numbers(await listIssues({ state: 'all', assignee: 'none' }))).toEqual(
      expected((i) => i.assigneeIds.length === 0),
    );
    const someone = all.find((i) => i.assigneeIds.length > 0)!.assigneeIds[0]!;
    const login = store.user(someone)!.login;
    expect(numbers(await listIssues({ state: 'all', assignee: login }))).toEqual(
      expected((i) => i.assigneeIds.includes(someone)),
    );
    const author = all.find((i) => i.authorId !== null)!.authorId!;
    expect(numbers(await listIssues({ state: 'all', creator: store.user(author)!.login }))).toEqual(
      expected((i) => i.authorId === author),
    );
  });

  it('since keeps items updated at or after the time; sort=updated asc/desc orders them', async () => {
    const sorted = [...all].sort((a, b) => a.updatedAt - b.updatedAt);
    const pivot = sorted[Math.floor(sorted.length / 2)]!;
    const since = new Date(Math.floor(pivot.updatedAt / 1000) * 1000).toISOString();
    const items = await listIssues({ state: 'all', since, sort: 'updated', direction: 'asc' });
    expect(numbers(items)).toEqual(
      expected((i) => Math.floor(i.updatedAt / 1000) * 1000 >= Date.parse(since)),
    );
    const times = items.map((i) => Date.parse(i.updated_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(items.some((i) => i.number === pivot.number)).toBe(true);

    const desc = await listIssues({ state: 'all', sort: 'updated', direction: 'desc' });
    const descTimes = desc.map((i) => Date.parse(i.updated_at));
    expect(descTimes).toEqual([...descTimes].sort((a, b) => b - a));
    const created = await listIssues({ state: 'all' });
    const createdTimes = created.map((i) => Date.parse(i.created_at));
    expect(createdTimes).toEqual([...createdTimes].sort((a, b) => b - a));
  });

  it('a mutation moves an item to the front of sort=updated and into a since window', async () => {
    const before = emu.control.now().toISOString();
    emu.control.advanceClock(5_000);
    const oldest = [...all].sort((a, b) => a.updatedAt - b.updatedAt)[0]!;
    emu.control.updateItem({ repo: 'acme/scheduler', number: oldest.number }, { title: 'Renamed' });
    const fresh = await listIssues({ state: 'all', since: before, sort: 'updated' });
    expect(fresh.map((i) => i.number)).toEqual([oldest.number]);
    expect(fresh[0]!.title).toBe('Renamed');
  });

  it('rejects values GitHub does not know with 422', async () => {
    const error = await octokit.rest.issues
      .listForRepo({ ...repo, state: 'bogus' as 'open' })
      .catch((e: unknown) => e as { status: number });
    expect(error.status).toBe(422);
    const since = await octokit.rest.issues
      .listForRepo({ ...repo, since: 'yesterday' })
      .catch((e: unknown) => e as { status: number });
    expect(since.status).toBe(422);
  });
});
