import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { get, octokitFor, startEmulator } from './helpers.js';

describe('GitHub emulator: ETag and conditional requests', () => {
  let emu: GitHubEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  const remaining = (r: Response) => Number(r.headers.get('x-ratelimit-remaining'));

  it('sends a weak ETag that stays put while nothing changes and differs per query', async () => {
    const a = await get(emu, '/repos/acme/scheduler/issues?state=all&per_page=10');
    const b = await get(emu, '/repos/acme/scheduler/issues?state=all&per_page=10');
    expect(a.headers.get('etag')).toMatch(/^W\/"[0-9a-f]{40}"$/);
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    const other = await get(emu, '/repos/acme/scheduler/issues?state=all&per_page=11');
    expect(other.headers.get('etag')).not.toBe(a.headers.get('etag'));
    for (const path of [
      '/user',
      '/repos/acme/scheduler',
      '/repos/acme/scheduler/issues/1',
      '/repos/acme/scheduler/labels',
    ])
      expect((await get(emu, path)).headers.get('etag')).toMatch(/^W\//);
  });

  it('answers If-None-Match with 304 that costs no primary rate limit', async () => {
    const path = '/repos/acme/scheduler/issues?state=all&per_page=10';
    const first = await get(emu, path);
    const etag = first.headers.get('etag')!;
    const before = remaining(first);
    emu.control.resetStats();
    for (let i = 0; i < 3; i++) {
      const again = await get(emu, path, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(remaining(again)).toBe(before);
    }
    // Also without the W/ prefix (weak comparison) and in a list of tags.
    expect((await get(emu, path, { 'if-none-match': etag.slice(2) })).status).toBe(304);
    expect((await get(emu, path, { 'if-none-match': `"nope", ${etag}` })).status).toBe(304);
    expect(emu.control.stats().notModified).toBe(5);
    const counted = await get(emu, '/rate_limit');
    expect(((await counted.json()) as { rate: { remaining: number } }).rate.remaining).toBe(before);
  });

  it('changes the ETag when the page content changes (any mutation bumps updated_at)', async () => {
    const path = '/repos/acme/scheduler/issues?state=all&sort=updated&per_page=5';
    const first = await get(emu, path);
    const etag = first.headers.get('etag')!;
    const [newest] = (await first.json()) as { number: number }[];
    emu.control.advanceClock(60_000);
    emu.control.updateItem({ repo: 'acme/scheduler', number: newest!.number }, { labels: ['p1'] });
    const after = await get(emu, path, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('keeps answering 304 from the remembered tag of a list page until the repository changes', async () => {
    const tagOf = (r: Response) => r.headers.get('etag')!;
    for (const list of ['issues', 'pulls']) {
      const path = `/repos/acme/scheduler/${list}?state=all&sort=created&direction=asc&per_page=5`;
      const first = await get(emu, path);
      const etag = tagOf(first);
      const onPage = (await first.json()) as { number: number }[];
      // Unchanged: 304, again and again (the tag is remembered, not recomputed).
      for (let i = 0; i < 3; i++)
        expect((await get(emu, path, { 'if-none-match': etag })).status).toBe(304);
      // A change to an item on the page: a new tag, and the page anew.
      emu.control.advanceClock(60_000);
      emu.control.addComment(
        { repo: 'acme/scheduler', number: onPage[0]!.number },
        { body: 'a new comment changes the page' },
      );
      const changed = await get(emu, path, { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(tagOf(changed)).not.toBe(etag);
      expect((await get(emu, path, { 'if-none-match': tagOf(changed) })).status).toBe(304);
      // A change to an item on another page leaves this page, and so its tag, as they were.
      const all = (await (
        await get(
          emu,
          `/repos/acme/scheduler/${list}?state=all&sort=created&direction=asc&per_page=100`,
        )
      ).json()) as { number: number }[];
      const elsewhere = all[all.length - 1]!;
      expect(onPage.map((i) => i.number)).not.toContain(elsewhere.number);
      emu.control.updateItem({ repo: 'acme/scheduler', number: elsewhere.number }, { title: 'x' });
      const same = await get(emu, path, { 'if-none-match': tagOf(changed) });
      expect(same.status).toBe(304);
      expect(tagOf(same)).toBe(tagOf(changed));
      // And the remembered tag is the one a fresh rendering gives.
      expect(tagOf(await get(emu, path))).toBe(tagOf(changed));
    }
  });

  it('Octokit sees the 304 as a "Not modified" RequestError, as with real GitHub', async () => {
    const octokit = octokitFor(emu);
    const first = await octokit.rest.repos.get({ owner: 'acme', repo: 'scheduler' });
    const error = await octokit.rest.repos
      .get({ owner: 'acme', repo: 'scheduler', headers: { 'if-none-match': first.headers.etag } })
      .catch((e: unknown) => e);
    // Octokit's RequestError (named HttpError) with status 304.
    expect(error).toMatchObject({ name: 'HttpError', status: 304 });
  });
});
