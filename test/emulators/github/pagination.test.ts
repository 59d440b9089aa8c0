import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { get, linkTo, octokitFor, startEmulator } from './helpers.js';

/** 2,400 issues and 600 pull requests in one repository: 30 pages of 100. */
const LARGE = { repos: 1, issues: 2400, prs: 600 };

describe('GitHub emulator: Link pagination', () => {
  let emu: GitHubEmulator;
  let ghes: GitHubEmulator;
  beforeAll(async () => {
    emu = await startEmulator(LARGE);
    ghes = await startEmulator({ ...LARGE, pathPrefix: '/api/v3' });
  });
  afterAll(async () => {
    await emu.close();
    await ghes.close();
  });

  for (const which of ['api.github.com style', 'GitHub Enterprise Server /api/v3'] as const) {
    it(`octokit.paginate gets every issue and PR exactly once (${which})`, async () => {
      const target = which === 'api.github.com style' ? emu : ghes;
      target.control.resetStats();
      const octokit = octokitFor(target);
      const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner: 'acme',
        repo: 'scheduler',
        state: 'all',
        per_page: 100,
      });
      const repo = target.control.store.repo('acme', 'scheduler')!;
      const numbers = items.map((i) => i.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.sort((a, b) => a - b)).toEqual([...repo.items.keys()].sort((a, b) => a - b));
      expect(items.filter((i) => i.pull_request).length).toBe(600);

      // Page 1 at the address the client built, pages 2..30 at the Link's /repositories/{id}.
      const byRoute = target.control.stats().byRoute;
      expect(byRoute['GET /repos/{owner}/{repo}/issues']).toBe(1);
      expect(byRoute['GET /repositories/{repository_id}/issues']).toBe(29);

      const pulls = await octokit.paginate(octokit.rest.pulls.list, {
        owner: 'acme',
        repo: 'scheduler',
        state: 'all',
        per_page: 100,
      });
      expect(new Set(pulls.map((p) => p.id)).size).toBe(600);
    });
  }

  it('writes prev/next/last/first like GitHub, keeps the query, and caps per_page at 100', async () => {
    const first = await get(emu, '/repos/acme/scheduler/issues?state=all&per_page=100');
    const link = first.headers.get('link');
    const repoId = emu.control.store.repo('acme', 'scheduler')!.id;
    expect(linkTo(link, 'next')).toBe(
      `${emu.url}/repositories/${repoId}/issues?state=all&per_page=100&page=2`,
    );
    expect(linkTo(link, 'last')).toBe(
      `${emu.url}/repositories/${repoId}/issues?state=all&per_page=100&page=30`,
    );
    expect(linkTo(link, 'prev')).toBeUndefined();

    const middle = await get(emu, linkTo(link, 'next')!);
    const middleLink = middle.headers.get('link');
    expect(linkTo(middleLink, 'prev')).toContain('page=1');
    expect(linkTo(middleLink, 'first')).toContain('page=1');
    expect(linkTo(middleLink, 'next')).toContain('page=3');

    const capped = await get(emu, '/repos/acme/scheduler/issues?state=all&per_page=500');
    expect(((await capped.json()) as unknown[]).length).toBe(100);
    const defaulted = await get(emu, '/repos/acme/scheduler/issues?state=all');
    expect(((await defaulted.json()) as unknown[]).length).toBe(30);
  });

  it('serves the GHES prefix only: paths outside /api/v3 are unknown', async () => {
    expect((await get(ghes, '/repos/acme/scheduler')).status).toBe(200);
    const outside = await fetch(`${ghes.origin}/repos/acme/scheduler`, {
      headers: { authorization: 'token x' },
    });
    expect(outside.status).toBe(401); // unknown token first …
    const outsideAuthed = await get({ url: ghes.origin }, '/repos/acme/scheduler');
    expect(outsideAuthed.status).toBe(404); // … and no such path without the prefix
    const page = await get(ghes, '/repos/acme/scheduler/issues?per_page=5');
    expect(linkTo(page.headers.get('link'), 'next')).toMatch(
      new RegExp(`^${ghes.origin}/api/v3/repositories/\\d+/issues\\?`),
    );
  });

  it('announces a configurable public base URL in links and url fields', async () => {
    const proxied = await startEmulator({
      publicUrl: 'https://ghe.example.com/api/v3',
      pathPrefix: '/api/v3',
    });
    try {
      const response = await get(proxied, '/repos/acme/scheduler/issues?per_page=1');
      expect(linkTo(response.headers.get('link'), 'next')).toMatch(
        /^https:\/\/ghe\.example\.com\/api\/v3\/repositories\/\d+\/issues\?per_page=1&page=2$/,
      );
      const [issue] = (await response.json()) as { url: string; html_url: string }[];
      expect(issue!.url).toMatch(
        /^https:\/\/ghe\.example\.com\/api\/v3\/repos\/acme\/scheduler\/issues\/\d+$/,
      );
      expect(issue!.html_url).toMatch(/^https:\/\/ghe\.example\.com\/acme\/scheduler\//);
    } finally {
      await proxied.close();
    }
  });
});
