import { describe, expect, it } from 'vitest';
import {
  EmulatorClock,
  RateLimitTracker,
  Rng,
  Router,
  startEmulatorServer,
} from '../../src/emulators/core/index.js';

describe('emulator core', () => {
  it('Rng is deterministic per seed and forks independently', () => {
    const a = new Rng('seed-a');
    const b = new Rng('seed-a');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(new Rng('seed-b').next()).not.toBe(seqA[0]);
    const f1 = new Rng('x').fork('jira');
    const parent = new Rng('x');
    const f2 = parent.fork('jira');
    parent.next();
    expect(f1.next()).toBe(f2.next());
  });

  it('Router matches params, names routes and tells a wrong method apart', () => {
    const router = new Router().get('/repos/{owner}/{repo}/issues', () => ({ status: 200 }));
    const match = router.match('GET', '/repos/acme/web%2Dapp/issues');
    expect(match).toMatchObject({
      name: 'GET /repos/{owner}/{repo}/issues',
      params: { owner: 'acme', repo: 'web-app' },
    });
    expect(router.match('POST', '/repos/acme/web/issues')).toBe('method');
    expect(router.match('GET', '/repos/acme/issues')).toBeNull();
  });

  it('RateLimitTracker counts requests that arrive before the announced time', () => {
    const tracker = new RateLimitTracker();
    tracker.block('bot', 10_000);
    expect(tracker.check('bot', 'GET /x', 5_000)).toBe(5_000);
    expect(tracker.earlyRetries).toBe(1);
    expect(tracker.check('other', 'GET /x', 5_000)).toBe(0);
    expect(tracker.check('bot', 'GET /x', 10_000)).toBe(0);
    expect(tracker.earlyRetries).toBe(1);
  });

  it('serves routes, counts them, and injects periodic rate limits that bind the client', async () => {
    const router = new Router().get('/thing/{id}', (req) => ({
      status: 200,
      body: { id: req.params['id'] },
    }));
    const server = await startEmulatorServer({
      name: 'test',
      router,
      clock: new EmulatorClock(),
      authenticate: (req) =>
        req.headers.authorization === 'token ok' ? 'bot' : { status: 401, body: {} },
      rateLimited: (_req, waitMs) => ({
        status: 429,
        headers: { 'retry-after': Math.ceil(waitMs / 1000) },
        body: {},
      }),
      notFound: () => ({ status: 404, body: {} }),
    });
    try {
      const get = (path: string, auth = 'token ok') =>
        fetch(`${server.url}${path}`, { headers: { authorization: auth } });
      expect((await get('/thing/1', 'token bad')).status).toBe(401);
      const ok = await get('/thing/7');
      expect(await ok.json()).toEqual({ id: '7' });
      expect((await get('/nope')).status).toBe(404);

      server.faults.configure({ rateLimit: { every: 2, retryAfterSeconds: 1 } });
      expect((await get('/thing/1')).status).toBe(200);
      const limited = await get('/thing/2');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect((await get('/thing/3')).status).toBe(429); // too early: refused and counted
      expect(server.stats().earlyRetries).toBe(1);
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await get('/thing/4')).status).toBe(200);
      expect(server.stats().byRoute['GET /thing/{id}']).toBeGreaterThanOrEqual(5);
    } finally {
      await server.close();
    }
  });
});
