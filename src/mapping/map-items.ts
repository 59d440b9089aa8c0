/**
 * Places items in projects (rules: ./README.md). `ItemMapper` is built once per hierarchy and
 * answers per item, so an incremental rollup re-maps only the items that changed.
 */
import type { Project } from '../domain/hierarchy.js';
import type { GitHubIssueRow, JiraItemRow, PullRequestRow } from '../rollup/inputs.js';

const NONE: readonly number[] = [];

interface RepoRule {
  project: number;
  labels: ReadonlySet<string> | null;
  milestones: ReadonlySet<string> | null;
}

export interface KeyLookup {
  /** Issue id of a current or former key, if the issue was synced. */
  idOfKey(key: string): string | undefined;
}

function pushUnique(list: number[], value: number): void {
  if (!list.includes(value)) list.push(value);
}

export class ItemMapper {
  private readonly epicKeyProjects = new Map<string, number[]>();
  private readonly epicIdProjects = new Map<string, number[]>();
  private readonly projectIndex = new Map<string, number>();
  private readonly repoRules = new Map<string, RepoRule[]>();

  constructor(
    readonly projects: readonly Project[],
    keys: KeyLookup,
  ) {
    projects.forEach((project, index) => {
      this.projectIndex.set(project.id, index);
      for (const key of project.jira.epics) {
        const byKey = this.epicKeyProjects.get(key) ?? [];
        pushUnique(byKey, index);
        this.epicKeyProjects.set(key, byKey);
        const id = keys.idOfKey(key);
        if (id !== undefined) {
          const byId = this.epicIdProjects.get(id) ?? [];
          pushUnique(byId, index);
          this.epicIdProjects.set(id, byId);
        }
      }
      for (const repo of project.github.repos) {
        const rules = this.repoRules.get(repo.toLowerCase()) ?? [];
        rules.push({
          project: index,
          labels: project.github.labels.length > 0 ? new Set(project.github.labels) : null,
          milestones:
            project.github.milestones.length > 0 ? new Set(project.github.milestones) : null,
        });
        this.repoRules.set(repo.toLowerCase(), rules);
      }
    });
  }

  /**
   * Learns an epic seen after the mapper was built (or under a new key): when its id or key is
   * configured, both now lead to the same projects.
   */
  learnEpic(epic: { id: string; key: string }): void {
    const projects = this.epicIdProjects.get(epic.id) ?? this.epicKeyProjects.get(epic.key);
    if (!projects) return;
    this.epicIdProjects.set(epic.id, projects);
    if (!this.epicKeyProjects.has(epic.key)) this.epicKeyProjects.set(epic.key, projects);
  }

  /** Projects whose configured epics include this issue (by id or key). */
  epicProjects(item: JiraItemRow): readonly number[] {
    return this.epicIdProjects.get(item.id) ?? this.epicKeyProjects.get(item.key) ?? NONE;
  }

  /** Projects a Jira issue is a counted item of (never for an epic). */
  jiraProjects(item: JiraItemRow): readonly number[] {
    if (item.isEpic) return NONE;
    let viaEpic: readonly number[] = NONE;
    if (item.parentId !== null || item.parentKey !== null) {
      viaEpic =
        (item.parentId !== null ? this.epicIdProjects.get(item.parentId) : undefined) ??
        (item.parentKey !== null ? this.epicKeyProjects.get(item.parentKey) : undefined) ??
        NONE;
    } else if (item.epicLinkKey !== null) {
      viaEpic = this.epicKeyProjects.get(item.epicLinkKey) ?? NONE;
    }
    if (item.jqlProjectIds.length === 0) return viaEpic;
    const out = [...viaEpic];
    for (const id of item.jqlProjectIds) {
      const selected = this.projectIndex.get(id);
      if (selected !== undefined) pushUnique(out, selected);
    }
    return out;
  }

  /** The parent epic's key an issue hangs under (parent first, legacy Epic Link otherwise). */
  static epicKeyOf(item: JiraItemRow): string | null {
    if (item.parentId !== null || item.parentKey !== null) return item.parentKey;
    return item.epicLinkKey;
  }

  private repoProjects(
    repo: string,
    labels: readonly string[],
    milestone: string | null,
  ): number[] {
    const rules = this.repoRules.get(repo.toLowerCase());
    if (!rules) return [];
    const out: number[] = [];
    for (const rule of rules) {
      if (rule.labels && !labels.some((label) => rule.labels?.has(label))) continue;
      if (rule.milestones && (milestone === null || !rule.milestones.has(milestone))) continue;
      out.push(rule.project);
    }
    return out;
  }

  githubProjects(issue: GitHubIssueRow): readonly number[] {
    return this.repoProjects(issue.repo, issue.labels, issue.milestone);
  }

  /**
   * Projects of a pull request: those of the Jira items (or epics) it mentions, found through
   * `projectsOfKey`; a PR without keys goes by repository and filters.
   */
  pullProjects(
    pull: PullRequestRow,
    projectsOfKey: (key: string) => readonly number[],
  ): readonly number[] {
    if (pull.jiraKeys.length === 0)
      return this.repoProjects(pull.repo, pull.labels, pull.milestone);
    const out: number[] = [];
    for (const key of pull.jiraKeys) for (const p of projectsOfKey(key)) pushUnique(out, p);
    return out;
  }
}
