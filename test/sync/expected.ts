/**
 * What a sync should store, computed from the emulators' own records (not from northstar's
 * code): the Jira issues the config selects and the GitHub items of the configured repos.
 */
import type { NorthstarConfig } from '../../src/config/index.js';
import { allProjects, buildHierarchy } from '../../src/config/index.js';
import type { OrgEmulators } from '../../src/emulators/org/index.js';
import type { IssueSummary } from '../../src/emulators/jira/control/summaries.js';

/** The emulator's JQL selections in the seeded org: `project = KEY AND labels = "label"`. */
const ORG_JQL = /^project = ([A-Z][A-Z0-9]*) AND labels = "([^"]+)"$/;

export function expectedJiraIssues(
  org: OrgEmulators,
  config: NorthstarConfig,
): Map<string, IssueSummary> {
  const all = org.jira.emulator.control.issues();
  const epics = new Set<string>();
  const selections: { project: string; label: string }[] = [];
  for (const project of allProjects(buildHierarchy(config))) {
    for (const epic of project.jira.epics) epics.add(epic);
    if (project.jira.jql !== null) {
      const match = ORG_JQL.exec(project.jira.jql);
      if (!match) throw new Error(`unexpected JQL in the seeded config: ${project.jira.jql}`);
      selections.push({ project: match[1] ?? '', label: match[2] ?? '' });
    }
  }
  const out = new Map<string, IssueSummary>();
  for (const issue of all) {
    const selected =
      epics.has(issue.key) ||
      (issue.parentKey !== null && epics.has(issue.parentKey)) ||
      (issue.epicLinkKey !== null && epics.has(issue.epicLinkKey)) ||
      selections.some((s) => issue.project === s.project && issue.labels.includes(s.label));
    if (selected) out.set(issue.id, issue);
  }
  return out;
}

export interface ExpectedGitHubItem {
  id: number;
  repo: string;
  number: number;
  title: string;
  isPull: boolean;
  pullId: number | null;
  mentions: { key: string; source: string }[];
}

export function expectedGitHubItems(
  org: OrgEmulators,
  config: NorthstarConfig,
): ExpectedGitHubItem[] {
  const repos = new Set(allProjects(buildHierarchy(config)).flatMap((p) => p.github.repos));
  const store = org.github.emulator.control.store;
  const out: ExpectedGitHubItem[] = [];
  for (const repo of store.repos()) {
    const name = store.fullName(repo);
    if (!repos.has(name)) continue;
    for (const item of repo.items.values()) {
      out.push({
        id: item.id,
        repo: name,
        number: item.number,
        title: item.title,
        isPull: item.pull !== null,
        pullId: item.pull?.id ?? null,
        mentions: item.pull?.seedMentions ?? [],
      });
    }
  }
  return out;
}

/** `2026-11-18T18:44:29.510-0800` → epoch ms. */
export function ms(timestamp: string): number {
  return Date.parse(timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** The DB's live Jira issues compared with the emulator's: ids, keys, and the fields that move. */
export function jiraMismatches(
  rows: readonly Record<string, unknown>[],
  expected: ReadonlyMap<string, IssueSummary>,
): string[] {
  const problems: string[] = [];
  const byId = new Map(rows.map((r) => [r['id'] as string, r]));
  for (const [id, issue] of expected) {
    const row = byId.get(id);
    if (!row) {
      problems.push(`missing ${issue.key} (${id})`);
      continue;
    }
    const diffs: [string, unknown, unknown][] = [
      ['key', row['key'], issue.key],
      ['summary', row['summary'], issue.summary],
      ['status', row['status'], issue.status],
      ['story_points', row['story_points'], issue.points],
      ['labels', row['labels'], JSON.stringify(issue.labels)],
      ['updated', Date.parse(row['updated_at'] as string), ms(issue.updated)],
    ];
    for (const [field, got, want] of diffs)
      if (got !== want) problems.push(`${issue.key}.${field}: ${String(got)} ≠ ${String(want)}`);
  }
  for (const id of byId.keys()) if (!expected.has(id)) problems.push(`extra ${id}`);
  return problems;
}
