/**
 * A project's numbers updated by deltas: when a sync changes a few issues of a project in place
 * (same projects, not epics), each one's old contribution is taken out and its new one put in, so
 * a touched project costs its changed issues, not its size. The rules are `computeProjectFacts`'s,
 * one issue at a time; whatever a delta cannot know exactly (a maximum that lost its last holder,
 * a risk below the kept ones) is read again or left to a full pass. `test/rollup/incremental.test.ts`
 * holds both paths to the same results.
 */
import { DONE, IN_PROGRESS, TODO } from './item-tables.js';
import {
  SEVERITY,
  exactPoints,
  pointsSummary,
  refOf,
  type ProjectFacts,
  type ProjectMembers,
  type Tables,
} from './project-metrics.js';
import { DAY_MS, WEEK_MS, type TimeFrame } from './time-frame.js';
import { KEPT_RISKS, TOP_RISKS, type RiskCandidate } from './top-risks.js';
import { lowerBound } from './sorted.js';

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
  /** Its risks' severities, NaN when it has not that risk. */
  blockedSeverity: number;
  staleSeverity: number;
  overdueSeverity: number;
}

function emptyContribution(): Contribution {
  return {
    todo: 0,
    inProgress: 0,
    done: 0,
    withPoints: 0,
    pointsTotal: 0,
    pointsDone: 0,
    week: -1,
    cycle: Number.NaN,
    blocked: false,
    stale: false,
    overdue: false,
    multiProject: false,
    blockedSeverity: Number.NaN,
    staleSeverity: Number.NaN,
    overdueSeverity: Number.NaN,
  };
}

/** Two reused records (old and new): a sync applies thousands of deltas. */
const scratch = { old: emptyContribution(), next: emptyContribution() };

/** Fills `out` with what `v` contributes at `frame`. */
function contribution(v: JiraRowValues, frame: TimeFrame, out: Contribution): Contribution {
  const { historyStartMs, weekStartMs, staleBeforeMs, todayMs, nowMs } = frame;
  const hasPoints = v.points === v.points;
  const done = v.category === DONE;
  out.todo = !done && v.category !== IN_PROGRESS ? 1 : 0;
  out.inProgress = !done && v.category === IN_PROGRESS ? 1 : 0;
  out.done = done ? 1 : 0;
  out.withPoints = hasPoints ? 1 : 0;
  out.pointsTotal = hasPoints ? v.points : 0;
  out.pointsDone = done && hasPoints ? v.points : 0;
  out.week = -1;
  out.cycle = Number.NaN;
  out.multiProject = v.projects > 1;
  out.blocked = !done && v.blockers > 0;
  out.stale = !done && v.updated < staleBeforeMs;
  out.overdue = !done && v.due < todayMs;
  out.blockedSeverity = out.blocked ? SEVERITY.blocked(v.blockers) : Number.NaN;
  out.staleSeverity = out.stale ? Math.floor((nowMs - v.updated) / DAY_MS) : Number.NaN;
  out.overdueSeverity = out.overdue ? Math.round((todayMs - v.due) / DAY_MS) : Number.NaN;
  const at = v.doneAt;
  if (done && at >= historyStartMs && at < weekStartMs) {
    out.week = Math.floor((at - historyStartMs) / WEEK_MS);
    const started = v.firstInProgress;
    if (started === started && started <= at) out.cycle = (at - started) / DAY_MS;
  }
  return out;
}

/** Its risks in the order a full pass offers one row's (ties keep arrival order). */
const RISK_ORDER = ['multi-project', 'blocked', 'stale', 'overdue'] as const;

function riskSeverity(c: Contribution, kind: (typeof RISK_ORDER)[number]): number {
  switch (kind) {
    case 'multi-project':
      return c.multiProject ? SEVERITY.multiProject : Number.NaN;
    case 'blocked':
      return c.blockedSeverity;
    case 'stale':
      return c.staleSeverity;
    case 'overdue':
      return c.overdueSeverity;
  }
}

/** The sorted samples with one value taken out (it must be there) and one put in (NaN: none). */
function replaceSample(sorted: Float64Array, remove: number, add: number): Float64Array | null {
  let values = sorted;
  if (remove === remove) {
    const at = lowerBound(values, remove);
    if (values[at] !== remove) return null;
    const next = new Float64Array(values.length - 1);
    next.set(values.subarray(0, at));
    next.set(values.subarray(at + 1), at);
    values = next;
  }
  if (add === add) {
    const at = lowerBound(values, add);
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
    const old = contribution(before, frame, scratch.old);
    const next = contribution(after, frame, scratch.next);
    for (const kind of RISK_ORDER) {
      const severity = riskSeverity(old, kind);
      if (severity === severity && !risksKept.remove(kind, row, severity)) return null;
    }
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
        const at = lowerBound(keys, before.key);
        if (keys[at] !== before.key) return null;
        keys.splice(at, 1);
      }
      if (next.blocked) keys.splice(lowerBound(keys, after.key), 0, after.key);
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
    for (const kind of RISK_ORDER) {
      const severity = riskSeverity(next, kind);
      if (severity === severity) risksKept.offer(kind, row, severity);
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
    points: pointsSummary(pointsTotal, pointsDone, withPoints, total),
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
    let at = -1;
    for (let i = 0; i < list.length; i++) {
      const c = list[i] as RiskCandidate;
      if (c.row === row && c.kind === kind && c.source === 'jira') {
        at = i;
        break;
      }
    }
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
