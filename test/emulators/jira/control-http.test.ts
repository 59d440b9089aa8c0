import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueSummary, ProjectSummary } from '../../../src/emulators/jira/index.js';
import { startJira, type JiraHarness } from './helpers.js';

describe('Jira emulator: the control API over HTTP (for out-of-process tests)', () => {
  let h: JiraHarness;
  let call: (
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; body: unknown }>;
  beforeAll(async () => {
    h = await startJira({ seed: 'control', issues: 90, projects: 3 });
    call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${h.emu.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };
  });
  afterAll(() => h.close());

  /** The caller names the JSON shape it expects from the control route. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  const callAs = async <T>(method: string, path: string, body?: unknown) => {
    const response = await call(method, path, body);
    return { status: response.status, body: response.body as T };
  };

  it('lists projects, epics and issues', async () => {
    const projects = await callAs<ProjectSummary[]>('GET', '/_emulator/jira/projects');
    expect(projects.body.map((p) => p.key)).toEqual(h.emu.control.projects().map((p) => p.key));
    expect(projects.body[0]!.statuses.some((s) => s.category === 'done')).toBe(true);
    const epics = await callAs<IssueSummary[]>('GET', '/_emulator/jira/epics');
    expect(epics.body.length).toBeGreaterThan(0);
    expect(epics.body.every((e) => e.isEpic)).toBe(true);
    const children = await callAs<IssueSummary[]>(
      'GET',
      `/_emulator/jira/issues?epic=${epics.body[0]!.key}`,
    );
    expect(
      children.body.every(
        (c) => c.parentKey === epics.body[0]!.key || c.epicLinkKey === epics.body[0]!.key,
      ),
    ).toBe(true);
  });

  it('creates, updates, moves and deletes issues; comments as the human', async () => {
    const [p0, p1] = h.emu.control.projects();
    const created = await callAs<IssueSummary>('POST', '/_emulator/jira/issues', {
      project: p0!.key,
      summary: 'From outside',
      type: 'Story',
      points: 5,
      labels: ['ext'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      summary: 'From outside',
      points: 5,
      labels: ['ext'],
      statusCategory: 'new',
    });
    const done = p0!.statuses.find((s) => s.category === 'done' && s.name !== "Won't Do")!;
    const updated = await callAs<IssueSummary>(
      'PATCH',
      `/_emulator/jira/issues/${created.body.key}`,
      { status: done.name, dueDate: '2026-12-24' },
    );
    expect(updated.body).toMatchObject({
      statusCategory: 'done',
      resolution: 'Done',
      dueDate: '2026-12-24',
    });
    const moved = await callAs<IssueSummary>(
      'POST',
      `/_emulator/jira/issues/${created.body.key}/move`,
      { project: p1!.key },
    );
    expect(moved.body.id).toBe(created.body.id);
    expect(moved.body.formerKeys).toEqual([created.body.key]);
    const comment = await callAs<{ id: string }>(
      'POST',
      `/_emulator/jira/issues/${moved.body.key}/comments`,
      { body: 'hi from a human' },
    );
    expect(comment.status).toBe(201);
    const comments = await callAs<{ text: string }[]>(
      'GET',
      `/_emulator/jira/issues/${created.body.key}/comments`,
    );
    expect(comments.body.map((c) => c.text)).toEqual(['hi from a human']);
    expect(
      (await call('DELETE', `/_emulator/jira/issues/${moved.body.key}/comments/${comment.body.id}`))
        .status,
    ).toBe(204);
    expect((await call('DELETE', `/_emulator/jira/issues/${moved.body.key}`)).status).toBe(204);
    expect((await call('GET', `/_emulator/jira/issues/${moved.body.key}`)).status).toBe(404);
    const bad = await callAs<{ message: string }>('PATCH', `/_emulator/jira/issues/${p0!.key}-1`, {
      status: 'Nowhere',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/no status/);
  });

  it('marks malformed items, sets faults and the clock, and reads stats and early retries', async () => {
    const marked = await callAs<{ kind: string }[]>('PUT', '/_emulator/jira/malformed', {
      count: 2,
      kinds: ['key-null'],
    });
    expect(marked.body).toHaveLength(2);
    expect((await call('DELETE', '/_emulator/jira/malformed')).status).toBe(204);

    const before = await callAs<{ now: string }>('GET', '/_emulator/jira/now');
    const after = await callAs<{ now: string }>('POST', '/_emulator/clock', {
      advanceMs: 86_400_000,
    });
    expect(Date.parse(after.body.now) - Date.parse(before.body.now)).toBeGreaterThanOrEqual(
      86_400_000,
    );

    expect(
      (await call('PUT', '/_emulator/faults', { rateLimit: { every: 1, retryAfterSeconds: 1 } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('PUT', '/_emulator/jira/rate-limit-reason', {
          reason: 'jira-per-issue-on-write',
        })
      ).status,
    ).toBe(204);
    await expect(h.client.myself.getCurrentUser()).rejects.toMatchObject({ status: 429 });
    await expect(h.client.myself.getCurrentUser()).rejects.toMatchObject({ status: 429 });
    await call('PUT', '/_emulator/faults', {});
    const early = await callAs<{ count: number }>('GET', '/_emulator/jira/early-retries');
    expect(early.body.count).toBe(1);
    const stats = await callAs<{ byRoute: Record<string, number>; earlyRetries: number }>(
      'GET',
      '/_emulator/stats',
    );
    expect(stats.body.byRoute['GET /rest/api/3/myself']).toBe(2);
    expect(stats.body.earlyRetries).toBe(1);
    const notifications = await callAs<unknown[]>('GET', '/_emulator/jira/notifications');
    expect(Array.isArray(notifications.body)).toBe(true);
  });
});
