/**
 * The searches that list what each number counts (BRIEF: every number a person reads links to a
 * Jira JQL search or a GitHub search that lists the same items). A project's Jira scope is its
 * epics' children (`parent`, or the legacy `"Epic Link"`) plus its own `jql`, epics excluded;
 * its GitHub scope is its repositories with the label / milestone filters.
 *
 * Where a count depends on something a search cannot express (a blocker's status), the link names
 * the exact issues (`issue in (…)`), up to MAX_KEYS_IN_JQL of them.
 */
import type { Project } from '../domain/hierarchy.js';
import type { CheckLink, RollupLinks } from '../domain/rollup.js';

export const MAX_KEYS_IN_JQL = 300;

const NO_LINK: CheckLink = { jql: null, githubQuery: null };

/** The config's `jql` without a trailing ORDER BY (it cannot sit inside parentheses). */
function stripOrderBy(jql: string): string {
  return jql.replace(/\s+ORDER\s+BY\s+[\s\S]*$/i, '').trim();
}

function quoteGitHub(value: string): string {
  return /[\s,"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

/** The JQL of a project's counted Jira items, or null when it has no Jira scope. */
export function projectScopeJql(project: Project): string | null {
  const parts: string[] = [];
  const epics = project.jira.epics;
  if (epics.length > 0) {
    const list = epics.join(', ');
    parts.push(`parent in (${list})`, `"Epic Link" in (${list})`);
  }
  if (project.jira.jql !== null) parts.push(`(${stripOrderBy(project.jira.jql)})`);
  if (parts.length === 0) return null;
  return `(${parts.join(' OR ')}) AND issuetype != Epic`;
}

/** The GitHub search of a project's issues (null: no repositories). */
export function projectScopeGitHub(project: Project): string | null {
  const { repos, labels, milestones } = project.github;
  if (repos.length === 0) return null;
  const terms = repos.map((repo) => `repo:${repo}`);
  // GitHub ORs comma-separated label values; one milestone qualifier per value is ANDed, so only
  // the first milestone can be expressed (a project with several lists a subset).
  if (labels.length > 0) terms.push(`label:${labels.map(quoteGitHub).join(',')}`);
  const first = milestones[0];
  if (first !== undefined) terms.push(`milestone:${quoteGitHub(first)}`);
  return terms.join(' ');
}

function jqlAnd(scope: string | null, clause: string): string | null {
  return scope === null ? null : `${scope} AND ${clause}`;
}

function ghAnd(scope: string | null, qualifiers: string): string | null {
  return scope === null ? null : `${scope} ${qualifiers}`;
}

/** Exactly these issues (null when none or too many to fit a URL). */
export function jqlForKeys(keys: readonly string[]): string | null {
  if (keys.length === 0 || keys.length > MAX_KEYS_IN_JQL) return null;
  return `issue in (${keys.join(', ')})`;
}

/** The search links of a project that do not depend on its data (built once per config). */
export function projectLinks(project: Project, options: { staleAfterDays: number }): RollupLinks {
  const jql = projectScopeJql(project);
  const gh = projectScopeGitHub(project);
  const issues = ghAnd(gh, 'is:issue');
  const pulls =
    gh === null ? null : `${project.github.repos.map((r) => `repo:${r}`).join(' ')} is:pr`;
  const unresolved = 'statusCategory != Done';
  return {
    all: { jql, githubQuery: ghAnd(issues, '-reason:"not planned"') },
    todo: {
      jql: jqlAnd(jql, 'statusCategory = "To Do"'),
      githubQuery: ghAnd(issues, 'is:open no:assignee -linked:pr'),
    },
    inProgress: {
      jql: jqlAnd(jql, 'statusCategory = "In Progress"'),
      githubQuery: ghAnd(issues, 'is:open (-no:assignee OR linked:pr)'),
    },
    done: {
      jql: jqlAnd(jql, 'statusCategory = Done'),
      githubQuery: ghAnd(issues, 'is:closed reason:completed'),
    },
    outOfScope: { jql: null, githubQuery: ghAnd(issues, 'is:closed reason:"not planned"') },
    blocked: NO_LINK,
    stale: {
      jql: jqlAnd(jql, `${unresolved} AND updated < -${options.staleAfterDays}d`),
      githubQuery: null,
    },
    overdue: { jql: jqlAnd(jql, `${unresolved} AND duedate < startOfDay()`), githubQuery: null },
    openPullRequests: { jql: null, githubQuery: ghAnd(pulls, 'is:open') },
    draftPullRequests: { jql: null, githubQuery: ghAnd(pulls, 'is:open draft:true') },
  };
}

/**
 * A program's or bet's links: its children's searches ORed (GitHub: only without filters). With
 * the previous assembly's children and links, a search whose children's searches are the same
 * objects is kept (only the blocked-issue searches usually change).
 */
export function aggregateLinks(
  children: readonly RollupLinks[],
  previous?: { children: readonly RollupLinks[]; links: RollupLinks } | null,
): RollupLinks {
  const pick = (select: (links: RollupLinks) => CheckLink | undefined): CheckLink => {
    if (
      previous &&
      previous.children.length === children.length &&
      children.every((c, i) => {
        const before = previous.children[i];
        return before !== undefined && select(before) === select(c);
      })
    ) {
      const kept = select(previous.links);
      if (kept) return kept;
    }
    const jqls = children.map((c) => select(c)?.jql ?? null).filter((q): q is string => q !== null);
    return {
      jql:
        jqls.length === 0
          ? null
          : jqls.length === 1
            ? (jqls[0] ?? null)
            : jqls.map((q) => `(${q})`).join(' OR '),
      githubQuery: null,
    };
  };
  return {
    all: pick((l) => l.all),
    todo: pick((l) => l.todo),
    inProgress: pick((l) => l.inProgress),
    done: pick((l) => l.done),
    blocked: pick((l) => l.blocked),
    stale: pick((l) => l.stale),
    overdue: pick((l) => l.overdue),
    openPullRequests: NO_LINK,
  };
}
