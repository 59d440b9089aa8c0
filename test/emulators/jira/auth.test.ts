import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, jiraClient, startJira, type JiraHarness } from './helpers.js';

describe('Jira emulator: Basic auth and who am I', () => {
  let h: JiraHarness;
  beforeAll(async () => {
    h = await startJira({ seed: 'auth', issues: 30, timeZone: 'Europe/Berlin' });
  });
  afterAll(() => h.close());

  it('answers /myself for the API user, with the time zone JQL dates are read in', async () => {
    const me = await h.client.myself.getCurrentUser();
    expect(me.emailAddress).toBe(h.emu.credentials.email);
    expect(me.accountId).toMatch(/^712020:/);
    expect(me.timeZone).toBe('Europe/Berlin');
    expect(me.active).toBe(true);
  });

  it('refuses a request without credentials with a 401 ErrorCollection', async () => {
    const response = await fetch(`${h.emu.url}/rest/api/3/myself`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errorMessages: [
        'You are not authenticated. Authentication required to perform this operation.',
      ],
      errors: {},
    });
  });

  it('refuses a wrong API token the way the site does (plain text, login reason header)', async () => {
    const wrong = jiraClient(h.emu.url, { email: h.emu.credentials.email, apiToken: 'nope' });
    const { status, data } = await failure(wrong.myself.getCurrentUser());
    expect(status).toBe(401);
    expect(data).toBe('Client must be authenticated to access this resource.');
    const raw = await fetch(`${h.emu.url}/rest/api/3/myself`, {
      headers: { authorization: `Basic ${Buffer.from('bot@example.com:nope').toString('base64')}` },
    });
    expect(raw.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    expect(raw.headers.get('www-authenticate')).toContain('Basic');
  });

  it('accepts the second (human) user and counts 401s per route', async () => {
    const human = jiraClient(h.emu.url, h.emu.humanCredentials);
    expect((await human.myself.getCurrentUser()).displayName).toBe('Dana Human');
    expect(h.emu.control.stats().byRoute['GET /rest/api/3/myself']).toBeGreaterThanOrEqual(4);
    expect(h.emu.control.stats().byStatus['401']).toBeGreaterThanOrEqual(2);
  });

  it('answers unknown paths with a Jira 404 body', async () => {
    const response = await fetch(`${h.emu.url}/rest/api/3/nothing-here`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${h.emu.credentials.email}:${h.emu.credentials.apiToken}`).toString('base64')}`,
      },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errorMessages: [expect.any(String)] });
  });
});
