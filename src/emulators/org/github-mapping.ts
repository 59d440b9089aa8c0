/**
 * The GitHub side of each seeded project. Most projects (85 %) name one of their team's
 * repositories, a fifth add a second one. A repository that several projects name is shared the
 * way real teams share one: each project filters its issues by its own label or milestone
 * (`gpu-fleet`, `team:platform`, …, `v2`, `Q1 2027`), so projects do not all count the same
 * issues — only issues that carry two of those labels land in two projects, which is the
 * "mapped to two projects" risk at a realistic rate. A project alone in its repository filters
 * now and then anyway. Projects get the repositories' "Tracking: …" issues as tracking issues
 * while unused ones remain (each is the target of one node only, so no two summaries fight over
 * a comment); programs take the ones left over.
 */
import type { Rng } from '../core/index.js';
import type { GitHubData, ItemRecord, RepoRecord } from '../github/store/types.js';
import type { RepoAffinity } from './mentions.js';
import type { OrgProgram, OrgProject } from './types.js';

/** Labels and milestones every seeded repository has (see `../seed/github.ts`). */
const FILTERS: readonly { label?: string; milestone?: string }[] = [
  { label: 'gpu-fleet' },
  { label: 'team:platform' },
  { milestone: 'v2' },
  { label: 'tech-debt' },
  { label: 'security' },
  { milestone: 'v3' },
  { label: 'p1' },
  { milestone: 'Q1 2027' },
];

export type GitHubSection = NonNullable<OrgProject['github']>;

export class TrackingIssues {
  private readonly free: string[][];

  constructor(
    data: GitHubData,
    private readonly fullNames: readonly string[],
  ) {
    this.free = data.repos.map((repo, r) =>
      trackingNumbers(repo).map((n) => `${fullNames[r] ?? ''}#${n}`),
    );
  }

  /** The next unused tracking issue in one of these repositories (by index), if any. */
  take(repos: readonly number[]): string | undefined {
    for (const r of repos) {
      const next = this.free[r]?.shift();
      if (next !== undefined) return next;
    }
    return undefined;
  }

  indexOf(fullName: string): number {
    return this.fullNames.indexOf(fullName);
  }
}

function trackingNumbers(repo: RepoRecord): number[] {
  const numbers: number[] = [];
  for (const item of repo.items.values())
    if (item.pull === null && item.title.startsWith('Tracking: ')) numbers.push(item.number);
  return numbers.sort((a, b) => a - b);
}

export interface GitHubMappingOptions {
  rng: Rng;
  affinity: RepoAffinity;
  fullNames: readonly string[];
  tracking: TrackingIssues;
}

/** The `github:` section of each project (by its Jira project and ordinal), or undefined. */
export function githubSections(
  options: GitHubMappingOptions,
  projects: readonly { jiraProject: number; ordinal: number }[],
): (GitHubSection | undefined)[] {
  const { rng, affinity, fullNames } = options;
  const picks = projects.map(({ jiraProject, ordinal }) => {
    if (fullNames.length === 0 || !rng.chance(0.85)) return undefined;
    const own = affinity.reposOfProject[jiraProject] ?? [0];
    // Rotate through the team's repositories so its projects spread over them.
    const repos = [own[ordinal % own.length] ?? 0];
    if (fullNames.length > 1 && rng.chance(0.2)) {
      const other = rng.int(0, fullNames.length - 1);
      if (!repos.includes(other)) repos.push(other);
    }
    return repos;
  });
  const users = new Map<number, number>();
  for (const repos of picks) for (const r of repos ?? []) users.set(r, (users.get(r) ?? 0) + 1);
  const seen = new Map<number, number>();

  return picks.map((repos) => {
    if (!repos) return undefined;
    const first = repos[0] as number;
    const position = seen.get(first) ?? 0;
    seen.set(first, position + 1);
    const shared = repos.some((r) => (users.get(r) ?? 0) > 1);
    const filter = shared
      ? FILTERS[position % FILTERS.length]
      : rng.chance(0.25)
        ? rng.pick(FILTERS)
        : {};
    const trackingIssue = rng.chance(0.8) ? options.tracking.take(repos) : undefined;
    return {
      repos: repos.map((r) => fullNames[r] ?? ''),
      labels: filter?.label ? [filter.label] : [],
      milestones: filter?.milestone ? [filter.milestone] : [],
      ...(trackingIssue ? { trackingIssue } : {}),
    };
  });
}

/** Every other program gets a tracking issue left over in its projects' repositories. */
export function assignProgramTracking(programs: OrgProgram[], tracking: TrackingIssues): void {
  programs.forEach((program, i) => {
    if (i % 2 === 1) return;
    const repos = program.projects.flatMap((p) => p.github?.repos ?? []);
    const issue = tracking.take(repos.map((name) => tracking.indexOf(name)));
    if (issue !== undefined) program.trackingIssue = issue;
  });
}

export interface GitHubWork {
  open: number;
  done: number;
  doneRecently: number;
}

/**
 * The issues (not pull requests) a section selects, counted as the rollup counts them: open is
 * work left, closed as completed is done, closed as not planned is out of scope.
 */
export function githubWork(
  section: GitHubSection | undefined,
  options: { data: GitHubData; fullNames: readonly string[]; since: number },
): GitHubWork {
  const work: GitHubWork = { open: 0, done: 0, doneRecently: 0 };
  if (!section) return work;
  for (const name of section.repos) {
    const repo = options.data.repos[options.fullNames.indexOf(name)];
    if (!repo) continue;
    const labelIds = new Set(
      repo.labels.filter((l) => section.labels.includes(l.name)).map((l) => l.id),
    );
    const milestones = new Set(
      repo.milestones.filter((m) => section.milestones.includes(m.title)).map((m) => m.number),
    );
    for (const item of repo.items.values()) {
      if (item.pull !== null || !selected(item, labelIds, milestones, section)) continue;
      if (item.state === 'open') work.open++;
      else if (item.stateReason === 'completed') {
        work.done++;
        if ((item.closedAt ?? 0) >= options.since) work.doneRecently++;
      }
    }
  }
  return work;
}

function selected(
  item: ItemRecord,
  labelIds: ReadonlySet<number>,
  milestones: ReadonlySet<number>,
  section: GitHubSection,
): boolean {
  if (section.labels.length > 0 && !item.labelIds.some((id) => labelIds.has(id))) return false;
  if (section.milestones.length > 0)
    return item.milestoneNumber !== null && milestones.has(item.milestoneNumber);
  return true;
}
