import type { Version3Client } from 'jira.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jiraClient, startJira, statusOf, type JiraHarness } from './helpers.js';

/** The `Retry-After` of a jira.js 429 (axios keeps the headers on the cause). */
function retryAfterOf(error: unknown): number {
  const headers = (error as { cause?: { response?: { headers?: Record<string, string> } } }).cause
    ?.response?.headers;
  return Number(headers?.['retry-after'] ?? 0);
}

/** Runs `call` until it succeeds; `patient` waits what Retry-After says, otherwise it retries at once. */
async function withRetries<T>(call: () => Promise<T>, patient: boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (statusOf(error) !== 429 || attempt > 50) throw error;
      const wait = patient ? retryAfterOf(error) * 1000 : 20;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

describe('Jira emulator: 429s bind the whole client and early retries are counted', () => {
  let h: JiraHarness;
  let jql: string;
  beforeAll(async () => {
    h = await startJira({ seed: 'limits', issues: 60 });
    jql = `project = ${h.emu.control.projects()[0]!.key}`;
  });
  beforeEach(() => {
    h.emu.control.resetStats();
    h.emu.control.setFaults({ rateLimit: { every: 4, retryAfterSeconds: 1 } });
  });
  afterAll(() => h.close());

  const work = async (client: Version3Client, patient: boolean) => {
    for (let n = 0; n < 6; n++) {
      await withRetries(
        () => client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql }),
        patient,
      );
    }
  };

  it('counts the early retries of a client that ignores Retry-After', async () => {
    await work(h.client, false);
    const early = h.emu.control.earlyRetries();
    expect(early.count).toBeGreaterThan(0);
    expect(early.log[0]).toMatchObject({
      route: 'POST /rest/api/3/search/jql',
      earlyByMs: expect.any(Number),
    });
    expect(h.emu.control.stats().earlyRetries).toBe(early.count);
  });

  it('counts none for a client that honours Retry-After', { timeout: 20_000 }, async () => {
    await work(h.client, true);
    expect(h.emu.control.stats().faults.rateLimit).toBeGreaterThan(0);
    expect(h.emu.control.earlyRetries().count).toBe(0);
  });

  it('applies the wait to every endpoint for that client, not to other users', async () => {
    h.emu.control.setFaults({ rateLimit: { every: 1, retryAfterSeconds: 2 } });
    await expect(
      h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql }),
    ).rejects.toMatchObject({ status: 429 });
    h.emu.control.setFaults({});
    // Another endpoint, same client, before the announced time: refused and counted.
    await expect(h.client.myself.getCurrentUser()).rejects.toMatchObject({ status: 429 });
    expect(h.emu.control.earlyRetries().log.map((e) => e.route)).toEqual([
      'GET /rest/api/3/myself',
    ]);
    // Another user is not affected.
    const human = jiraClient(h.emu.url, h.emu.humanCredentials);
    await expect(human.myself.getCurrentUser()).resolves.toHaveProperty(
      'displayName',
      'Dana Human',
    );
  });

  it('sends the configured RateLimit-Reason', async () => {
    h.emu.control.setRateLimitReason('jira-quota-global-based');
    h.emu.control.setFaults({ rateLimit: { every: 1, retryAfterSeconds: 1 } });
    const error = await h.client.myself.getCurrentUser().catch((e: unknown) => e);
    const headers = (error as { cause?: { response?: { headers?: Record<string, string> } } }).cause
      ?.response?.headers;
    expect(headers?.['ratelimit-reason']).toBe('jira-quota-global-based');
    h.emu.control.setRateLimitReason('jira-burst-based');
  });
});
