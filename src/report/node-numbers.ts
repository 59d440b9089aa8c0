/** A node's counts from its rollup, each paired with the searches that list the same items. */
import type { CheckLink, Rollup } from '../domain/rollup.js';
import { addDays } from '../lib/dates.js';
import {
  checkLinkUrls,
  githubSearchUrl,
  refineGithubQuery,
  type GithubQueryRefinement,
  type SearchSites,
} from './links.js';
import type { LinkedCount, NodeCounts, NodePullRequests } from './model-types.js';
import type { ReportWeek } from './week.js';

function linked(value: number, link: CheckLink | undefined, sites: SearchSites): LinkedCount {
  return { value, ...checkLinkUrls(link, sites) };
}

function refined(
  value: number,
  base: CheckLink | undefined,
  refinement: GithubQueryRefinement,
  sites: SearchSites,
): LinkedCount {
  const query = base?.githubQuery;
  return {
    value,
    jiraUrl: null,
    githubUrl:
      query && sites.github !== null
        ? githubSearchUrl(sites.github, refineGithubQuery(query, refinement))
        : null,
  };
}

export function unlinked(value: number): LinkedCount {
  return { value, jiraUrl: null, githubUrl: null };
}

export function emptyCounts(): NodeCounts {
  return {
    total: unlinked(0),
    todo: unlinked(0),
    inProgress: unlinked(0),
    done: unlinked(0),
    blocked: unlinked(0),
    stale: unlinked(0),
    overdue: unlinked(0),
  };
}

export function emptyPullRequests(): NodePullRequests {
  return {
    open: unlinked(0),
    draft: unlinked(0),
    mergedThisWeek: unlinked(0),
    waitingForReview: unlinked(0),
    withoutJiraKey: unlinked(0),
    medianHoursToMerge: null,
  };
}

export function nodeCounts(rollup: Rollup, sites: SearchSites): NodeCounts {
  const { counts, risks, links } = rollup;
  return {
    total: linked(counts.total, links.all, sites),
    todo: linked(counts.todo, links.todo, sites),
    inProgress: linked(counts.inProgress, links.inProgress, sites),
    done: linked(counts.done, links.done, sites),
    blocked: linked(risks.blocked, links.blocked, sites),
    stale: linked(risks.stale, links.stale, sites),
    overdue: linked(risks.overdue, links.overdue, sites),
  };
}

const OPEN_QUALIFIERS = ['is:open', 'state:open'];

/** The rollup's own search when it names one, otherwise the open-PR search narrowed. */
function prCount(options: {
  value: number;
  own: CheckLink | undefined;
  open: CheckLink | undefined;
  refinement: GithubQueryRefinement | null;
  sites: SearchSites;
}): LinkedCount {
  const { value, own, open, refinement, sites } = options;
  if (own?.jql || own?.githubQuery) return linked(value, own, sites);
  return refinement === null ? unlinked(value) : refined(value, open, refinement, sites);
}

/**
 * PR numbers. The rollup may name a search for each (`links.draftPullRequests`, …); where it does
 * not, drafts, merged-this-week and waiting-for-review are the open-PR search narrowed with GitHub
 * qualifiers (`draft:`, `is:merged merged:a..b`, `review:none created:<=day`). "Without a Jira
 * key" has no such narrowing and stays unlinked without the rollup's own search.
 */
export function nodePullRequests(options: {
  rollup: Rollup;
  week: ReportWeek;
  /** Day the rollup was computed: "waiting" is measured from it. */
  snapshotDay: string;
  reviewWaitDays: number;
  sites: SearchSites;
}): NodePullRequests {
  const { rollup, week, sites } = options;
  const flow = rollup.pullRequests;
  const links = rollup.links;
  const open = links.openPullRequests;
  const waitingSince = addDays(options.snapshotDay, -Math.ceil(options.reviewWaitDays));
  return {
    open: linked(flow.open, open, sites),
    draft: prCount({
      value: flow.draft,
      own: links.draftPullRequests,
      open,
      refinement: { add: ['draft:true'] },
      sites,
    }),
    mergedThisWeek: prCount({
      value: flow.mergedThisWeek,
      own: links.mergedPullRequestsThisWeek,
      open,
      refinement: {
        drop: OPEN_QUALIFIERS,
        add: ['is:merged', `merged:${week.start}..${week.end}`],
      },
      sites,
    }),
    waitingForReview: prCount({
      value: flow.waitingForReview,
      own: links.pullRequestsWaitingForReview,
      open,
      refinement: { add: ['draft:false', 'review:none', `created:<=${waitingSince}`] },
      sites,
    }),
    withoutJiraKey: prCount({
      value: flow.withoutJiraKey,
      own: links.pullRequestsWithoutJiraKey,
      open,
      refinement: null,
      sites,
    }),
    medianHoursToMerge: flow.medianHoursToMerge,
  };
}
