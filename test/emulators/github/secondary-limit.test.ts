import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { get, send, startEmulator } from './helpers.js';

const comment = (emu: GitHubEmulator, n: number) =>
  send(emu, {
    method: 'POST',
    path: '/repos/acme/scheduler/issues/1/comments',
    body: { body: `note ${n}` },
  });

describe('GitHub emulator: secondary rate limits (content creation)', () => {
  let emu: GitHubEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
  });

  it('allows 80 comments a minute, then answers 403 with retry-after and a secondary-limit message', async () => {
    emu = await startEmulator();
    for (let i = 0; i < 80; i++) expect((await comment(emu, i)).status).toBe(201);
    const limited = await comment(emu, 80);
    expect(limited.status).toBe(403);
    const body = (await limited.json()) as { message: string };
    expect(body.message).toMatch(/You have exceeded a secondary rate limit/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The primary budget is not what ran out.
    expect(Number(limited.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);

    // The wait binds the client, not just that endpoint: an immediate read is an early retry.
    const read = await get(emu, '/repos/acme/scheduler/issues');
    expect(read.status).toBe(403);
    expect(Number(read.headers.get('retry-after'))).toBeGreaterThan(50);
    const early = emu.control.earlyRetries();
    expect(early.count).toBe(1);
    expect(early.log[0]).toMatchObject({
      principal: 'northstar-bot',
      route: 'GET /repos/{owner}/{repo}/issues',
    });
  });

  it('counts edits too, can answer 429 instead of 403, and has an hourly ceiling', async () => {
    emu = await startEmulator({
      limits: { contentCreation: { perMinute: 2, perHour: 1000 }, secondaryStatus: 429 },
    });
    const created = (await (await comment(emu, 0)).json()) as { id: number };
    const edit = () =>
      send(emu!, {
        method: 'PATCH',
        path: `/repos/acme/scheduler/issues/comments/${created.id}`,
        body: { body: 'edited' },
      });
    expect((await edit()).status).toBe(200);
    const limited = await edit();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();

    emu.control.resetLimits();
    emu.control.setLimits({
      contentCreation: { perMinute: 1000, perHour: 3 },
      secondaryStatus: 403,
    });
    for (let i = 0; i < 3; i++) expect((await comment(emu, i)).status).toBe(201);
    const hourly = await comment(emu, 3);
    expect(hourly.status).toBe(403);
    expect(Number(hourly.headers.get('retry-after'))).toBeGreaterThan(3000);
  });

  it('does not count reads or deletes as content creation', async () => {
    emu = await startEmulator({ limits: { contentCreation: { perMinute: 1, perHour: 10 } } });
    const created = (await (await comment(emu, 0)).json()) as { id: number };
    for (let i = 0; i < 5; i++)
      expect((await get(emu, '/repos/acme/scheduler/issues')).status).toBe(200);
    const deleted = await send(emu, {
      method: 'DELETE',
      path: `/repos/acme/scheduler/issues/comments/${created.id}`,
    });
    expect(deleted.status).toBe(204);
  });
});
