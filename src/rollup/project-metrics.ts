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
  const total = todo + inProgress + done;
  // Sorted: the quantiles read it so, and a delta inserts and removes samples by value.
  const cycleDays = cycle.slice(0, cycles).sort();
  // Sorted here: the median reads it, and a program merges its projects' sorted samples.
  const mergeHours = merge.slice(0, merges).sort();
  return {
    counts: { total, todo, inProgress, done, outOfScope },
    points: {
      total: pointsTotal,
      done: pointsDone,
      coverage: total === 0 ? 0 : withPoints / total,
    },
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
    ...keptRisks(top.list()),
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
function exactPoints(pts: number): boolean {
  return Math.abs(pts) < 2 ** 30 && Number.isInteger(pts * 1024);
}

/** What a project's numbers read of one Jira issue, taken before and after a change. */
export interface JiraRowValues {
  category: number;
  points: number;
  updated: number;
  due: number;
  doneAt: number;
  firstInProgress: number;
  blockers: number;
  key: string;
  /** The row of its epic (-1: none synced) and whether that epic is done. */
  epic: number;
  epicDone: boolean;
  projects: number;
}

export function jiraRowValues(tables: Tables, row: number): JiraRowValues {
  const { jira, epicOf } = tables;
  const epic = epicOf[row] ?? -1;
  return {
    category: jira.category.data[row] ?? TODO,
    points: jira.points.data[row] ?? Number.NaN,
    updated: jira.updated.data[row] ?? Number.NaN,
    due: jira.due.data[row] ?? Number.NaN,
    doneAt: jira.doneAt.data[row] ?? Number.NaN,
    firstInProgress: jira.firstInProgress.data[row] ?? Number.NaN,
    blockers: jira.blockers.data[row] ?? 0,
    key: jira.rows[row]?.key ?? '',
    epic,
    epicDone: epic >= 0 && jira.category.data[epic] === DONE,
    projects: tables.jiraProjects[row] ?? 0,
  };
}

/** A Jira issue that changed in place: same projects, same row, new values. */
export interface JiraRowChange {
  row: number;
  before: JiraRowValues;
  after: JiraRowValues;
}

/** What one issue adds to a project's numbers (the same rules as `computeProjectFacts`). */
interface Contribution {
  todo: number;
  inProgress: number;
  done: number;
  withPoints: number;
  pointsTotal: number;
  pointsDone: number;
  /** History week of the done item (-1: outside), its cycle sample (NaN: none). */
  week: number;
  cycle: number;
  blocked: boolean;
  stale: boolean;
  overdue: boolean;
  multiProject: boolean;
  candidates: { kind: RiskCandidate['kind']; severity: number }[];
}

function contribution(v: JiraRowValues, frame: TimeFrame): Contribution {
  const { historyStartMs, weekStartMs, staleBeforeMs, todayMs, nowMs } = frame;
  const hasPoints = v.points === v.points;
  const out: Contribution = {
    todo: 0,
    inProgress: 0,
    done: 0,
    withPoints: hasPoints ? 1 : 0,
    pointsTotal: hasPoints ? v.points : 0,
    pointsDone: 0,
    week: -1,
    cycle: Number.NaN,
    blocked: false,
    stale: false,
    overdue: false,
    multiProject: v.projects > 1,
    candidates: [],
  };
  // Offered in the order a full pass offers one row's risks (ties keep arrival order).
  if (out.multiProject)
    out.candidates.push({ kind: 'multi-project', severity: SEVERITY.multiProject });
  if (v.category === DONE) {
    out.done = 1;
    if (hasPoints) out.pointsDone = v.points;
    const at = v.doneAt;
    if (at >= historyStartMs && at < weekStartMs) {
      out.week = Math.floor((at - historyStartMs) / WEEK_MS);
      const started = v.firstInProgress;
      if (started === started && started <= at) out.cycle = (at - started) / DAY_MS;
    }
    return out;
  }
  if (v.category === IN_PROGRESS) out.inProgress = 1;
  else out.todo = 1;
  if (v.blockers > 0) {
    out.blocked = true;
    out.candidates.push({ kind: 'blocked', severity: SEVERITY.blocked(v.blockers) });
  }
  if (v.updated < staleBeforeMs) {
    out.stale = true;
    out.candidates.push({ kind: 'stale', severity: Math.floor((nowMs - v.updated) / DAY_MS) });
  }
  if (v.due < todayMs) {
    out.overdue = true;
    out.candidates.push({ kind: 'overdue', severity: Math.round((todayMs - v.due) / DAY_MS) });
  }
  return out;
}

function lowerBoundNumber(values: Float64Array, value: number, size: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundString(values: readonly string[], value: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? '') < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sorted samples with one value taken out (it must be there) and one put in (NaN: none). */
function replaceSample(sorted: Float64Array, remove: number, add: number): Float64Array | null {
  let values = sorted;
  if (remove === remove) {
    const at = lowerBoundNumber(values, remove, values.length);
    if (values[at] !== remove) return null;
    const next = new Float64Array(values.length - 1);
    next.set(values.subarray(0, at));
    next.set(values.subarray(at + 1), at);
    values = next;
  }
  if (add === add) {
    const at = lowerBoundNumber(values, add, values.length);
    const next = new Float64Array(values.length + 1);
    next.set(values.subarray(0, at));
    next[at] = add;
    next.set(values.subarray(at), at + 1);
    values = next;
  }
  return values;
}

/** Latest due date and last done instant with their ties, by the same loops as a full pass. */
function latestInstants(
  members: ProjectMembers,
  tables: Tables,
): Pick<ProjectFacts, 'latestDueMs' | 'latestDueTies' | 'lastDoneMs' | 'lastDoneTies'> {
  const due = tables.jira.due.data;
  const category = tables.jira.category.data;
  const doneAt = tables.jira.doneAt.data;
  const ghCategory = tables.github.category.data;
  const ghDoneAt = tables.github.doneAt.data;
  let latestDueMs = Number.NaN;
  let latestDueTies = 0;
  let lastDoneMs = Number.NaN;
  let lastDoneTies = 0;
  let doneWithoutInstant = false;
  const doneInstants: number[] = [];
  for (const i of members.jira) {
    const dueMs = due[i] ?? Number.NaN;
    if (dueMs === dueMs) {
      if (!(dueMs <= latestDueMs)) {
        latestDueMs = dueMs;
        latestDueTies = 1;
      } else if (dueMs === latestDueMs) latestDueTies++;
    }
    if (category[i] === DONE) doneInstants.push(doneAt[i] ?? Number.NaN);
  }
  for (const i of members.github)
    if (ghCategory[i] === DONE) doneInstants.push(ghDoneAt[i] ?? Number.NaN);
  // Jira's then GitHub's done instants, in the order a full pass meets them.
  for (const at of doneInstants) {
    if (at !== at) doneWithoutInstant = true;
    if (!(at <= lastDoneMs)) {
      lastDoneMs = at;
      lastDoneTies = 1;
    } else if (at === lastDoneMs) lastDoneTies++;
  }
  return {
    latestDueMs,
    latestDueTies,
    lastDoneMs,
    lastDoneTies: doneWithoutInstant ? -1 : lastDoneTies,
  };
}

/**
 * A project's numbers after some of its Jira issues changed in place (same projects, not epics):
 * each issue's old contribution is taken out and its new one put in, so the cost follows the
 * changed issues, not the project's size. Null when a full pass is needed: an issue that left the
 * top risks (the next one down is unknown), an issue whose epic changed while a done epic was
 * involved, points that are not exact binary fractions (their sum would depend on the order).
 */
export function applyJiraChanges(
  facts: ProjectFacts,
  members: ProjectMembers,
  changes: readonly JiraRowChange[],
  tables: Tables,
  frame: TimeFrame,
): ProjectFacts | null {
  if (facts.inexactPoints > 0 || facts.lastDoneTies < 0) return null;
  const counts = { ...facts.counts };
  let { withPoints } = facts;
  let pointsTotal = facts.points.total;
  let pointsDone = facts.points.done;
  const risks = { ...facts.risks };
  // Copied on first write: most changes leave the history weeks alone.
  let weeklyDone = facts.weeklyDone;
  let weeklyPoints = facts.weeklyPoints;
  let cycleDays = facts.cycleDays;
  let blockedKeys = facts.blockedKeys;
  let openUnderDoneEpic = facts.openUnderDoneEpic;
  let { latestDueMs, latestDueTies, lastDoneMs, lastDoneTies } = facts;
  // Set when a maximum lost its last holder: the maxima are then read again at the end.
  let rescan = false;
  const risksKept = new KeptRisks(facts, tables);

  for (const { row, before, after } of changes) {
    if (before.projects !== after.projects) return null;
    if (before.epicDone !== after.epicDone) return null;
    if (before.epicDone && before.epic !== after.epic) return null;
    if (before.points === before.points && !exactPoints(before.points)) return null;
    if (after.points === after.points && !exactPoints(after.points)) return null;
    const old = contribution(before, frame);
    const next = contribution(after, frame);
    for (const c of old.candidates) if (!risksKept.remove(c.kind, row, c.severity)) return null;
    counts.todo += next.todo - old.todo;
    counts.inProgress += next.inProgress - old.inProgress;
    counts.done += next.done - old.done;
    withPoints += next.withPoints - old.withPoints;
    pointsTotal += next.pointsTotal - old.pointsTotal;
    pointsDone += next.pointsDone - old.pointsDone;
    if (old.week !== next.week || (old.week >= 0 && old.pointsDone !== next.pointsDone)) {
      if (weeklyDone === facts.weeklyDone) weeklyDone = weeklyDone.slice();
      if (weeklyPoints === facts.weeklyPoints) weeklyPoints = weeklyPoints.slice();
      if (old.week >= 0) {
        weeklyDone[old.week] = (weeklyDone[old.week] ?? 0) - 1;
        weeklyPoints[old.week] = (weeklyPoints[old.week] ?? 0) - old.pointsDone;
      }
      if (next.week >= 0) {
        weeklyDone[next.week] = (weeklyDone[next.week] ?? 0) + 1;
        weeklyPoints[next.week] = (weeklyPoints[next.week] ?? 0) + next.pointsDone;
      }
    }
    if (old.cycle !== next.cycle && (old.cycle === old.cycle || next.cycle === next.cycle)) {
      const replaced = replaceSample(cycleDays, old.cycle, next.cycle);
      if (replaced === null) return null;
      cycleDays = replaced;
    }
    risks.blocked += Number(next.blocked) - Number(old.blocked);
    risks.stale += Number(next.stale) - Number(old.stale);
    risks.overdue += Number(next.overdue) - Number(old.overdue);
    risks.multiProject += Number(next.multiProject) - Number(old.multiProject);
    if (
      (old.blocked || next.blocked) &&
      !(old.blocked && next.blocked && before.key === after.key)
    ) {
      const keys = blockedKeys.slice();
      if (old.blocked) {
        const at = lowerBoundString(keys, before.key);
        if (keys[at] !== before.key) return null;
        keys.splice(at, 1);
      }
      if (next.blocked) keys.splice(lowerBoundString(keys, after.key), 0, after.key);
      blockedKeys = keys;
    }
    // An open issue under a done epic counts for the epic (same epic, still done, here).
    const wasOpen = before.epicDone && before.category !== DONE;
    const isOpen = after.epicDone && after.category !== DONE;
    if (wasOpen !== isOpen) {
      const epic = after.epic;
      const map = new Map(openUnderDoneEpic);
      const was = map.get(epic) ?? 0;
      const now = was + (isOpen ? 1 : -1);
      if (now > 0) map.set(epic, now);
      else map.delete(epic);
      openUnderDoneEpic = map;
      if (members.epics.includes(epic)) {
        if (was > 0 && !risksKept.remove('done-epic-open-children', epic, SEVERITY.doneEpic(was)))
          return null;
        risks.doneEpicsWithOpenChildren += Number(now > 0) - Number(was > 0);
        if (now > 0) risksKept.offer('done-epic-open-children', epic, SEVERITY.doneEpic(now));
      }
    }
    // Maxima with their ties: taking out one holder of the maximum is exact while others remain.
    if (after.category === DONE && after.doneAt !== after.doneAt) return null;
    if (!rescan && before.due === before.due && before.due === latestDueMs) {
      rescan = --latestDueTies === 0;
    }
    if (!rescan && before.category === DONE && before.doneAt === lastDoneMs) {
      rescan = --lastDoneTies === 0;
    }
    if (!rescan && after.due === after.due) {
      if (!(after.due <= latestDueMs)) {
        latestDueMs = after.due;
        latestDueTies = 1;
      } else if (after.due === latestDueMs) latestDueTies++;
    }
    if (!rescan && after.category === DONE) {
      if (!(after.doneAt <= lastDoneMs)) {
        lastDoneMs = after.doneAt;
        lastDoneTies = 1;
      } else if (after.doneAt === lastDoneMs) lastDoneTies++;
    }
    for (const c of next.candidates) {
      risksKept.offer(c.kind, row, c.severity);
    }
  }

  const kept = risksKept.result();
  if (kept === null) return null;
  if (rescan)
    ({ latestDueMs, latestDueTies, lastDoneMs, lastDoneTies } = latestInstants(members, tables));
  const total = counts.todo + counts.inProgress + counts.done;
  counts.total = total;
  return {
    counts,
    points: {
      total: pointsTotal,
      done: pointsDone,
      coverage: total === 0 ? 0 : withPoints / total,
    },
    weeklyDone,
    weeklyPoints,
    cycleDays,
    mergeHours: facts.mergeHours,
    pullRequests: facts.pullRequests,
    risks,
    ...kept,
    blockedKeys,
    latestDueMs,
    latestDueTies,
    lastDoneMs,
    lastDoneTies,
    withPoints,
    inexactPoints: 0,
    openUnderDoneEpic,
  };
}

/** The shown and kept risks of a full pass's list. */
function keptRisks(list: RiskCandidate[]): Pick<ProjectFacts, 'top' | 'kept' | 'boundary'> {
  return {
    top: list.length > TOP_RISKS ? list.slice(0, TOP_RISKS) : list,
    kept: list,
    boundary: list.length === KEPT_RISKS ? (list[KEPT_RISKS - 1] ?? null) : null,
  };
}

/**
 * A project's kept risks under deltas. Removing a risk is exact while it is in the list (the ones
 * below it move up); a new risk enters only if worse than the boundary (below it the list does not
 * know every risk). The shown ten are exact while all of them are worse than the boundary.
 */
class KeptRisks {
  private list: RiskCandidate[] | null = null;

  constructor(
    private readonly facts: ProjectFacts,
    private readonly tables: Tables,
  ) {}

  /** Worse: higher severity, then the smaller ref (as `TopRisks` orders them). */
  private worse(a: RiskCandidate, b: RiskCandidate): boolean {
    if (a.severity !== b.severity) return a.severity > b.severity;
    return refOf(a, this.tables) < refOf(b, this.tables);
  }

  private writable(): RiskCandidate[] {
    this.list ??= this.facts.kept.slice();
    return this.list;
  }

  /** Takes out a Jira row's risk; false when it is not known (the caller does a full pass). */
  remove(kind: RiskCandidate['kind'], row: number, severity: number): boolean {
    const list = this.list ?? this.facts.kept;
    const at = list.findIndex((c) => c.source === 'jira' && c.row === row && c.kind === kind);
    if (at < 0) {
      // Not kept: fine when it was below the boundary, where nothing is known anyway.
      const boundary = this.facts.boundary;
      return boundary !== null && !this.worse({ kind, source: 'jira', row, severity }, boundary);
    }
    this.writable().splice(at, 1);
    return true;
  }

  offer(kind: RiskCandidate['kind'], row: number, severity: number): void {
    const candidate: RiskCandidate = { kind, source: 'jira', row, severity };
    const boundary = this.facts.boundary;
    if (boundary !== null && !this.worse(candidate, boundary)) return;
    const list = this.writable();
    // After every one it is not worse than: ties keep arrival order, as in `TopRisks`.
    let at = list.length;
    while (at > 0 && this.worse(candidate, list[at - 1] as RiskCandidate)) at--;
    list.splice(at, 0, candidate);
  }

  /** The new shown and kept risks, or null when the shown ten are no longer all known. */
  result(): Pick<ProjectFacts, 'top' | 'kept' | 'boundary'> | null {
    const { facts } = this;
    if (this.list === null) return { top: facts.top, kept: facts.kept, boundary: facts.boundary };
    const list = this.list.length > KEPT_RISKS ? this.list.slice(0, KEPT_RISKS) : this.list;
    // Dropping the tail moves the boundary up to the last one kept.
    const boundary =
      this.list.length > KEPT_RISKS ? (list[KEPT_RISKS - 1] ?? null) : facts.boundary;
    const shown = Math.min(TOP_RISKS, list.length);
    if (boundary !== null) {
      const lastShown = list[shown - 1];
      if (shown < TOP_RISKS || lastShown === undefined || !this.worse(lastShown, boundary)) {
        return null;
      }
    }
    const top = list.slice(0, shown);
    const same =
      top.length === facts.top.length &&
      top.every((c, i) => {
        const t = facts.top[i];
        return (
          t !== undefined &&
          t.kind === c.kind &&
          t.row === c.row &&
          t.source === c.source &&
          t.severity === c.severity
        );
      });
    return { top: same ? facts.top : top, kept: list, boundary };
  }
}

function refOf(c: RiskCandidate, tables: Tables): string {
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
