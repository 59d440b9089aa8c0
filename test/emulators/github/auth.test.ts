import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { get, octokitFor, startEmulator } from './helpers.js';

describe('GitHub emulator: token auth', () => {
  let emu: GitHubEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ tokens: { 'tok-bot': 'northstar-bot', 'tok-other': 'ana-other' } });
  });
  afterAll(() => emu.close());

  it('refuses a missing token and an unknown token, with GitHub messages and rate headers', async () => {
    const none = await fetch(`${emu.url}/user`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ message: 'Requires authentication' });
    expect(none.headers.get('x-ratelimit-limit')).toBe('60');

    const bad = await fetch(`${emu.url}/user`, { headers: { authorization: 'token nope' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('accepts `token` and `Bearer` and answers GET /user as the token owner', async () => {
    const viaToken = await fetch(`${emu.url}/user`, {
      headers: { authorization: 'token tok-bot' },
    });
    expect(((await viaToken.json()) as { login: string }).login).toBe('northstar-bot');
    const viaBearer = await fetch(`${emu.url}/user`, {
      headers: { authorization: 'Bearer tok-other' },
    });
    expect(((await viaBearer.json()) as { login: string }).login).toBe('ana-other');

    const { data } = await octokitFor(emu, { token: 'tok-bot' }).rest.users.getAuthenticated();
    expect(data).toMatchObject({ login: 'northstar-bot', id: 1, type: 'User' });
  });

  it('keeps one primary budget per user, whichever of their tokens is used', async () => {
    const before = await get(emu, '/rate_limit', { authorization: 'token tok-other' });
    const used = ((await before.json()) as { rate: { used: number } }).rate.used;
    await fetch(`${emu.url}/repos/acme/scheduler`, {
      headers: { authorization: 'token tok-other' },
    });
    const after = await fetch(`${emu.url}/rate_limit`, {
      headers: { authorization: 'token tok-other' },
    });
    expect(((await after.json()) as { rate: { used: number } }).rate.used).toBe(used + 1);
  });
});
