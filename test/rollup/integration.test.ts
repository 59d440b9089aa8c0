/**
 * Must-show: seeded emulators → sync (real jira.js and Octokit over HTTP, the sync jobs through the
 * in-process runner) → the compute-rollups job → every project's counts agree with counts taken
 * straight from the emulators' own records, programs and bets sum them, and each project's check
 * links (JQL) list exactly the Jira items counted when run against the Jira emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProjects, buildHierarchy } from '../../src/config/index.js';
import type { Project } from '../../src/domain/hierarchy.js';
import type { Rollup } from '../../src/domain/rollup.js';
import { computeRollups, type ComputeRollupsResult } from '../../src/jobs/compute-rollups.js';
import { ManualClock } from '../../src/lib/clock.js';
import { startSyncWorld, type SyncWorld } from '../sync/helpers.js';
import { jobContext } from '../helpers/job-context.js';

interface Counts {
  total: number;
  todo: number;
  inProgress: number;
  done: number;
  outOfScope: number;
}

const ORG_JQL = /^project = ([A-Z][A-Z0-9]*) AND labels = "([^"]+)"$/;

function empty(): Counts {
  return { total: 0, todo: 0, inProgress: 0, done: 0, outOfScope: 0 };
}

type StoredRepo = ReturnType<
  SyncWorld['org']['github']['emulator']['control']['store']['repos']
>[number];

/** An open or draft PR of the repository whose description says "Fixes #N" for this issue. */
function openPullCloses(repo: StoredRepo, number: number): boolean {
  for (const item of repo.items.values()) {
    if (item.pull === null || item.state !== 'open') continue;
    if (new RegExp(`\\bfixes #${String(number)}\\b`, 'i').test(item.body ?? '')) return true;
  }
  return false;
}

/** Per project, from the emulators' records: Jira counts and Jira + GitHub counts. */
function expectedCounts(
  world: SyncWorld,
  projects: Project[],
): Map<string, { jira: Counts; all: Counts }> {
  const issues = world.org.jira.emulator.control.issues();
  const store = world.org.github.emulator.control.store;
  const out = new Map<string, { jira: Counts; all: Counts }>();
  for (const project of projects) {
    const epics = new Set(project.jira.epics);
    const selection = project.jira.jql === null ? null : ORG_JQL.exec(project.jira.jql);
    const jira = empty();
    for (const issue of issues) {
      if (issue.isEpic) continue;
      const viaEpic =
        issue.parentKey !== null
          ? epics.has(issue.parentKey)
          : issue.epicLinkKey !== null && epics.has(issue.epicLinkKey);
      const viaJql =
        selection !== null &&
        issue.project === selection[1] &&
        issue.labels.includes(selection[2] ?? '');
      if (!viaEpic && !viaJql) continue;
      jira.total++;
      if (issue.statusCategory === 'done') jira.done++;
      else if (issue.statusCategory === 'indeterminate') jira.inProgress++;
      else jira.todo++;
    }
    const all = { ...jira };
    for (const repo of store.repos()) {
      if (!project.github.repos.includes(store.fullName(repo))) continue;
      for (const item of repo.items.values()) {
        if (item.pull !== null) continue;
        const labels = item.labelIds.map((id) => repo.labels.find((l) => l.id === id)?.name ?? '');
        const milestone =
          repo.milestones.find((m) => m.number === item.milestoneNumber)?.title ?? null;
        if (
          project.github.labels.length > 0 &&
          !labels.some((l) => project.github.labels.includes(l))
        )
          continue;
        if (
          project.github.milestones.length > 0 &&
          (milestone === null || !project.github.milestones.includes(milestone))
        )
          continue;
        if (
          item.state === 'closed' &&
          (item.stateReason === 'not_planned' || item.stateReason === 'duplicate')
        ) {
          all.outOfScope++;
          continue;
        }
        all.total++;
        if (item.state === 'closed') all.done++;
        else if (item.assigneeIds.length > 0 || openPullCloses(repo, item.number)) all.inProgress++;
        else all.todo++;
      }
    }
    out.set(project.id, { jira, all });
  }
  return out;
}

