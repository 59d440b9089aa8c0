import { describe, expect, it } from 'vitest';
import type { GitHubData, ItemRecord } from '../../../src/emulators/github/index.js';
import { generateGitHubData } from '../../../src/emulators/seed/github.js';

const options = {
  seed: 'acme',
  repos: 5,
  issues: 800,
  prs: 600,
  jiraKeys: (i: number) => `${['INFRA', 'WEB', 'API'][i % 3]!}-${(i % 400) + 1}`,
};

const items = (data: GitHubData): ItemRecord[] => data.repos.flatMap((r) => [...r.items.values()]);

describe('seeded GitHub data', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = generateGitHubData(options);
    const b = generateGitHubData(options);
    const c = generateGitHubData({ ...options, seed: 'other' });
    const fingerprint = (data: GitHubData) =>
      JSON.stringify(
        items(data).map((i) => [i.id, i.number, i.title, i.state, i.updatedAt, i.pull?.headRef]),
      );
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(c)).not.toBe(fingerprint(a));
  });

  it('has exactly the requested repos, issues and PRs, numbered per repo from 1', () => {
    const data = generateGitHubData(options);
    expect(data.repos).toHaveLength(5);
    const all = items(data);
    expect(all.filter((i) => !i.pull)).toHaveLength(800);
    expect(all.filter((i) => i.pull)).toHaveLength(600);
    for (const repo of data.repos) {
      const numbers = [...repo.items.keys()].sort((x, y) => x - y);
      expect(numbers).toEqual(numbers.map((_, k) => k + 1));
      expect(repo.labels.length).toBeGreaterThan(5);
      expect(repo.milestones.map((m) => m.title)).toContain('v2');
      expect([...repo.items.values()].some((i) => i.title.startsWith('Tracking: '))).toBe(true);
    }
    // Ids beyond 32 bits, as on today's GitHub.
    expect(all.every((i) => i.id > 2 ** 31)).toBe(true);
  });

  it('mixes in the messy cases: not planned, reopened, deleted users and forks, null bodies, drafts', () => {
    const all = items(generateGitHubData(options));
    const issues = all.filter((i) => !i.pull);
    const pulls = all.filter((i) => i.pull);
    expect(issues.some((i) => i.stateReason === 'not_planned')).toBe(true);
    expect(issues.some((i) => i.stateReason === 'reopened' && i.state === 'open')).toBe(true);
    expect(issues.some((i) => i.assigneeIds.length > 0)).toBe(true);
    expect(issues.some((i) => i.assigneeIds.length === 0)).toBe(true);
    expect(all.some((i) => i.authorId === null)).toBe(true);
    expect(pulls.some((i) => i.pull!.headRepoId === null)).toBe(true);
    expect(pulls.some((i) => i.body === null)).toBe(true);
    expect(pulls.some((i) => i.pull!.draft)).toBe(true);
    expect(pulls.some((i) => i.pull!.mergedAt !== null)).toBe(true);
    expect(pulls.some((i) => i.state === 'closed' && i.pull!.mergedAt === null)).toBe(true);
    expect(pulls.some((i) => i.pull!.requestedReviewerIds.length > 0)).toBe(true);
    for (const i of all) expect(i.updatedAt).toBeGreaterThanOrEqual(i.createdAt);
  });

  it('mentions Jira keys in title, branch (lower case) or body, several or none (~20%)', () => {
    const pulls = items(generateGitHubData(options)).filter((i) => i.pull);
    const none = pulls.filter((p) => p.pull!.seedMentions.length === 0).length / pulls.length;
    expect(none).toBeGreaterThan(0.12);
    expect(none).toBeLessThan(0.3);
    const sources = new Set(pulls.flatMap((p) => p.pull!.seedMentions.map((m) => m.source)));
    expect([...sources].sort()).toEqual(['body', 'branch', 'title']);
    expect(pulls.some((p) => new Set(p.pull!.seedMentions.map((m) => m.key)).size > 1)).toBe(true);
    for (const p of pulls)
      for (const m of p.pull!.seedMentions) {
        const text = { title: p.title, branch: p.pull!.headRef, body: p.body ?? '' }[m.source];
        expect(text.toUpperCase()).toContain(m.key);
        if (m.source === 'branch') expect(p.pull!.headRef).toContain(m.key.toLowerCase());
      }
    expect(
      pulls.some((p) => /UTF-8|RFC-\d+|ISO-8601|SHA-256|HTTP-2/.test(`${p.title} ${p.body ?? ''}`)),
    ).toBe(true);
    expect(pulls.some((p) => p.body !== null && /Part of [a-z]+-\d+/.test(p.body))).toBe(true);
  });

  it('leaves PRs without keys when the caller has none', () => {
    const data = generateGitHubData({ ...options, jiraKeys: () => null });
    expect(items(data).every((i) => (i.pull?.seedMentions.length ?? 0) === 0)).toBe(true);
  });
});
