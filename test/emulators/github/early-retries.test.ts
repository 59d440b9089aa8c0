import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { get, linkTo, octokitFor, startEmulator, type ClientEvents } from './helpers.js';

const LIST = 'GET /repos/{owner}/{repo}/issues';
const NEXT = 'GET /repositories/{repository_id}/issues';

/**
 * A secondary limit binds the client until the announced time. The emulator counts requests
 * that come back earlier ("early retries"), so tests can tell a client that honours
 * `retry-after` from one that does not.
 */
describe('GitHub emulator: early-retry counting', () => {
  let emu: GitHubEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
  });

  const start = async (secondaryStatus: 403 | 429 = 403) => {
    emu = await startEmulator({ repos: 1, issues: 60, prs: 0, limits: { secondaryStatus } });
    emu.control.faults({ rateLimit: { every: 3, retryAfterSeconds: 1 }, routes: [LIST, NEXT] });
    return emu;
  };

  it('counts a client that ignores retry-after and retries after a fixed 100 ms', async () => {
    const e = await start();
    let url: string | undefined = `${e.url}/repos/acme/scheduler/issues?state=all&per_page=10`;
    let items = 0;
    let attempts = 0;
    while (url && attempts < 200) {
      attempts++;
      const response = await get(e, url);
      if (response.status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 100)); // retry-after says 1 s
        continue;
      }
      items += ((await response.json()) as unknown[]).length;
      url = linkTo(response.headers.get('link'), 'next');
    }
    expect(items).toBe(60);
    const early = e.control.earlyRetries();
    expect(early.count).toBeGreaterThan(0);
    expect(early.log.every((entry) => entry.earlyByMs > 0 && entry.earlyByMs <= 1000)).toBe(true);
    expect(e.control.stats().earlyRetries).toBe(early.count);
  });

  for (const status of [403, 429] as const)
    it(`counts none for Octokit with the throttling plugin, which waits retry-after (${status})`, async () => {
      const e = await start(status);
      const events: ClientEvents = { rateLimits: [], secondaryLimits: [] };
      const octokit = octokitFor(e, { events });
      const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner: 'acme',
        repo: 'scheduler',
        state: 'all',
        per_page: 10,
      });
      expect(items.length).toBe(60);
      expect(events.secondaryLimits.length).toBeGreaterThan(0);
      expect(events.secondaryLimits.every((s) => s === 1)).toBe(true);
      expect(e.control.stats().faults.rateLimit).toBe(events.secondaryLimits.length);
      expect(e.control.earlyRetries().count).toBe(0);
    });

  it('reads the count over HTTP too', async () => {
    const e = await start();
    await get(e, '/repos/acme/scheduler/issues');
    await get(e, '/repos/acme/scheduler/issues');
    expect((await get(e, '/repos/acme/scheduler/issues')).status).toBe(403);
    await get(e, '/user'); // too early: the limit binds the whole client
    const response = await fetch(`${e.origin}/_emulator/github/early-retries`);
    expect(await response.json()).toMatchObject({ count: 1, log: [{ route: 'GET /user' }] });
  });
});
