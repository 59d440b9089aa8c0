/**
 * `CommentModel`: everything a status comment shows, resolved from a node's `Rollup`, its place
 * in the hierarchy, last week's rollup and the site URLs — so the Jira (ADF) and GitHub (Markdown)
 * renderers only lay it out. Pure.
 *
 * Strings in the model are *not* escaped: names and titles come from Jira/GitHub and config and
 * are untrusted; each renderer makes them inert for its own format.
 */
import type { DeclaredStatus, HierarchyLevel } from '../../domain/hierarchy.js';
import type { CheckLink, Health, RiskItem, Rollup } from '../../domain/rollup.js';
import { describeChanges, type Changes, type PreviousRollup } from './changes.js';
import { percent } from './format.js';
import { checkUrls, type CheckUrls, type SiteUrls } from './links.js';

/** A number and the searches that list exactly the items it counts. */
export interface Count {
  value: number;
  urls: CheckUrls;
}

export interface RiskLine {
  kind: RiskItem['kind'];
  ref: string;
  title: string;
  url: string;
  detail: string;
}

export interface ChildSummary {
  name: string;
  health: Health;
}

export interface CommentModel {
  nodeId: string;
  level: HierarchyLevel;
  name: string;
  owner: string | null;
  /** Names of the program and big bet the node belongs to (null above that level). */
  program: string | null;
  bet: string | null;
  health: {
    value: Health;
    declared: DeclaredStatus | null;
    disagrees: boolean;
    /** Why: the forecast against the target. */
    reason: string;
  };
  target: string | null;
  forecast: {
    p50: string | null;
    p85: string | null;
    probOnTime: number | null;
    remaining: number;
  };
  counts: { total: Count; todo: Count; inProgress: Count; done: Count; outOfScope: Count };
  points: { total: number; done: number; coverage: number };
  progress: { byCount: number; byPoints: number | null };
  changes: Changes;
  risks: { blocked: Count; stale: Count; overdue: Count; top: RiskLine[] };
  pullRequests: {
    open: Count;
    draft: Count;
    mergedThisWeek: Count;
    waitingForReview: Count;
    withoutJiraKey: Count;
    medianHoursToMerge: number | null;
  };
  /** Child projects (of a program) or programs (of a bet), with their health. */
  children: ChildSummary[];
  /** When the numbers were computed (ISO); not part of the content hash. */
  dataAsOf: string | null;
}

export interface BuildCommentModelOptions {
  rollup: Rollup;
  /** The rollup a week earlier, for "what changed". */
  previous: PreviousRollup | null;
  program: string | null;
  bet: string | null;
  children?: ChildSummary[];
  sites: SiteUrls;
  dataAsOf: string | null;
  /** How many top risks to list (default 5). */
  maxRisks?: number;
}

export function healthReason(rollup: Rollup): string {
  const { p85, probOnTime } = rollup.forecast;
  const target = rollup.dates.targetDate;
  if (rollup.health === 'no-data' || p85 === null) {
    return 'no throughput history yet, so no forecast';
  }
  if (target === null) return `no target date; P85 forecast ${p85}`;
  const chance = probOnTime === null ? '' : `: ${percent(probOnTime)} chance of finishing by then`;
  return `P85 forecast ${p85} vs target ${target}${chance}`;
}

export function buildCommentModel(options: BuildCommentModelOptions): CommentModel {
  const { rollup, sites } = options;
  const count = (value: number, link: CheckLink | undefined): Count => ({
    value,
    urls: checkUrls(link, sites),
  });
  const { links } = rollup;
  return {
    nodeId: rollup.id,
    level: rollup.level,
    name: rollup.name,
    owner: rollup.owner,
    program: options.program,
    bet: options.bet,
    health: {
      value: rollup.health,
      declared: rollup.declaredStatus,
      disagrees: rollup.healthDisagrees,
      reason: healthReason(rollup),
    },
    target: rollup.dates.targetDate,
    forecast: {
      p50: rollup.forecast.p50,
      p85: rollup.forecast.p85,
      probOnTime: rollup.forecast.probOnTime,
      remaining: rollup.forecast.remaining,
    },
    counts: {
      total: count(rollup.counts.total, links.all),
      todo: count(rollup.counts.todo, links.todo),
      inProgress: count(rollup.counts.inProgress, links.inProgress),
      done: count(rollup.counts.done, links.done),
      outOfScope: count(rollup.counts.outOfScope, links.outOfScope),
    },
    points: { ...rollup.points },
    progress: { ...rollup.progress },
    changes: describeChanges(rollup, options.previous),
    risks: {
      blocked: count(rollup.risks.blocked, links.blocked),
      stale: count(rollup.risks.stale, links.stale),
      overdue: count(rollup.risks.overdue, links.overdue),
      top: [...rollup.risks.top]
        .sort((a, b) => b.severity - a.severity)
        .slice(0, options.maxRisks ?? 5)
        .map(({ kind, ref, title, url, detail }) => ({ kind, ref, title, url, detail })),
    },
    pullRequests: {
      open: count(rollup.pullRequests.open, links.openPullRequests),
      draft: count(rollup.pullRequests.draft, links.draftPullRequests),
      mergedThisWeek: count(rollup.pullRequests.mergedThisWeek, links.mergedPullRequestsThisWeek),
      waitingForReview: count(
        rollup.pullRequests.waitingForReview,
        links.pullRequestsWaitingForReview,
      ),
      withoutJiraKey: count(rollup.pullRequests.withoutJiraKey, links.pullRequestsWithoutJiraKey),
      medianHoursToMerge: rollup.pullRequests.medianHoursToMerge,
    },
    children: options.children ?? [],
    dataAsOf: options.dataAsOf,
  };
}
