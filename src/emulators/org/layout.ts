/**
 * Lays the seeded Jira and GitHub data out as an organisation: big bets → programs → projects.
 *
 * - Projects: each Jira project's epics are dealt to about one northstar project per four epics
 *   (every project gets one of the oldest epics, the rest go by random weights), so a project
 *   spans the whole history — finished epics give it throughput, recent ones open work. Children
 *   reach their epic through `parent`, and in the company-managed projects seeded "old style"
 *   often only through the legacy Epic Link. 2,000 epics make about 500 projects.
 * - About 15 % of projects (at least one) add a JQL selection by a label their Jira project uses.
 * - GitHub repositories, label / milestone filters and tracking issues: `github-mapping.ts`.
 * - Target dates and declared statuses: `schedule.ts`, against the work the forecast will see
 *   (the epics' children plus the GitHub issues the project selects; not the JQL extra).
 * - Programs group four projects on average, drawn across teams; big bets group about ten
 *   programs (at least three bets when there are three programs, at most twelve).
 */
import { Rng } from '../core/index.js';
import type { GitHubData } from '../github/store/types.js';
import type { JiraData } from '../jira/store/types.js';
import {
  assignProgramTracking,
  githubSections,
  githubWork,
  TrackingIssues,
} from './github-mapping.js';
import { THROUGHPUT_WEEKS, type EpicFacts, type JiraFacts } from './jira-facts.js';
import type { RepoAffinity } from './mentions.js';
import {
  betNames,
  IdRegistry,
  ownerPool,
  programNames,
  projectNames,
  shuffled,
  splitIntoGroups,
} from './names.js';
import { isoDate, planSchedules, type ScheduleInput } from './schedule.js';
import type { OrgBet, OrgLayout, OrgProgram, OrgProject } from './types.js';

export interface LayoutOptions {
  seed: string;
  jira: JiraData;
  github: GitHubData;
  facts: JiraFacts;
  affinity: RepoAffinity;
}

interface Draft {
  jiraProject: number;
  /** Position among its Jira project's northstar projects. */
  ordinal: number;
  epics: EpicFacts[];
}

const EPICS_PER_PROJECT = 4;
const DAY = 86_400_000;
const WEEK = 7 * DAY;

export function layoutOrg(options: LayoutOptions): OrgLayout {
  const { jira, github, facts } = options;
  const rng = new Rng(`org:${options.seed}`);
  const fullNames = repoFullNames(github);
  const drafts = dealEpics(rng.fork('epics'), facts);
  const tracking = new TrackingIssues(github, fullNames);
  const sections = githubSections(
    { rng: rng.fork('github'), affinity: options.affinity, fullNames, tracking },
    drafts,
  );
  // The work a project's forecast will see: its epics' children and the GitHub issues it selects.
  const since = jira.now - THROUGHPUT_WEEKS * WEEK;
  const work = drafts.map((d, i) => {
    const issues = githubWork(sections[i], { data: github, fullNames, since });
    return {
      open: sum(d.epics, (e) => e.open) + issues.open,
      done: sum(d.epics, (e) => e.done) + issues.done,
      doneRecently: sum(d.epics, (e) => e.doneRecently) + issues.doneRecently,
    };
  });
  const inputs: ScheduleInput[] = work.map((w) => ({
    open: w.open,
    weeklyThroughput: w.doneRecently / THROUGHPUT_WEEKS,
  }));
  const schedules = planSchedules(rng.fork('schedule'), inputs, jira.now);
  const ids = new IdRegistry();
  const names = projectNames(rng.fork('names'));
  const owners = ownerPool(rng.fork('owners'));
  const shape = rng.fork('shape');
  const jqlAt = shape.int(0, Math.max(0, drafts.length - 1));

  const projects: OrgProject[] = drafts.map((draft, i) => {
    const schedule = schedules[i] ?? { schedule: 'none', statusDisagrees: false };
    const name = names.next();
    const key = facts.projectKeys[draft.jiraProject] ?? 'X';
    const jql =
      i === jqlAt || shape.chance(0.15)
        ? jqlByLabel(shape, key, facts.labelsByProject[draft.jiraProject] ?? [])
        : undefined;
    const githubPart = sections[i];
    return {
      id: ids.claim(name),
      name,
      owner: shape.pick(owners),
      ...(schedule.targetDate ? { targetDate: schedule.targetDate } : {}),
      ...(schedule.status ? { status: schedule.status } : {}),
      jira: { epics: draft.epics.map((e) => e.key), ...(jql ? { jql } : {}) },
      ...(githubPart ? { github: githubPart } : {}),
      plan: {
        schedule: schedule.schedule,
        jiraProject: key,
        openItems: work[i]?.open ?? 0,
        doneItems: work[i]?.done ?? 0,
        weeklyThroughput: Math.round((inputs[i]?.weeklyThroughput ?? 0) * 10) / 10,
        epicLinkOnlyChildren: sum(draft.epics, (e) => e.epicLinkOnly),
        statusDisagrees: schedule.statusDisagrees,
      },
    };
  });

  // Programs are multi-team: group projects after shuffling them across Jira projects.
  const grouping = rng.fork('grouping');
  const programCount = Math.max(Math.min(projects.length, 2), Math.round(projects.length / 4));
  const programNamePool = programNames();
  const programs: OrgProgram[] = splitIntoGroups(
    grouping,
    shuffled(grouping, projects),
    programCount,
  ).map((members) => {
    const name = programNamePool.next();
    const latest = latestTarget(members.map((p) => p.targetDate));
    return {
      id: ids.claim(name),
      name,
      owner: grouping.pick(owners),
      ...(latest !== undefined && grouping.chance(0.7)
        ? { targetDate: isoDate(latest + 14 * DAY) }
        : {}),
      projects: members,
    };
  });
  assignProgramTracking(programs, tracking);

  const betCount = Math.max(
    1,
    Math.min(programs.length, Math.max(3, Math.min(12, Math.round(programs.length / 10)))),
  );
  const betNamePool = betNames();
  const bets: OrgBet[] = splitIntoGroups(grouping, programs, betCount).map((members) => {
    const name = betNamePool.next();
    const latest = latestTarget(
      members.flatMap((p) => [p.targetDate, ...p.projects.map((j) => j.targetDate)]),
    );
    return {
      id: ids.claim(name),
      name,
      owner: grouping.pick(owners),
      targetDate: quarterEnd(Math.max(latest ?? jira.now, jira.now) + 30 * DAY),
      programs: members,
    };
  });

  return {
    seed: options.seed,
    now: new Date(jira.now).toISOString(),
    jiraProjects: [...facts.projectKeys],
    repos: fullNames,
    bets,
  };
}

