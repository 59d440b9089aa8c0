import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { get, octokitFor, startEmulator } from './helpers.js';

/** Every transport fault of the shared core, as a GitHub client meets it. */
describe('GitHub emulator: injected faults', () => {
  let emu: GitHubEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ repos: 1, issues: 120, prs: 30 });
  });
  afterAll(() => emu.close());
  beforeEach(() => {
    emu.control.faults({});
    emu.control.resetLimits();
    emu.control.resetStats();
  });

  it('adds the configured latency', async () => {
    emu.control.faults({ latencyMs: 300 });
    const started = performance.now();
    expect((await get(emu, '/repos/acme/scheduler')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });

  it('answers 5xx at the configured rate; Octokit retries them and gets every item', async () => {
    emu.control.faults({ serverErrorRate: 1 });
    const failed = await get(emu, '/repos/acme/scheduler/issues');
    expect([500, 502, 503]).toContain(failed.status);
    expect(failed.headers.get('x-ratelimit-remaining')).not.toBeNull();

    emu.control.faults({ serverErrorRate: 0.3, seed: 'five-hundreds' });
    const octokit = octokitFor(emu, { maxRetries: 6, retryBaseMs: 5 });
    const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'scheduler',
      state: 'all',
      per_page: 10,
    });
    expect(items.length).toBe(150);
    expect(emu.control.stats().faults.serverError).toBeGreaterThan(0);
  });

  it('drops connections without an answer', async () => {
    emu.control.faults({ dropRate: 1 });
    await expect(get(emu, '/repos/acme/scheduler/issues')).rejects.toThrow();
    expect(emu.control.stats().faults.drop).toBe(1);
  });

  it('truncates bodies half-way (the JSON cannot be read)', async () => {
    emu.control.faults({ truncateRate: 1 });
    const response = await get(emu, '/repos/acme/scheduler/issues?per_page=50');
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
    expect(emu.control.stats().faults.truncate).toBe(1);
  });

  it('rate-limits every n-th request with a secondary limit and retry-after', async () => {
    emu.control.faults({ rateLimit: { every: 3, retryAfterSeconds: 7 } });
    expect((await get(emu, '/repos/acme/scheduler')).status).toBe(200);
    expect((await get(emu, '/repos/acme/scheduler')).status).toBe(200);
    const limited = await get(emu, '/repos/acme/scheduler');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(((await limited.json()) as { message: string }).message).toMatch(/secondary rate limit/);
  });

  it('limits faults to the named routes, configurable over HTTP', async () => {
    const put = await fetch(`${emu.origin}/_emulator/faults`, {
      method: 'PUT',
      body: JSON.stringify({ serverErrorRate: 1, routes: ['GET /repos/{owner}/{repo}/pulls'] }),
    });
    expect(put.status).toBe(200);
    expect((await get(emu, '/repos/acme/scheduler/issues')).status).toBe(200);
    expect((await get(emu, '/repos/acme/scheduler/pulls')).status).toBeGreaterThanOrEqual(500);
  });
});