/** How many issues a JQL search on the Jira emulator lists (all pages). */
async function countJql(world: SyncWorld, jql: string): Promise<number> {
  const auth = Buffer.from(`${world.org.jira.email}:${world.org.jira.apiToken}`).toString('base64');
  let count = 0;
  let nextPageToken: string | undefined;
  do {
    const response = await fetch(`${world.org.jira.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jql, fields: ['id'], maxResults: 5000, nextPageToken }),
    });
    expect(response.status, jql).toBe(200);
    const page = (await response.json()) as { issues: unknown[]; nextPageToken?: string };
    count += page.issues.length;
    nextPageToken = page.nextPageToken;
  } while (nextPageToken !== undefined);
  return count;
}

describe('seeded emulators → sync → rollup', () => {
  let world: SyncWorld;
  let result: ComputeRollupsResult;
  let projects: Project[];

  beforeAll(async () => {
    world = await startSyncWorld();
    // Open issues nobody is assigned to, "fixed" by an open PR, a draft and a merged one: the
    // first two count as in progress (the BRIEF's "open linked PR"), the third does not.
    const github = world.org.github.emulator.control;
    const configured = new Set(
      world.loaded.config.bets.flatMap((b) =>
        b.programs.flatMap((p) => p.projects.flatMap((x) => x.github?.repos ?? [])),
      ),
    );
    const repo = github.store.repos().find((r) => configured.has(github.store.fullName(r)))!;
    const repoName = github.store.fullName(repo);
    const unassigned = [...repo.items.values()].filter(
      (i) => i.pull === null && i.state === 'open' && i.assigneeIds.length === 0,
    );
    expect(unassigned.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = unassigned;
    github.createPull(repoName, {
      title: 'Fix a',
      body: `Fixes #${String(a!.number)}`,
      head: 'fix-a',
    });
    github.createPull(repoName, {
      title: 'Fix b',
      body: `Some words.\n\nfixes #${String(b!.number)}`,
      head: 'fix-b',
      draft: true,
    });
    const merged = github.createPull(repoName, {
      title: 'Fix c',
      body: `Fixes #${String(c!.number)}`,
      head: 'fix-c',
    });
    github.mergePull({ repo: repoName, number: merged.number });
    const synced = await world.sync({ full: true });
    expect(synced.run.failed).toEqual([]);
    const config = world.loaded.config;
    const hierarchy = buildHierarchy(config);
    projects = allProjects(hierarchy);
    const ctx = jobContext({
      config,
      hierarchy,
      clock: new ManualClock(world.org.org.now),
      db: world.db,
    });
    result = await computeRollups(ctx, {});
  }, 120_000);
  afterAll(async () => {
    await world.close();
  });

  it('counts every project as the emulators do', () => {
    const expected = expectedCounts(world, projects);
    expect(projects.length).toBeGreaterThan(3);
    let items = 0;
    for (const project of projects) {
      const rollup = result.tree.byId.get(project.id);
      expect(rollup?.counts, project.id).toEqual(expected.get(project.id)?.all);
      items += rollup?.counts.total ?? 0;
    }
    expect(items).toBeGreaterThan(100);
  });

  it('sums projects into programs and programs into bets', () => {
    const sum = (ids: string[]): number =>
      ids.reduce((n, id) => n + (result.tree.byId.get(id)?.counts.total ?? 0), 0);
    for (const rollup of result.tree.byId.values()) {
      if (rollup.level === 'project') continue;
      expect(rollup.counts.total, rollup.id).toBe(sum(rollup.children));
    }
    expect(result.tree.bets.length).toBeGreaterThan(0);
  });

  it('links each Jira count to a JQL search that lists exactly those items', async () => {
    const expected = expectedCounts(world, projects);
    for (const project of projects.slice(0, 6)) {
      const rollup = result.tree.byId.get(project.id) as Rollup;
      const jira = expected.get(project.id)?.jira;
      if (!rollup.links.all.jql || !jira) continue;
      expect(await countJql(world, rollup.links.all.jql), project.id).toBe(jira.total);
      expect(await countJql(world, rollup.links.done.jql ?? ''), project.id).toBe(jira.done);
      expect(await countJql(world, rollup.links.inProgress.jql ?? ''), project.id).toBe(
        jira.inProgress,
      );
    }
  });

  it('forecasts from the synced history and judges health against the layout plan', () => {
    const withTargets = projects.filter((p) => p.targetDate !== null);
    const forecast = withTargets.map((p) => result.tree.byId.get(p.id)!);
    expect(forecast.some((r) => r.forecast.p85 !== null)).toBe(true);
    for (const r of forecast) {
      if (r.forecast.probOnTime === null) expect(r.health).toBe('no-data');
    }
    // The seeded org puts exactly one target in the past: that project cannot be on time.
    const overdue = world.org.org.bets
      .flatMap((b) => b.programs.flatMap((p) => p.projects))
      .filter((p) => p.plan.schedule === 'overdue');
    for (const p of overdue) {
      const r = result.tree.byId.get(p.id)!;
      if (r.forecast.remaining > 0) expect(r.forecast.probOnTime).toBe(0);
    }
  });
});
