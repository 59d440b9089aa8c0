import { Version3Client } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemRecord } from '../../src/emulators/github/index.js';
import {
  generateOrg,
  startOrgEmulators,
  type OrgEmulators,
  type OrgLayout,
  type OrgProject,
} from '../../src/emulators/org/index.js';
import { octokitFor } from './github/helpers.js';

const projectsOf = (org: OrgLayout): OrgProject[] =>
  org.bets.flatMap((b) => b.programs.flatMap((p) => p.projects));

describe('the seeded org: layout rules', () => {
  const { org, jira, github } = generateOrg({ seed: 'layout' });
  const projects = projectsOf(org);
  const now = Date.parse(org.now);

  it('is the same for the same seed (data and layout) and differs for another seed', () => {
    const again = generateOrg({ seed: 'layout' });
    expect(again.org).toEqual(org);
    const titles = (d: typeof again) =>
      d.github.repos.flatMap((r) => [...r.items.values()].map((i) => i.title));
    expect(titles(again)).toEqual(titles({ org, jira, github }));
    expect(generateOrg({ seed: 'other' }).org).not.toEqual(org);
  });

  it('has a few big bets of programs of projects, with unique ids', () => {
    const programs = org.bets.flatMap((b) => b.programs);
    expect(org.bets.length).toBeGreaterThanOrEqual(3);
    expect(programs.length).toBeGreaterThan(org.bets.length);
    expect(projects.length).toBeGreaterThanOrEqual(12);
    const ids = [...org.bets, ...programs, ...projects].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))).toBe(true);
  });

  it('maps every project to epics, each epic to one project; some add a JQL label selection', () => {
    const epics = projects.flatMap((p) => p.jira.epics);
    expect(projects.every((p) => p.jira.epics.length > 0)).toBe(true);
    expect(new Set(epics).size).toBe(epics.length);
    const withJql = projects.filter((p) => p.jira.jql !== undefined);
    expect(withJql.length).toBeGreaterThan(0);
    for (const p of withJql) expect(p.jira.jql).toMatch(/^project = [A-Z]+ AND labels = "[^"]+"$/);
    // Children reach epics through `parent`, and in "old style" projects through Epic Link only.
    expect(projects.some((p) => p.plan.epicLinkOnlyChildren > 0)).toBe(true);
    expect(projects.some((p) => p.plan.epicLinkOnlyChildren === 0)).toBe(true);
  });

  it('maps repositories with label and milestone filters and unique tracking issues', () => {
    const sections = projects.flatMap((p) => (p.github ? [p.github] : []));
    expect(sections.length).toBeGreaterThan(projects.length / 2);
    expect(sections.some((s) => s.labels.length > 0)).toBe(true);
    expect(sections.some((s) => s.milestones.length > 0)).toBe(true);
    const tracking = [
      ...sections.flatMap((s) => (s.trackingIssue ? [s.trackingIssue] : [])),
      ...org.bets.flatMap((b) => b.programs.flatMap((p) => p.trackingIssue ?? [])),
    ];
    expect(tracking.length).toBeGreaterThan(0);
    expect(new Set(tracking).size).toBe(tracking.length);
  });

  it('sets targets ahead, at risk, one in the past and none; declared statuses agree and disagree', () => {
    const by = (schedule: string) => projects.filter((p) => p.plan.schedule === schedule);
    expect(by('overdue')).toHaveLength(1);
    expect(Date.parse(`${by('overdue')[0]?.targetDate ?? ''}T00:00:00Z`)).toBeLessThan(now);
    for (const p of [...by('comfortable'), ...by('tight'), ...by('at-risk')])
      expect(Date.parse(`${p.targetDate ?? ''}T00:00:00Z`)).toBeGreaterThan(now);
    expect(by('comfortable').length).toBeGreaterThan(0);
    expect(by('at-risk').length).toBeGreaterThan(0);
    expect(by('none').every((p) => p.targetDate === undefined)).toBe(true);
    expect(by('none').length).toBeGreaterThan(0);
    // "Comfortable" leaves more weeks than the remaining work needs at the recent pace.
    for (const p of by('comfortable')) {
      const weeks = (Date.parse(`${p.targetDate ?? ''}T00:00:00Z`) - now) / (7 * 86_400_000);
      expect(weeks * p.plan.weeklyThroughput).toBeGreaterThan(p.plan.openItems);
    }
    const declared = projects.filter((p) => p.status !== undefined);
    expect(declared.some((p) => p.plan.statusDisagrees)).toBe(true);
    expect(declared.some((p) => !p.plan.statusDisagrees)).toBe(true);
    expect(org.bets.every((b) => b.targetDate !== undefined)).toBe(true);
  });

  it('has pull requests that mention real Jira keys in every style, and ~20 % that mention none', () => {
    const keys = new Set(
      jira.issues.map((i) => `${jira.site.projects[i.project]?.key ?? ''}-${i.number}`),
    );
    const pulls = github.repos.flatMap((r) => [...r.items.values()].filter((i) => i.pull));
    const mentions = pulls.flatMap((p) => p.pull?.seedMentions ?? []);
    expect(mentions.length).toBeGreaterThan(pulls.length / 2);
    expect(mentions.every((m) => keys.has(m.key))).toBe(true);
    const sources = new Set(mentions.map((m) => m.source));
    expect([...sources].sort()).toEqual(['body', 'branch', 'title']);
    const text = (p: ItemRecord) => `${p.title}\n${p.pull?.headRef ?? ''}\n${p.body ?? ''}`;
    // Branch-only mentions are lower case; several keys in one PR; false friends that are no key.
    expect(
      pulls.some((p) => p.pull?.headRef.includes(p.pull.seedMentions[0]?.key.toLowerCase() ?? '#')),
    ).toBe(true);
    expect(pulls.some((p) => (p.pull?.seedMentions.length ?? 0) >= 2)).toBe(true);
    expect(pulls.some((p) => /UTF-8|RFC-7231|ISO-8601|SHA-256|HTTP-2/.test(text(p)))).toBe(true);
    const none = pulls.filter((p) => p.pull?.seedMentions.length === 0).length / pulls.length;
    expect(none).toBeGreaterThan(0.1);
    expect(none).toBeLessThan(0.35);
  });

  it('mostly mentions the keys of the teams that work in the repository', () => {
    const projectKeys = new Map<string, Set<string>>();
    for (const p of projects)
      for (const repo of p.github?.repos.slice(0, 1) ?? [])
        (projectKeys.get(repo) ?? projectKeys.set(repo, new Set()).get(repo))?.add(
          p.plan.jiraProject,
        );
    let home = 0;
    let all = 0;
    github.repos.forEach((repo, r) => {
      const own = projectKeys.get(org.repos[r] ?? '');
      if (!own) return;
      for (const item of repo.items.values())
        for (const m of item.pull?.seedMentions ?? []) {
          all++;
          if (own.has(m.key.split('-')[0] ?? '')) home++;
        }
    });
    expect(home / all).toBeGreaterThan(0.7);
  });

  it(
    'scales to 100k issues / 10k PRs / 50 repos: ~2,000 epics in ~500 projects',
    { timeout: 120_000 },
    () => {
      const started = performance.now();
      const big = generateOrg({ seed: 'bench', issues: 100_000, prs: 10_000 });
      const ms = performance.now() - started;
      const all = projectsOf(big.org);
      const epics = all.reduce((n, p) => n + p.jira.epics.length, 0);
      console.log(`org at 100k issues / 10k PRs: ${ms.toFixed(0)} ms, ${all.length} projects`);
      expect(big.org.repos).toHaveLength(50);
      expect(epics).toBeGreaterThan(1_800);
      expect(all.length).toBeGreaterThan(400);
      expect(all.length).toBeLessThan(600);
      expect(big.org.bets.length).toBeLessThanOrEqual(12);
      expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    },
  );
});

