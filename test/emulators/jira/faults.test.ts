import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure, startJira, type JiraHarness } from './helpers.js';

describe('Jira emulator: every fault mode happens as configured', () => {
  let h: JiraHarness;
  let jql: string;
  beforeAll(async () => {
    h = await startJira({ seed: 'faults', issues: 100 });
    jql = `project = ${h.emu.control.projects()[0]!.key}`;
  });
  afterEach(() => {
    h.emu.control.setFaults({});
    h.emu.control.resetStats();
  });
  afterAll(() => h.close());

  const myself = () => h.client.myself.getCurrentUser();
  const search = () =>
    h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql, fields: ['summary'] });

  it('adds latency', async () => {
    h.emu.control.setFaults({ latencyMs: 250 });
    const started = performance.now();
    await myself();
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('answers 5xx at the configured rate, deterministically for a seed', async () => {
    h.emu.control.setFaults({ serverErrorRate: 1 });
    const { status } = await failure(myself());
    expect([500, 502, 503]).toContain(status);
    const outcomes = async () => {
      h.emu.control.setFaults({ serverErrorRate: 0.3, seed: 'five-hundreds' });
      const results: boolean[] = [];
      for (let n = 0; n < 60; n++)
        results.push(
          await myself().then(
            () => true,
            () => false,
          ),
        );
      return results;
    };
    const first = await outcomes();
    const failures = first.filter((ok) => !ok).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(30);
    expect(await outcomes()).toEqual(first);
  });

  it('drops connections without an answer', async () => {
    h.emu.control.setFaults({ dropRate: 1 });
    const { status } = await failure(myself());
    expect(status).toBeUndefined();
    expect(h.emu.control.stats().faults.drop).toBe(1);
  });

  it('truncates bodies half-way', async () => {
    h.emu.control.setFaults({ truncateRate: 1 });
    // The status line arrives (200), the promised body does not: axios aborts the stream.
    const error = (await search().catch((e: unknown) => e)) as { status?: number; code?: string };
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(200);
    expect(error.code).toBe('ERR_BAD_RESPONSE');
    expect(h.emu.control.stats().faults.truncate).toBe(1);
    // Raw: fewer bytes than Content-Length promised.
    const response = await fetch(`${h.emu.url}/rest/api/3/myself`, { headers: authHeader(h) });
    const promised = Number(response.headers.get('content-length'));
    expect(promised).toBeGreaterThan(0);
    await expect(response.text()).rejects.toBeInstanceOf(Error);
  });

  it('limits faults to the named routes', async () => {
    h.emu.control.setFaults({ serverErrorRate: 1, routes: ['POST /rest/api/3/search/jql'] });
    await expect(myself()).resolves.toHaveProperty('accountId');
    expect((await failure(search())).status).toBeGreaterThanOrEqual(500);
  });

  it('rate-limits every n-th request with Jira’s 429 headers and body', async () => {
    h.emu.control.setFaults({ rateLimit: { every: 2, retryAfterSeconds: 1 } });
    await myself();
    const limited = await fetch(`${h.emu.url}/rest/api/3/myself`, { headers: authHeader(h) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(limited.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    expect(await limited.json()).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
    expect(h.emu.control.stats().faults.rateLimit).toBe(1);
  });
});

function authHeader(h: JiraHarness): Record<string, string> {
  const { email, apiToken } = h.emu.credentials;
  return { authorization: `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}` };
}