/** About one project per four epics of each Jira project; see the module comment. */
function dealEpics(rng: Rng, facts: JiraFacts): Draft[] {
  const drafts: Draft[] = [];
  facts.epicsByProject.forEach((epics, jiraProject) => {
    if (epics.length === 0) return;
    const count = Math.max(1, Math.round(epics.length / EPICS_PER_PROJECT));
    const own: Draft[] = Array.from({ length: count }, (_, ordinal) => ({
      jiraProject,
      ordinal,
      epics: [],
    }));
    const weights = own.map(() => 0.5 + rng.next() * 1.5);
    const total = weights.reduce((a, b) => a + b, 0);
    epics.forEach((epic, i) => {
      let target = i;
      if (i >= count) {
        let roll = rng.next() * total;
        target = 0;
        while (target < count - 1 && roll >= (weights[target] as number))
          roll -= weights[target++] as number;
      }
      own[target]?.epics.push(epic);
    });
    drafts.push(...own);
  });
  return drafts;
}

/** `project = KEY AND labels = "label"`, with a label the project's issues actually carry. */
function jqlByLabel(rng: Rng, key: string, labels: readonly string[]): string | undefined {
  if (labels.length === 0) return undefined;
  const label =
    labels.includes('gpu-fleet') && rng.chance(0.3) ? 'gpu-fleet' : rng.pick(labels.slice(0, 6));
  return `project = ${key} AND labels = "${label}"`;
}

function repoFullNames(github: GitHubData): string[] {
  const logins = new Map(github.users.map((u) => [u.id, u.login]));
  return github.repos.map((repo) => `${logins.get(repo.ownerId) ?? 'acme'}/${repo.name}`);
}

function latestTarget(dates: readonly (string | undefined)[]): number | undefined {
  let latest: number | undefined;
  for (const date of dates) {
    if (date === undefined) continue;
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (latest === undefined || ms > latest) latest = ms;
  }
  return latest;
}

/** The last day of the calendar quarter holding `ms`: how leaders date strategic bets. */
function quarterEnd(ms: number): string {
  const date = new Date(ms);
  const quarterLastMonth = Math.floor(date.getUTCMonth() / 3) * 3 + 3;
  return isoDate(Date.UTC(date.getUTCFullYear(), quarterLastMonth, 0));
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}
