/**
 * Every number a reader sees can be checked in one click: these build the Jira and GitHub search
 * URLs that list the same items (BRIEF "Every number a person reads … links to a Jira JQL search
 * or a GitHub search").
 *
 * Jira: `<site>/issues/?jql=<JQL>` (the issue navigator). GitHub: `<web>/search?q=<query>&type=issues`
 * (issues and pull requests share the issues search).
 */
import type { CheckLink } from '../domain/rollup.js';

/** Web roots the searches open on; null when that source is not configured. */
export interface SearchSites {
  /** Jira site, e.g. `https://acme.atlassian.net`. */
  jira: string | null;
  /** GitHub web root, e.g. `https://github.com` or `https://ghe.example.com`. */
  github: string | null;
}

export interface LinkUrls {
  jiraUrl: string | null;
  githubUrl: string | null;
}

/** Most Jira servers refuse URLs much over 8 KB; a key list beyond this is not worth linking. */
const MAX_KEYS_IN_JQL = 300;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function jiraSearchUrl(site: string, jql: string): string {
  return `${trimSlash(site)}/issues/?jql=${encodeURIComponent(jql)}`;
}

export function jiraIssueUrl(site: string, key: string): string {
  return `${trimSlash(site)}/browse/${encodeURIComponent(key)}`;
}

export function githubSearchUrl(web: string, query: string): string {
  return `${trimSlash(web)}/search?q=${encodeURIComponent(query)}&type=issues`;
}

/**
 * The public web root for GitHub search links: `webUrl` when configured, otherwise derived from
 * the API URL (`api.github.com` → `github.com`; GitHub Enterprise Server `https://host/api/v3` →
 * `https://host`).
 */
export function githubWebUrl(github: { baseUrl: string; webUrl?: string | undefined }): string {
  if (github.webUrl !== undefined) return trimSlash(github.webUrl);
  const api = new URL(github.baseUrl);
  if (api.hostname === 'api.github.com') return 'https://github.com';
  const path = api.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/+$/, '');
  return `${api.origin}${path}`;
}

export function checkLinkUrls(link: CheckLink | null | undefined, sites: SearchSites): LinkUrls {
  return {
    jiraUrl: link?.jql && sites.jira !== null ? jiraSearchUrl(sites.jira, link.jql) : null,
    githubUrl:
      link?.githubQuery && sites.github !== null
        ? githubSearchUrl(sites.github, link.githubQuery)
        : null,
  };
}

/** JQL that lists exactly these issues (keys or numeric ids both work with `issue in`). */
export function jqlForIssues(keysOrIds: readonly string[]): string | null {
  if (keysOrIds.length === 0 || keysOrIds.length > MAX_KEYS_IN_JQL) return null;
  return `issue in (${keysOrIds.join(', ')})`;
}

export interface GithubQueryRefinement {
  /** Qualifiers to take out (e.g. `is:open` when asking for merged PRs). */
  drop?: readonly string[];
  add: readonly string[];
}

/**
 * Narrows a GitHub search the rollup produced (e.g. open PRs of a project) to a subset — drafts,
 * merged in a date range — by editing qualifiers. GitHub search qualifiers combine with AND, so
 * adding one only narrows the list.
 */
export function refineGithubQuery(query: string, refinement: GithubQueryRefinement): string {
  const drop = new Set((refinement.drop ?? []).map((q) => q.toLowerCase()));
  const terms = query.split(/\s+/).filter((term) => term !== '' && !drop.has(term.toLowerCase()));
  return [...terms, ...refinement.add].join(' ');
}
