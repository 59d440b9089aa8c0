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
    withoutJiraKey: 0,
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

/**
 * PR numbers. The rollup links only the open PRs; drafts, merged-this-week and waiting-for-review
 * are that same search narrowed with GitHub qualifiers (`draft:`, `is:merged merged:a..b`,
 * `review:none created:<=day`).
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
  const open = rollup.links.openPullRequests;
  const waitingSince = addDays(options.snapshotDay, -Math.ceil(options.reviewWaitDays));
  return {
    open: linked(flow.open, open, sites),
    draft: refined(flow.draft, open, { add: ['draft:true'] }, sites),
    mergedThisWeek: refined(
      flow.mergedThisWeek,
      open,
      { drop: OPEN_QUALIFIERS, add: ['is:merged', `merged:${week.start}..${week.end}`] },
      sites,
    ),
    waitingForReview: refined(
      flow.waitingForReview,
      open,
      { add: ['draft:false', 'review:none', `created:<=${waitingSince}`] },
      sites,
    ),
    withoutJiraKey: flow.withoutJiraKey,
    medianHoursToMerge: flow.medianHoursToMerge,
  };
}