describe('the seeded org served by both emulators', () => {
  let running: OrgEmulators;
  let jira: Version3Client;
  let projects: OrgProject[];

  beforeAll(async () => {
    running = await startOrgEmulators({ seed: 'served', issues: 1_500, prs: 400 });
    projects = projectsOf(running.org);
    jira = new Version3Client({
      host: running.jira.url,
      authentication: {
        basic: { email: running.jira.email, apiToken: running.jira.apiToken },
      },
    });
  });
  afterAll(async () => {
    await running.close();
  });

  it('serves every configured epic as an Epic, with children through parent or Epic Link', async () => {
    const epics = projects.flatMap((p) => p.jira.epics);
    const found = await jira.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: `key in (${epics.join(', ')})`,
      fields: ['issuetype'],
      maxResults: 100,
    });
    expect(found.issues?.map((i) => i.key).sort()).toEqual([...epics].sort());
    expect(found.issues?.every((i) => i.fields.issuetype?.name === 'Epic')).toBe(true);

    const legacy = projects.find((p) => p.plan.epicLinkOnlyChildren > 0);
    const epic = legacy?.jira.epics.find((key) =>
      running.jira.emulator.control.issues({ epic: key }).some((c) => c.parentKey === null),
    );
    expect(epic).toBeDefined();
    const viaLink = await jira.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: `"Epic Link" = ${epic ?? ''}`,
      fields: ['summary'],
    });
    expect(viaLink.issues?.length).toBeGreaterThan(0);
  });

  it('answers every JQL selection with at least one issue', async () => {
    for (const project of projects.filter((p) => p.jira.jql !== undefined)) {
      const page = await jira.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql: project.jira.jql ?? '',
        fields: ['labels'],
        maxResults: 1,
      });
      expect(page.issues?.length).toBe(1);
    }
  });

  it('serves every configured repository, milestone and tracking issue', async () => {
    const octokit = octokitFor(running.github);
    const user = await octokit.rest.users.getAuthenticated();
    expect(user.data.login).toBe('northstar-bot');
    const repos = new Set(projects.flatMap((p) => p.github?.repos ?? []));
    for (const fullName of repos) {
      const [owner = '', repo = ''] = fullName.split('/');
      const { data } = await octokit.rest.repos.get({ owner, repo });
      expect(data.full_name).toBe(fullName);
    }
    const tracking = [
      ...projects.flatMap((p) => p.github?.trackingIssue ?? []),
      ...running.org.bets.flatMap((b) => b.programs.flatMap((p) => p.trackingIssue ?? [])),
    ];
    for (const ref of tracking) {
      const [, owner = '', repo = '', number = ''] = /^([^/]+)\/([^#]+)#(\d+)$/.exec(ref) ?? [];
      const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: Number(number) });
      expect(data.pull_request).toBeUndefined();
      expect(data.title).toMatch(/^Tracking: /);
    }
    const filtered = projects.find((p) => (p.github?.milestones.length ?? 0) > 0);
    if (filtered?.github) {
      const [owner = '', repo = ''] = filtered.github.repos[0]?.split('/') ?? [];
      const { data } = await octokit.rest.issues.listMilestones({ owner, repo, state: 'all' });
      expect(data.map((m) => m.title)).toContain(filtered.github.milestones[0]);
    }
  });

  it('lists the projects and repositories it serves', () => {
    expect(running.jira.projects).toEqual(
      running.jira.emulator.control.projects().map((p) => p.key),
    );
    expect(running.github.repos).toEqual(running.org.repos);
    expect(running.jira.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.github.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
