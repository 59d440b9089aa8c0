/**
 * Source units planned from the hierarchy: which Jira selections and which GitHub lists one
 * sync reads, and which projects each affects (for the rollup at the unit's end).
 *
 * Jira: one unit per Jira project of the configured epics (`epics:INFRA`: the epics, their
 * children by `parent`, and by Epic Link where the site has it) — a few big queries page at
 * full size, instead of one small query per epic — plus one unit per project `jql`.
 * GitHub: per repository, the issues list and the pulls list.
 */
import { allProjects } from '../../config/hierarchy.js';
import type { Hierarchy } from '../../domain/hierarchy.js';
import { epicScopeJql } from '../../sources/jira/jql.js';
import type { GitHubUnit, JiraUnit } from './payloads.js';

export function planJiraUnits(hierarchy: Hierarchy, epicLinkField: string | null): JiraUnit[] {
  const byProject = new Map<string, { epics: Set<string>; projectIds: Set<string> }>();
  const units: JiraUnit[] = [];
  for (const project of allProjects(hierarchy)) {
    for (const epic of project.jira.epics) {
      const jiraProject = epic.slice(0, epic.lastIndexOf('-'));
      let entry = byProject.get(jiraProject);
      if (!entry) {
        entry = { epics: new Set(), projectIds: new Set() };
        byProject.set(jiraProject, entry);
      }
      entry.epics.add(epic);
      entry.projectIds.add(project.id);
    }
    if (project.jira.jql !== null) {
      // The sweep and the incremental query add their own ordering.
      const scope = project.jira.jql.replace(/\s+ORDER\s+BY\s[\s\S]*$/i, '');
      units.push({ id: `jql:${project.id}`, scope, projectIds: [project.id] });
    }
  }
  const epicUnits = [...byProject]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, entry]): JiraUnit => ({
      id: `epics:${key}`,
      scope: epicScopeJql([...entry.epics].sort(), epicLinkField),
      projectIds: [...entry.projectIds].sort(),
    }));
  return [...epicUnits, ...units];
}

export function planGitHubUnits(hierarchy: Hierarchy): GitHubUnit[] {
  const repos = new Map<string, Set<string>>();
  for (const project of allProjects(hierarchy)) {
    for (const repo of project.github.repos) {
      const ids = repos.get(repo) ?? new Set<string>();
      ids.add(project.id);
      repos.set(repo, ids);
    }
  }
  return [...repos]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([repo, ids]) =>
      (['issues', 'pulls'] as const).map((kind): GitHubUnit => ({
        id: `repo:${repo}:${kind}`,
        repo,
        kind,
        projectIds: [...ids].sort(),
      })),
    );
}
