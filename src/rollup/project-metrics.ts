/**
 * One project's numbers from its member rows: a single pass over each of its Jira issues, GitHub
 * issues and pull requests (how each number is defined: README "How the numbers are computed").
 */
import type { PointTotals, PullRequestFlow, RiskItem, StatusCounts } from '../domain/rollup.js';
import {
  DONE,
  IN_PROGRESS,
  OUT_OF_SCOPE,
  PR_DRAFT,
  PR_MERGED,
  PR_OPEN,
  TODO,
  type GitHubTable,
  type JiraTable,
  type PullTable,
} from './item-tables.js';
import { quantileSorted } from './quantiles.js';
import { DAY_MS, WEEK_MS, dayOfMs, type TimeFrame } from './time-frame.js';
import { KEPT_RISKS, TOP_RISKS, TopRisks, type RiskCandidate } from './top-risks.js';

export interface ProjectMembers {
  /** Row numbers of counted Jira issues, GitHub issues and pull requests. */
  jira: number[];
  github: number[];
  pulls: number[];
  /** Row numbers of the project's configured epics that were synced. */
  epics: number[];
}

export interface Tables {
  jira: JiraTable;
  github: GitHubTable;
  pulls: PullTable;
  /** Per Jira row: the row of the epic it hangs under (-1: none synced). */
  epicOf: Int32Array;
  /** Per row: how many projects count it (2+ is a risk). */
  jiraProjects: Uint8Array;
  githubProjects: Uint8Array;
}

/** A project's numbers before they are dressed as a `Rollup` (aggregates need the raw samples). */
export interface ProjectFacts {
  counts: StatusCounts;
  points: PointTotals;
  /** Done items and their points per history week, oldest first. */
  weeklyDone: Float64Array;
  weeklyPoints: Float64Array;
  cycleDays: Float64Array;
  mergeHours: Float64Array;
  pullRequests: PullRequestFlow;
  risks: RiskItemCounts;
  /** The shown risks (the first `TOP_RISKS` of `kept`). */
  top: readonly RiskCandidate[];
  /**
   * The worst risks, up to `KEPT_RISKS`, worst first; every risk worse than `boundary` is among
   * them (null boundary: every risk is).
   */
  kept: readonly RiskCandidate[];
  boundary: RiskCandidate | null;
  blockedKeys: string[];
  /** Latest due date among the items (epoch ms, NaN: none). */
  latestDueMs: number;
  /** How many items share that latest due date (a delta removing one knows if others remain). */
  latestDueTies: number;
  /** When the last item was done (epoch ms, NaN: nothing done). */
  lastDoneMs: number;
  /** How many done items share that instant; -1 when a done item had no instant (no deltas). */
  lastDoneTies: number;
  /** Jira issues with points, and how many of those points are not exact binary fractions. */
  withPoints: number;
  inexactPoints: number;
  /** Open issues under each done epic (by the epic's row), null: none. */
  openUnderDoneEpic: ReadonlyMap<number, number> | null;
}

export interface RiskItemCounts {
  blocked: number;
  stale: number;
  overdue: number;
  doneEpicsWithOpenChildren: number;
  multiProject: number;
}

/** Severity scale of the top-risks list: blockers first, then days overdue / idle / waiting. */
export const SEVERITY = {
  blocked: (blockers: number): number => 60 + blockers,
  doneEpic: (openChildren: number): number => 45 + openChildren,
  multiProject: 5,
} as const;

const scratch: { cycle: Float64Array; merge: Float64Array; top: TopRisks } = {
  cycle: new Float64Array(4096),
  merge: new Float64Array(4096),
  top: new TopRisks(KEPT_RISKS),
};

function grow(buffer: Float64Array, size: number): Float64Array {
  if (size <= buffer.length) return buffer;
  const next = new Float64Array(Math.max(size, buffer.length * 2));
  next.set(buffer);
  return next;
}

/** Story points of a project: `coverage` is the share of its items that carry an estimate. */
export function pointsSummary(
  total: number,
  done: number,
  withPoints: number,
  items: number,
): { total: number; done: number; coverage: number } {
  return { total, done, coverage: items === 0 ? 0 : withPoints / items };
}

