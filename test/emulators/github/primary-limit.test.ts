import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { get, octokitFor, startEmulator, type ClientEvents } from './helpers.js';

describe('GitHub emulator: primary rate limit', () => {
  let emu: GitHubEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
  });

  it('answers 403 with remaining 0 and the reset time once the budget is spent', async () => {
    emu = await startEmulator({ limits: { primary: { limit: 5, windowMs: 60_000 } } });
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const ok = await get(emu, '/repos/acme/scheduler');
      expect(ok.status).toBe(200);
      remaining.push(Number(ok.headers.get('x-ratelimit-remaining')));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const limited = await get(emu, '/repos/acme/scheduler/issues');
    expect(limited.status).toBe(403);
    expect(await limited.json()).toMatchObject({
      message: 'API rate limit exceeded for user ID 1.',
      documentation_url: expect.stringContaining('rate-limits-for-the-rest-api') as unknown,
    });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('5');
    expect(limited.headers.get('x-ratelimit-used')).toBe('5');
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now() + 50_000);
    expect(emu.control.earlyRetries().count).toBe(0);

    // Coming back before the reset is an early retry, refused the same way.
    const again = await get(emu, '/user');
    expect(again.status).toBe(403);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(emu.control.earlyRetries().count).toBe(1);

    // GET /rate_limit still answers, costs nothing and is no early retry.
    const status = await get(emu, '/rate_limit');
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ rate: { limit: 5, remaining: 0, used: 5, reset } });
    expect(emu.control.earlyRetries().count).toBe(1);
  });

  it('does not charge 304 answers to conditional requests', async () => {
    emu = await startEmulator({ limits: { primary: { limit: 3, windowMs: 60_000 } } });
    const first = await get(emu, '/repos/acme/scheduler/issues?state=all');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
    for (let i = 0; i < 10; i++) {
      const cached = await get(emu, '/repos/acme/scheduler/issues?state=all', {
        'if-none-match': etag,
      });
      expect(cached.status).toBe(304);
      expect(cached.headers.get('x-ratelimit-remaining')).toBe('2');
    }
  });

  it('Octokit with the throttling plugin waits for x-ratelimit-reset: no early retries', async () => {
    emu = await startEmulator({
      repos: 1,
      issues: 70,
      prs: 0,
      limits: { primary: { limit: 3, windowMs: 1_000 } },
    });
    const events: ClientEvents = { rateLimits: [], secondaryLimits: [] };
    const octokit = octokitFor(emu, { events });
    const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'scheduler',
      state: 'all',
      per_page: 10,
    });
    expect(items.length).toBe(70);
    expect(events.rateLimits.length).toBeGreaterThan(0);
    expect(emu.control.stats().byStatus['403']).toBe(events.rateLimits.length);
    expect(emu.control.earlyRetries().count).toBe(0);
  });

  it('lets tests set the budget over the control API', async () => {
    emu = await startEmulator();
    const put = await fetch(`${emu.origin}/_emulator/github/limits`, {
      method: 'PUT',
      body: JSON.stringify({
        primary: { limit: 100 },
        remaining: { login: 'northstar-bot', remaining: 1 },
      }),
    });
    expect(put.status).toBe(200);
    expect((await get(emu, '/user')).headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await get(emu, '/user')).status).toBe(403);
  });
});
