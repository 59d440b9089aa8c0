/**
 * Which teams work in which repositories, and so which Jira keys a pull request mentions. Each
 * repository has "home" Jira projects (repositories are dealt round-robin to projects; with more
 * projects than repositories, projects share). A PR mentions a key of its repository's home
 * projects 85 % of the time and any key otherwise (cross-team work), newer issues more often
 * than old ones — PRs are recent, and so is the work they close. Mentions that end up in no
 * mapped project are what a real org looks like too.
 *
 * The GitHub seed decides how a PR mentions a key (title, lower-case branch, body, several,
 * none ~20 %, false friends like `UTF-8`); this only decides which key.
 */
import type { Rng } from '../core/index.js';
import type { MentionSite } from '../seed/github.js';

export interface RepoAffinity {
  /** Per Jira project: indices of its repositories (at least one). */
  reposOfProject: number[][];
  /** Per repository: indices of its home Jira projects (at least one). */
  projectsOfRepo: number[][];
}

export function repoAffinity(projects: number, repos: number): RepoAffinity {
  const reposOfProject: number[][] = Array.from({ length: projects }, () => []);
  if (projects === 0 || repos === 0) return { reposOfProject, projectsOfRepo: [] };
  for (let r = 0; r < repos; r++) reposOfProject[r % projects]?.push(r);
  reposOfProject.forEach((own, p) => {
    if (own.length === 0) own.push(p % repos);
  });
  const projectsOfRepo: number[][] = Array.from({ length: repos }, () => []);
  reposOfProject.forEach((own, p) => {
    for (const r of own) projectsOfRepo[r]?.push(p);
  });
  return { reposOfProject, projectsOfRepo };
}

export interface MentionPickerOptions {
  rng: Rng;
  affinity: RepoAffinity;
  keysByProject: readonly (readonly string[])[];
}

/** The `jiraKeys` callback for `generateGitHubData`: deterministic in call order. */
export function mentionPicker(
  options: MentionPickerOptions,
): (index: number, repo: MentionSite) => string | null {
  const { rng, affinity, keysByProject } = options;
  const recentFrom = (keys: readonly string[]): string | null => {
    if (keys.length === 0) return null;
    // sqrt of a uniform draw leans towards 1: later (newer) issues are mentioned more.
    const at = Math.min(keys.length - 1, Math.floor(Math.sqrt(rng.next()) * keys.length));
    return keys[at] ?? null;
  };
  return (_index, repo) => {
    const home = affinity.projectsOfRepo[repo.index] ?? [];
    const project =
      home.length > 0 && rng.chance(0.85)
        ? (home[rng.int(0, home.length - 1)] as number)
        : rng.int(0, keysByProject.length - 1);
    return recentFrom(keysByProject[project] ?? []);
  };
}
