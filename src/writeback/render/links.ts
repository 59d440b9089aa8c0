/**
 * Check links: every number in a comment links to the Jira or GitHub search that lists exactly
 * the items it counts, so a reader can verify it in one click.
 */
import type { CheckLink } from '../../domain/rollup.js';

export interface SiteUrls {
  /** Jira site, e.g. `https://acme.atlassian.net` (null: no Jira configured). */
  jira: string | null;
  /** GitHub web UI, e.g. `https://github.com` or `https://ghe.example.com` (null: no GitHub). */
  githubWeb: string | null;
}

/** Resolved URLs for one count; either may be null. */
export interface CheckUrls {
  jira: string | null;
  github: string | null;
}

/** `encodeURIComponent` plus `!'()*`, so a URL reads the same in ADF and inside Markdown `(…)`. */
function encodeQuery(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Jira's issue navigator with a JQL query: `<site>/issues/?jql=…`. */
export function jiraSearchUrl(site: string, jql: string): string {
  return `${trimSlash(site)}/issues/?jql=${encodeQuery(jql)}`;
}

/** GitHub's issue search: `<web>/search?q=…&type=issues` (covers issues and pull requests). */
export function githubSearchUrl(web: string, query: string): string {
  return `${trimSlash(web)}/search?q=${encodeQuery(query)}&type=issues`;
}

/**
 * The GitHub web UI for an API base URL: `https://api.github.com` → `https://github.com`,
 * Enterprise Server `https://host/api/v3` → `https://host`; anything else (an emulator) is used
 * as it is. `config.github.webUrl` overrides this.
 */
export function githubWebUrl(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  const path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith('/api/v3')) return `${url.origin}${path.slice(0, -'/api/v3'.length)}`;
  return trimSlash(`${url.origin}${path}`);
}

export function checkUrls(link: CheckLink | undefined, sites: SiteUrls): CheckUrls {
  return {
    jira: link?.jql && sites.jira ? jiraSearchUrl(sites.jira, link.jql) : null,
    github:
      link?.githubQuery && sites.githubWeb
        ? githubSearchUrl(sites.githubWeb, link.githubQuery)
        : null,
  };
}
