import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator, ItemRecord } from '../../../src/emulators/github/index.js';
import { octokitFor, startEmulator, type GitHubClientInstance } from './helpers.js';

/** What northstar derives from a pull request: open / draft / merged / closed. */
function stateOf(pr: { state: string; draft?: boolean; merged_at: string | null }): string {
  if (pr.merged_at) return 'merged';
  if (pr.state === 'closed') return 'closed';
  return pr.draft ? 'draft' : 'open';
}

describe('GitHub emulator: pull requests', () => {
  let emu: GitHubEmulator;
  let octokit: GitHubClientInstance;
  const repo = { owner: 'acme', repo: 'scheduler' };
  beforeAll(async () => {
    emu = await startEmulator({ repos: 1, issues: 50, prs: 400 });
    octokit = octokitFor(emu);
  });
  afterAll(() => emu.close());

  const listPulls = (params: Record<string, string>) =>
    octokit.paginate(octokit.rest.pulls.list, { ...repo, per_page: 100, ...params });

  it('lists open / draft / merged / closed, with requested reviewers and the messy cases', async () => {
    const pulls = await listPulls({ state: 'all' });
    expect(pulls.length).toBe(400);
    const states = new Set(pulls.map(stateOf));
    expect([...states].sort()).toEqual(['closed', 'draft', 'merged', 'open']);
    expect(pulls.some((p) => p.requested_reviewers && p.requested_reviewers.length > 0)).toBe(true);
    expect(pulls.some((p) => p.body === null)).toBe(true);
    expect(pulls.some((p) => (p.head.repo as unknown) === null)).toBe(true);
    expect(pulls.some((p) => p.user === null)).toBe(true);
    const open = await listPulls({});
    expect(open.every((p) => p.state === 'open')).toBe(true);
    const closed = await listPulls({ state: 'closed' });
    expect(open.length + closed.length).toBe(400);
  });

  it('orders by created desc by default and by updated asc when asked (GitHub defaults)', async () => {
    const created = await listPulls({ state: 'all' });
    const c = created.map((p) => Date.parse(p.created_at));
    expect(c).toEqual([...c].sort((a, b) => b - a));
    const updated = await listPulls({ state: 'all', sort: 'updated' });
    const u = updated.map((p) => Date.parse(p.updated_at));
    expect(u).toEqual([...u].sort((a, b) => a - b));
    const updatedDesc = await listPulls({ state: 'all', sort: 'updated', direction: 'desc' });
    expect(updatedDesc.map((p) => p.number)).toEqual(updated.map((p) => p.number).reverse());
  });

  it('ignores `since` on the pulls list (GitHub has no such filter there)', async () => {
    const all = await listPulls({ state: 'all' });
    const since = await listPulls({ state: 'all', since: new Date().toISOString() });
    expect(since.length).toBe(all.length);
  });

  it('GET /pulls/{n} has merged, merged_by, mergeable and counts; issues are 404 there', async () => {
    const items = [...emu.control.store.repo('acme', 'scheduler')!.items.values()];
    const merged = items.find((i) => i.pull?.mergedAt != null)!;
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: merged.number });
    expect(data.merged).toBe(true);
    expect(data.merged_by).not.toBeNull();
    expect(data.mergeable).toBeNull();
    expect(data.head.ref).toBe(merged.pull!.headRef);
    const issue = items.find((i) => !i.pull)!;
    const error = await octokit.rest.pulls
      .get({ ...repo, pull_number: issue.number })
      .catch((e: unknown) => e as { status: number });
    expect(error.status).toBe(404);
  });

  it('lists reviews in order, and follows control changes: draft → ready → merged', async () => {
    const items = [...emu.control.store.repo('acme', 'scheduler')!.items.values()];
    const reviewed = items.find((i) => (i.pull?.reviews.length ?? 0) > 1)!;
    const { data: reviews } = await octokit.rest.pulls.listReviews({
      ...repo,
      pull_number: reviewed.number,
    });
    expect(reviews.map((r) => r.id)).toEqual(reviewed.pull!.reviews.map((r) => r.id));

    const created: ItemRecord = emu.control.createPull('acme/scheduler', {
      title: 'ABC-7: wire the thing',
      head: 'feature/abc-7-thing',
      draft: true,
      requestedReviewers: ['ana-reviewer'],
    });
    const ref = { repo: 'acme/scheduler', number: created.number };
    const get = async () =>
      (await octokit.rest.pulls.get({ ...repo, pull_number: created.number })).data;
    expect(stateOf(await get())).toBe('draft');
    emu.control.setDraft(ref, false);
    const ready = await get();
    expect(stateOf(ready)).toBe('open');
    expect(ready.requested_reviewers?.map((u) => u.login)).toEqual(['ana-reviewer']);
    emu.control.advanceClock(1000);
    emu.control.mergePull(ref);
    const merged = await get();
    expect(stateOf(merged)).toBe('merged');
    expect(Date.parse(merged.updated_at)).toBeGreaterThan(Date.parse(ready.updated_at));
  });
});
