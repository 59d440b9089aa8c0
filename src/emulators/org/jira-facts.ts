/**
 * What the org layout needs to know about the generated Jira site, in one pass over the issues:
 * each Jira project's epics, how much work hangs under each epic (open, done, done recently,
 * reached only through the legacy Epic Link), each project's labels and the issue keys PRs may
 * mention. Target dates are set against these numbers, so "comfortably ahead" and "at risk"
 * mean something for the forecast.
 */
import { EPIC_TYPE } from '../jira/store/catalog.js';
import type { IssueRecord, JiraData } from '../jira/store/types.js';

export interface EpicFacts {
  index: number;
  key: string;
  project: number;
  open: number;
  done: number;
  /** Children done in the 12 weeks before "now". */
  doneRecently: number;
  /** Children linked only through the legacy Epic Link field (no `parent`). */
  epicLinkOnly: number;
}

export interface JiraFacts {
  /** Per Jira project (site order): its epics in creation order. */
  epicsByProject: EpicFacts[][];
  /** Per Jira project: labels in use, most used first. */
  labelsByProject: string[][];
  /** Per Jira project: keys of its issues in creation order. */
  keysByProject: string[][];
  projectKeys: string[];
}

export const THROUGHPUT_WEEKS = 12;
const WEEK = 7 * 86_400_000;

export function collectJiraFacts(data: JiraData): JiraFacts {
  const { site, issues } = data;
  const since = data.now - THROUGHPUT_WEEKS * WEEK;
  const projectKeys = site.projects.map((p) => p.key);
  const keyOf = (issue: IssueRecord): string =>
    `${projectKeys[issue.project] ?? 'X'}-${issue.number}`;
  const epicsByProject: EpicFacts[][] = site.projects.map(() => []);
  const keysByProject: string[][] = site.projects.map(() => []);
  const labelCounts = site.projects.map(() => new Map<string, number>());
  const byIssue = new Map<number, EpicFacts>();

  for (const issue of issues) {
    if (issue.deleted) continue;
    keysByProject[issue.project]?.push(keyOf(issue));
    const counts = labelCounts[issue.project];
    if (counts) for (const label of issue.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    if (issue.type !== EPIC_TYPE) continue;
    const facts: EpicFacts = {
      index: issue.index,
      key: keyOf(issue),
      project: issue.project,
      open: 0,
      done: 0,
      doneRecently: 0,
      epicLinkOnly: 0,
    };
    epicsByProject[issue.project]?.push(facts);
    byIssue.set(issue.index, facts);
  }

  for (const issue of issues) {
    if (issue.deleted || issue.type === EPIC_TYPE) continue;
    const epic = byIssue.get(issue.parent !== -1 ? issue.parent : issue.epicLink);
    if (!epic) continue;
    if (issue.parent === -1) epic.epicLinkOnly++;
    if (site.statuses[issue.status]?.category === 'done') {
      epic.done++;
      if (issue.resolved >= since) epic.doneRecently++;
    } else {
      epic.open++;
    }
  }

  const labelsByProject = labelCounts.map((counts) =>
    [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label]) => label),
  );
  return { epicsByProject, labelsByProject, keysByProject, projectKeys };
}