export function computeProjectFacts(
  members: ProjectMembers,
  tables: Tables,
  frame: TimeFrame,
): ProjectFacts {
  const { jira, github, pulls, epicOf } = tables;
  const weeks = frame.historyWeeks.length;
  const weeklyDone = new Float64Array(weeks);
  const weeklyPoints = new Float64Array(weeks);
  const top = scratch.top;
  top.reset();
  scratch.cycle = grow(scratch.cycle, members.jira.length);
  scratch.merge = grow(scratch.merge, members.pulls.length);
  const cycle = scratch.cycle;
  const merge = scratch.merge;
  let cycles = 0;
  let merges = 0;

  let todo = 0;
  let inProgress = 0;
  let done = 0;
  let outOfScope = 0;
  let withPoints = 0;
  let inexactPoints = 0;
  let pointsTotal = 0;
  let pointsDone = 0;
  let blocked = 0;
  let stale = 0;
  let overdue = 0;
  let multiProject = 0;
  let latestDueMs = Number.NaN;
  let latestDueTies = 0;
  let lastDoneMs = Number.NaN;
  let lastDoneTies = 0;
  let doneWithoutInstant = false;
  const blockedKeys: string[] = [];
  let openUnderDoneEpic: Map<number, number> | null = null;

  const { historyStartMs, weekStartMs, staleBeforeMs, todayMs, nowMs } = frame;
  const category = jira.category.data;
  const points = jira.points.data;
  const updated = jira.updated.data;
  const due = jira.due.data;
  const doneAt = jira.doneAt.data;
  const firstInProgress = jira.firstInProgress.data;
  const blockers = jira.blockers.data;
  const jiraRefs = jira.refs;
  const ghRefs = github.refs;
  const prRefs = pulls.refs;

  for (const i of members.jira) {
    const cat = category[i] ?? TODO;
    const pts = points[i] ?? Number.NaN;
    const hasPoints = pts === pts;
    if (hasPoints) {
      withPoints++;
      pointsTotal += pts;
      if (!exactPoints(pts)) inexactPoints++;
    }
    const dueMs = due[i] ?? Number.NaN;
    if (dueMs === dueMs) {
      if (!(dueMs <= latestDueMs)) {
        latestDueMs = dueMs;
        latestDueTies = 1;
      } else if (dueMs === latestDueMs) latestDueTies++;
    }
    if ((tables.jiraProjects[i] ?? 0) > 1) {
      multiProject++;
      {
        const severity = SEVERITY.multiProject;
        if (severity >= top.threshold)
          top.offer('multi-project', 'jira', i, severity, jiraRefs[i] ?? '');
      }
    }
    if (cat === DONE) {
      done++;
      if (hasPoints) pointsDone += pts;
      const at = doneAt[i] ?? Number.NaN;
      if (at !== at) doneWithoutInstant = true;
      if (!(at <= lastDoneMs)) {
        lastDoneMs = at;
        lastDoneTies = 1;
      } else if (at === lastDoneMs) lastDoneTies++;
      if (at >= historyStartMs && at < weekStartMs) {
        const w = Math.floor((at - historyStartMs) / WEEK_MS);
        weeklyDone[w] = (weeklyDone[w] ?? 0) + 1;
        if (hasPoints) weeklyPoints[w] = (weeklyPoints[w] ?? 0) + pts;
        const started = firstInProgress[i] ?? Number.NaN;
        if (started === started && started <= at) cycle[cycles++] = (at - started) / DAY_MS;
      }
      continue;
    }
    if (cat === IN_PROGRESS) inProgress++;
    else todo++;
    const n = blockers[i] ?? 0;
    if (n > 0) {
      blocked++;
      blockedKeys.push(jira.rows[i]?.key ?? '');
      {
        const severity = SEVERITY.blocked(n);
        if (severity >= top.threshold) top.offer('blocked', 'jira', i, severity, jiraRefs[i] ?? '');
      }
    }
    const idle = updated[i] ?? Number.NaN;
    if (idle < staleBeforeMs) {
      stale++;
      {
        const severity = Math.floor((nowMs - idle) / DAY_MS);
        if (severity >= top.threshold) top.offer('stale', 'jira', i, severity, jiraRefs[i] ?? '');
      }
    }
    if (dueMs < todayMs) {
      overdue++;
      {
        const severity = Math.round((todayMs - dueMs) / DAY_MS);
        if (severity >= top.threshold) top.offer('overdue', 'jira', i, severity, jiraRefs[i] ?? '');
      }
    }
    const epic = epicOf[i] ?? -1;
    if (epic >= 0 && category[epic] === DONE) {
      openUnderDoneEpic ??= new Map();
      openUnderDoneEpic.set(epic, (openUnderDoneEpic.get(epic) ?? 0) + 1);
    }
  }
  let doneEpicsWithOpenChildren = 0;
  if (openUnderDoneEpic !== null) {
    for (const [epic, open] of openUnderDoneEpic) {
      if (!members.epics.includes(epic)) continue;
      doneEpicsWithOpenChildren++;
      top.offer(
        'done-epic-open-children',
        'jira',
        epic,
        SEVERITY.doneEpic(open),
        jiraRefs[epic] ?? '',
      );
    }
  }

  const ghCategory = github.category.data;
  const ghUpdated = github.updated.data;
  const ghDoneAt = github.doneAt.data;
  for (const i of members.github) {
    const cat = ghCategory[i] ?? TODO;
    if (cat === OUT_OF_SCOPE) {
      outOfScope++;
      continue;
    }
    if ((tables.githubProjects[i] ?? 0) > 1) {
      multiProject++;
      {
        const severity = SEVERITY.multiProject;
        if (severity >= top.threshold)
          top.offer('multi-project', 'github', i, severity, ghRefs[i] ?? '');
      }
    }
    if (cat === DONE) {
      done++;
      const at = ghDoneAt[i] ?? Number.NaN;
      if (at !== at) doneWithoutInstant = true;
      if (!(at <= lastDoneMs)) {
        lastDoneMs = at;
        lastDoneTies = 1;
      } else if (at === lastDoneMs) lastDoneTies++;
      if (at >= historyStartMs && at < weekStartMs) {
        const w = Math.floor((at - historyStartMs) / WEEK_MS);
        weeklyDone[w] = (weeklyDone[w] ?? 0) + 1;
      }
      continue;
    }
    if (cat === IN_PROGRESS) inProgress++;
    else todo++;
    const idle = ghUpdated[i] ?? Number.NaN;
    if (idle < staleBeforeMs) {
      stale++;
      {
        const severity = Math.floor((nowMs - idle) / DAY_MS);
        if (severity >= top.threshold) top.offer('stale', 'github', i, severity, ghRefs[i] ?? '');
      }
    }
  }

  let open = 0;
  let draft = 0;
  let mergedThisWeek = 0;
  let waiting = 0;
  let withoutKey = 0;
  const prState = pulls.state.data;
  const created = pulls.created.data;
  const merged = pulls.merged.data;
  const reviewers = pulls.reviewers.data;
  for (const i of members.pulls) {
    const state = prState[i] ?? PR_OPEN;
    if (pulls.withoutKey.data[i] === 1) withoutKey++;
    if (state === PR_OPEN || state === PR_DRAFT) {
      open++;
      if (state === PR_DRAFT) {
        draft++;
      } else if ((reviewers[i] ?? 0) > 0 && (created[i] ?? 0) < frame.reviewBeforeMs) {
        waiting++;
        top.offer(
          'pr-waiting',
          'pull',
          i,
          Math.floor((nowMs - (created[i] ?? nowMs)) / DAY_MS),
          prRefs[i] ?? '',
        );
      }
    } else if (state === PR_MERGED) {
      const at = merged[i] ?? Number.NaN;
      if (at >= weekStartMs) mergedThisWeek++;
      if (at >= historyStartMs) merge[merges++] = (at - (created[i] ?? at)) / 3_600_000;
    }
  }

  blockedKeys.sort();
  const kept = keptRisks(top.list());
  const total = todo + inProgress + done;
  // Sorted: the quantiles read it so, and a delta inserts and removes samples by value.
  const cycleDays = cycle.slice(0, cycles).sort();
  // Sorted here: the median reads it, and a program merges its projects' sorted samples.
  const mergeHours = merge.slice(0, merges).sort();
  return {
    counts: { total, todo, inProgress, done, outOfScope },
    points: pointsSummary(pointsTotal, pointsDone, withPoints, total),
    weeklyDone,
    weeklyPoints,
    cycleDays,
    mergeHours,
    pullRequests: {
      open,
      draft,
      mergedThisWeek,
      medianHoursToMerge: roundTo(quantileSorted(mergeHours, 0.5), 1),
      waitingForReview: waiting,
      withoutJiraKey: withoutKey,
    },
    risks: { blocked, stale, overdue, doneEpicsWithOpenChildren, multiProject },
    top: kept.top,
    kept: kept.kept,
    boundary: kept.boundary,
    blockedKeys,
    latestDueMs,
    latestDueTies,
    lastDoneMs,
    // A done item without an instant makes the maximum depend on the order: no deltas then.
    lastDoneTies: doneWithoutInstant ? -1 : lastDoneTies,
    withPoints,
    inexactPoints,
    openUnderDoneEpic,
  };
}

