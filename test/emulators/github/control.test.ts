import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { get, startEmulator, TOKEN } from './helpers.js';

type Issue = {
  number: number;
  state: string;
  state_reason: string | null;
  updated_at: string;
  user: unknown;
  title: string;
};

/** The control API over HTTP, and the messy real-GitHub cases it can produce. */
describe('GitHub emulator: control API', () => {
  let emu: GitHubEmulator;
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${emu.origin}/_emulator${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const item = (n: number) => `/github/repos/acme/scheduler/items/${n}`;
  const issue = async (n: number) =>
    (await (await get(emu, `/repos/acme/scheduler/issues/${n}`)).json()) as Issue;

  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  it('creates an issue, closes it as not planned, reopens it; every change bumps updated_at', async () => {
    const created = await control('POST', '/github/repos/acme/scheduler/issues', {
      title: 'Flaky deploys',
      labels: ['bug', 'brand-new-label'],
      milestone: 2,
      assignees: ['ana-dev'],
    });
    expect(created.status).toBe(200);
    const { number } = (await created.json()) as { number: number };
    const fresh = await issue(number);
    expect(fresh).toMatchObject({ title: 'Flaky deploys', state: 'open', state_reason: null });

    await control('POST', '/clock', { advanceMs: 3_600_000 });
    await control('POST', `${item(number)}/close`, { reason: 'not_planned' });
    const closed = await issue(number);
    expect(closed).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(Date.parse(closed.updated_at) - Date.parse(fresh.updated_at)).toBeGreaterThanOrEqual(
      3_600_000,
    );

    await control('POST', '/clock', { advanceMs: 60_000 });
    await control('POST', `${item(number)}/reopen`);
    const reopened = await issue(number);
    expect(reopened).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(Date.parse(reopened.updated_at)).toBeGreaterThan(Date.parse(closed.updated_at));
  });

  it('deleted authors come back as user: null, deleted forks as head.repo: null', async () => {
    const pr = (await (
      await control('POST', '/github/repos/acme/scheduler/pulls', {
        title: 'Fork PR',
        head: 'patch-1',
        body: null,
      })
    ).json()) as { number: number };
    await control('PATCH', item(pr.number), { authorDeleted: true, headRepoDeleted: true });
    const pull = (await (await get(emu, `/repos/acme/scheduler/pulls/${pr.number}`)).json()) as {
      user: unknown;
      body: unknown;
      head: { repo: unknown };
    };
    expect(pull).toMatchObject({ user: null, body: null, head: { repo: null } });
    expect((await issue(pr.number)).user).toBeNull();
  });

  it('a transferred issue answers 301 to its new address; a deleted one 410', async () => {
    const moved = (await (
      await control('POST', `${item(1)}/transfer`, { to: 'acme/web' })
    ).json()) as { item: { number: number } };
    const manual = await fetch(`${emu.url}/repos/acme/scheduler/issues/1`, {
      headers: { authorization: `token ${TOKEN}` },
      redirect: 'manual',
    });
    expect(manual.status).toBe(301);
    expect(manual.headers.get('location')).toBe(
      `${emu.url}/repos/acme/web/issues/${moved.item.number}`,
    );
    const followed = await get(emu, '/repos/acme/scheduler/issues/1');
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(`${emu.url}/repos/acme/web/issues/${moved.item.number}`);

    expect((await control('DELETE', item(2))).status).toBe(200);
    expect((await get(emu, '/repos/acme/scheduler/issues/2')).status).toBe(410);
    const list = (await (
      await get(emu, '/repos/acme/scheduler/issues?state=all&per_page=100')
    ).json()) as Issue[];
    expect(list.map((i) => i.number)).not.toContain(1);
    expect(list.map((i) => i.number)).not.toContain(2);
  });

  it('merges, marks ready and sets draft; refuses invalid bodies with 400', async () => {
    const pr = (await (
      await control('POST', '/github/repos/acme/scheduler/pulls', { title: 'x', head: 'b' })
    ).json()) as { number: number };
    await control('POST', `${item(pr.number)}/draft`);
    const pull = async () =>
      (await (await get(emu, `/repos/acme/scheduler/pulls/${pr.number}`)).json()) as {
        draft: boolean;
        merged: boolean;
        state: string;
      };
    expect((await pull()).draft).toBe(true);
    await control('POST', `${item(pr.number)}/ready`);
    expect((await pull()).draft).toBe(false);
    await control('POST', `${item(pr.number)}/merge`, { by: 'ana-dev' });
    expect(await pull()).toMatchObject({ merged: true, state: 'closed' });
    expect((await control('POST', `${item(pr.number)}/reopen`)).status).toBe(422);

    expect((await control('POST', '/github/repos/acme/scheduler/issues', { nope: 1 })).status).toBe(
      400,
    );
    expect((await control('PATCH', item(999_999), { title: 'x' })).status).toBe(404);
  });

  it('adds and lists human comments, and reports request counts per endpoint', async () => {
    await control('DELETE', '/stats');
    const added = await control('POST', `${item(3)}/comments`, { body: 'From a human' });
    expect(((await added.json()) as { userId: number }).userId).toBe(2);
    const listed = (await (await control('GET', `${item(3)}/comments`)).json()) as {
      body: string;
    }[];
    expect(listed.map((c) => c.body)).toContain('From a human');
    await get(emu, '/repos/acme/scheduler/issues/3/comments');
    await get(emu, '/repos/acme/scheduler/issues/3/comments');
    const stats = (await (await control('GET', '/stats')).json()) as {
      byRoute: Record<string, number>;
    };
    expect(stats.byRoute['GET /repos/{owner}/{repo}/issues/{issue_number}/comments']).toBe(2);
  });
});
