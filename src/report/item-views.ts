/** Turns week-change item sets into what a reader sees: named items and a search for the count. */
import {
  githubSearchUrl,
  jiraIssueUrl,
  jiraSearchUrl,
  jqlForIssues,
  type SearchSites,
} from './links.js';
import type { ItemInfo } from './model-input.js';
import type { ItemChange, ItemView } from './model-types.js';

/** `INFRA-9` before `INFRA-10`. One collator: `localeCompare` with options builds one per call. */
const byLabel = new Intl.Collator('en', { numeric: true }).compare;

function view(ref: string, info: ItemInfo | undefined, sites: SearchSites): ItemView {
  const label = info?.label ?? ref;
  let url = info?.url ?? null;
  if (url === null && info?.source === 'jira' && info.label !== null && sites.jira !== null) {
    url = jiraIssueUrl(sites.jira, info.label);
  }
  return { ref, label, title: info?.title ?? null, url };
}

/** The Jira key (or, unknown to the database, the numeric id) of a `jira:<id>` ref. */
function jiraIdentifier(ref: string, info: ItemInfo | undefined): string | null {
  if (!ref.startsWith('jira:')) return null;
  return info?.label ?? ref.slice('jira:'.length);
}

/**
 * The count links to a Jira search of exactly these issues (`issue in (…)`). GitHub search cannot
 * list issues by number: a lone GitHub item is linked directly, several get `githubQuery` — the
 * closest search by date (e.g. closed during the week), when the caller has one — and every
 * GitHub item is linked one by one in the item list.
 */
export function itemChange(options: {
  refs: ReadonlySet<string>;
  infos: ReadonlyMap<string, ItemInfo>;
  sites: SearchSites;
  githubQuery?: string | null;
}): ItemChange {
  const { refs, infos, sites } = options;
  const items = [...refs]
    .map((ref) => view(ref, infos.get(ref), sites))
    .sort((a, b) => byLabel(a.label, b.label));
  const jiraIds = items
    .map((item) => jiraIdentifier(item.ref, infos.get(item.ref)))
    .filter((id): id is string => id !== null);
  const jql = jqlForIssues(jiraIds);
  const githubItems = items.filter((item) => !item.ref.startsWith('jira:'));
  let githubUrl: string | null = null;
  if (githubItems.length === 1) githubUrl = githubItems[0]?.url ?? null;
  else if (githubItems.length > 1 && options.githubQuery && sites.github !== null) {
    githubUrl = githubSearchUrl(sites.github, options.githubQuery);
  }
  return {
    count: {
      value: items.length,
      jiraUrl: jql !== null && sites.jira !== null ? jiraSearchUrl(sites.jira, jql) : null,
      githubUrl,
    },
    items,
  };
}