/**
 * Points whose sums do not depend on the order they are added in (multiples of 1/1024, well inside
 * a double's exact range): a delta then gives the very total a fresh pass gives.
 */
export function exactPoints(pts: number): boolean {
  return Math.abs(pts) < 2 ** 30 && Number.isInteger(pts * 1024);
}

/** What a project's numbers read of one Jira issue, taken before and after a change. */
export function keptRisks(list: RiskCandidate[]): Pick<ProjectFacts, 'top' | 'kept' | 'boundary'> {
  return {
    top: list.length > TOP_RISKS ? list.slice(0, TOP_RISKS) : list,
    kept: list,
    boundary: list.length === KEPT_RISKS ? (list[KEPT_RISKS - 1] ?? null) : null,
  };
}

export function refOf(c: RiskCandidate, tables: Tables): string {
  const table =
    c.source === 'jira' ? tables.jira : c.source === 'github' ? tables.github : tables.pulls;
  return table.refs[c.row] ?? '';
}

export function roundTo(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Turns the kept risk candidates into what readers see. */
export function describeRisks(
  candidates: readonly RiskCandidate[],
  tables: Tables,
  options: { jiraSite: string | null; nowMs: number },
): RiskItem[] {
  const out: RiskItem[] = [];
  const site = options.jiraSite?.replace(/\/+$/, '') ?? null;
  for (const c of candidates) {
    if (c.source === 'jira') {
      const row = tables.jira.rows[c.row];
      if (!row) continue;
      out.push({
        kind: c.kind,
        ref: row.key,
        title: row.summary,
        url: site === null ? '' : `${site}/browse/${row.key}`,
        detail: jiraDetail(c, row.openBlockers, row.dueDate),
        severity: c.severity,
      });
    } else {
      const row = c.source === 'github' ? tables.github.rows[c.row] : tables.pulls.rows[c.row];
      if (!row) continue;
      out.push({
        kind: c.kind,
        ref: `${row.repo}#${row.number}`,
        title: row.title,
        url: row.htmlUrl,
        detail:
          c.kind === 'pr-waiting'
            ? `waiting for review for ${c.severity} days`
            : c.kind === 'stale'
              ? `no update for ${c.severity} days`
              : 'mapped to two or more projects',
        severity: c.severity,
      });
    }
  }
  return out;
}

function jiraDetail(c: RiskCandidate, blockers: readonly string[], due: string | null): string {
  switch (c.kind) {
    case 'blocked':
      return `blocked by ${blockers.join(', ')}`;
    case 'stale':
      return `no update for ${c.severity} days`;
    case 'overdue':
      return `due ${due ?? ''}, ${c.severity} days ago`;
    case 'done-epic-open-children':
      return `epic is done with ${c.severity - SEVERITY.doneEpic(0)} open children`;
    case 'multi-project':
      return 'mapped to two or more projects';
    default:
      return '';
  }
}

export { dayOfMs };
