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
import { KEPT_RISKS, TOP_RISKS, riskCandidate, type RiskCandidate } from './top-risks.js';
import { lowerBound } from './sorted.js';

/** Where each number a delta reads of one issue sits in its slot of `JiraRowValues`. */
const CATEGORY = 0;
const POINTS = 1;
const UPDATED = 2;
const DUE = 3;
const DONE_AT = 4;
const FIRST_IN_PROGRESS = 5;
const BLOCKERS = 6;
/** The row of its epic (-1: none synced) and whether that epic is done (1) or not (0). */
const EPIC = 7;
const EPIC_DONE = 8;
/** How many projects count it. */
const PROJECTS = 9;
const STRIDE = 10;

/**
 * What changed issues read as, before and after each change: ten numbers per slot in one growable
 * typed column, and the key beside them. A sync records two slots per changed issue; as objects,
 * their five timestamps each made most of an incremental run's garbage.
 */
export class JiraRowValues {
  data = new Float64Array(256 * STRIDE);
  readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** Records what a row reads now; returns its slot. */
  record(tables: Tables, row: number): number {
    const { jira, epicOf } = tables;
    const slot = this.keys.length;
    if ((slot + 1) * STRIDE > this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const d = this.data;
    const at = slot * STRIDE;
    const epic = epicOf[row] ?? -1;
    d[at + CATEGORY] = jira.category.data[row] ?? TODO;
    d[at + POINTS] = jira.points.data[row] ?? Number.NaN;
    d[at + UPDATED] = jira.updated.data[row] ?? Number.NaN;
    d[at + DUE] = jira.due.data[row] ?? Number.NaN;
    d[at + DONE_AT] = jira.doneAt.data[row] ?? Number.NaN;
    d[at + FIRST_IN_PROGRESS] = jira.firstInProgress.data[row] ?? Number.NaN;
    d[at + BLOCKERS] = jira.blockers.data[row] ?? 0;
    d[at + EPIC] = epic;
    d[at + EPIC_DONE] = epic >= 0 && jira.category.data[epic] === DONE ? 1 : 0;
    d[at + PROJECTS] = tables.jiraProjects[row] ?? 0;
    this.keys.push(jira.rows[row]?.key ?? '');
    return slot;
  }

  /** Forgets every slot (once no change refers to one). */
  clear(): void {
    this.keys.length = 0;
  }
}

/** A Jira issue that changed in place: same projects, same row, new values (slots in `values`). */
export interface JiraRowChange {
  row: number;
  before: number;
  after: number;
  values: JiraRowValues;
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
  /** Its risks' severities, 0 when it has not that risk (read only with its flag). */
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
    blockedSeverity: 0,
    staleSeverity: 0,
    overdueSeverity: 0,
  };
}

/** Two reused records (old and new): a sync applies thousands of deltas. */
const scratch = { old: emptyContribution(), next: emptyContribution() };

/** Fills `out` with what the issue in slot `at` (of `d`) contributes at `frame`. */
function contribution(
  d: Float64Array,
  at: number,
  frame: TimeFrame,
  out: Contribution,
): Contribution {
  const { historyStartMs, weekStartMs, staleBeforeMs, todayMs, nowMs } = frame;
  const category = d[at + CATEGORY] ?? TODO;
  const points = d[at + POINTS] ?? Number.NaN;
  const updated = d[at + UPDATED] ?? Number.NaN;
  const due = d[at + DUE] ?? Number.NaN;
  const blockers = d[at + BLOCKERS] ?? 0;
  const hasPoints = points === points;
  const done = category === DONE;
  out.todo = !done && category !== IN_PROGRESS ? 1 : 0;
  out.inProgress = !done && category === IN_PROGRESS ? 1 : 0;
  out.done = done ? 1 : 0;
  out.withPoints = hasPoints ? 1 : 0;
  out.pointsTotal = hasPoints ? points : 0;
  out.pointsDone = done && hasPoints ? points : 0;
  out.week = -1;
  out.cycle = Number.NaN;
  out.multiProject = (d[at + PROJECTS] ?? 0) > 1;
  out.blocked = !done && blockers > 0;
  out.stale = !done && updated < staleBeforeMs;
  out.overdue = !done && due < todayMs;
  // 0 when it has not that risk: whole days, so the fields (and the candidates made from them)
  // keep V8's small-integer shape that the full pass's candidates have.
  out.blockedSeverity = out.blocked ? SEVERITY.blocked(blockers) : 0;
  out.staleSeverity = out.stale ? Math.floor((nowMs - updated) / DAY_MS) : 0;
  out.overdueSeverity = out.overdue ? Math.round((todayMs - due) / DAY_MS) : 0;
  const doneAt = d[at + DONE_AT] ?? Number.NaN;
  if (done && doneAt >= historyStartMs && doneAt < weekStartMs) {
    out.week = Math.floor((doneAt - historyStartMs) / WEEK_MS);
    const started = d[at + FIRST_IN_PROGRESS] ?? Number.NaN;
    if (started === started && started <= doneAt) out.cycle = (doneAt - started) / DAY_MS;
  }
  return out;
}

/**
 * Takes a row's risks out of the kept ones, in the order a full pass offers them (multi-project,
 * blocked, stale, overdue); false when one is not known. Written out, not looped over a list of
 * kinds: this runs for every changed issue, often before V8 has optimized it.
 */
function removeRisks(kept: KeptRisks, row: number, c: Contribution): boolean {
  if (c.multiProject && !kept.remove('multi-project', row, SEVERITY.multiProject)) return false;
  if (c.blocked && !kept.remove('blocked', row, c.blockedSeverity)) return false;
  if (c.stale && !kept.remove('stale', row, c.staleSeverity)) return false;
  if (c.overdue && !kept.remove('overdue', row, c.overdueSeverity)) return false;
  return true;
}

/** Offers a row's risks, in the same order (ties keep arrival order, as in a full pass). */
function offerRisks(kept: KeptRisks, row: number, c: Contribution): void {
  if (c.multiProject) kept.offer('multi-project', row, SEVERITY.multiProject);
  if (c.blocked) kept.offer('blocked', row, c.blockedSeverity);
  if (c.stale) kept.offer('stale', row, c.staleSeverity);
  if (c.overdue) kept.offer('overdue', row, c.overdueSeverity);
}

/** The sorted samples with one value taken out (it must be there) and one put in (NaN: none). */
function replaceSample(sorted: Float64Array, remove: number, add: number): Float64Array | null {
  let skip = -1;
  if (remove === remove) {
    skip = lowerBound(sorted, remove);
    if (sorted[skip] !== remove) return null;
  }
  const adding = add === add;
  const out = new Float64Array(sorted.length - (skip >= 0 ? 1 : 0) + (adding ? 1 : 0));
  let placed = !adding;
  let k = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === skip) continue;
    const value = sorted[i] ?? 0;
    if (!placed && !(value < add)) {
      out[k++] = add;
      placed = true;
    }
    out[k++] = value;
  }
  if (!placed) out[k] = add;
  return out;
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
  let { todo, inProgress, done } = facts.counts;
  let { withPoints } = facts;
  let pointsTotal = facts.points.total;
  let pointsDone = facts.points.done;
  let { blocked, stale, overdue, doneEpicsWithOpenChildren, multiProject } = facts.risks;
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

  // Copied on first write, then edited in place.
  let ownKeys: string[] | null = null;
  let ownEpics: Map<number, number> | null = null;

  for (let n = 0; n < changes.length; n++) {
    const change = changes[n] as JiraRowChange;
    const row = change.row;
    const d = change.values.data;
    const b = change.before * STRIDE;
    const a = change.after * STRIDE;
    const epicDone = d[b + EPIC_DONE] === 1;
    if (d[b + PROJECTS] !== d[a + PROJECTS]) return null;
    if (d[b + EPIC_DONE] !== d[a + EPIC_DONE]) return null;
    if (epicDone && d[b + EPIC] !== d[a + EPIC]) return null;
    const beforePoints = d[b + POINTS] ?? Number.NaN;
    const afterPoints = d[a + POINTS] ?? Number.NaN;
    if (beforePoints === beforePoints && !exactPoints(beforePoints)) return null;
    if (afterPoints === afterPoints && !exactPoints(afterPoints)) return null;
    const old = contribution(d, b, frame, scratch.old);
    const next = contribution(d, a, frame, scratch.next);
    if (!removeRisks(risksKept, row, old)) return null;
    todo += next.todo - old.todo;
    inProgress += next.inProgress - old.inProgress;
    done += next.done - old.done;
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
    blocked += Number(next.blocked) - Number(old.blocked);
    stale += Number(next.stale) - Number(old.stale);
    overdue += Number(next.overdue) - Number(old.overdue);
    multiProject += Number(next.multiProject) - Number(old.multiProject);
    const beforeKey = change.values.keys[change.before] ?? '';
    const afterKey = change.values.keys[change.after] ?? '';
    if ((old.blocked || next.blocked) && !(old.blocked && next.blocked && beforeKey === afterKey)) {
      ownKeys ??= blockedKeys.slice();
      if (old.blocked) {
        const at = lowerBound(ownKeys, beforeKey);
        if (ownKeys[at] !== beforeKey) return null;
        ownKeys.splice(at, 1);
      }
      if (next.blocked) ownKeys.splice(lowerBound(ownKeys, afterKey), 0, afterKey);
      blockedKeys = ownKeys;
    }
    // An open issue under a done epic counts for the epic (same epic, still done, here).
    const wasOpen = epicDone && d[b + CATEGORY] !== DONE;
    const isOpen = epicDone && d[a + CATEGORY] !== DONE;
    if (wasOpen !== isOpen) {
      // A row number: an integer again (read from a float column), as the candidates' rows are.
      const epic = (d[a + EPIC] ?? -1) | 0;
      ownEpics ??= new Map(openUnderDoneEpic);
      const was = ownEpics.get(epic) ?? 0;
      const now = was + (isOpen ? 1 : -1);
      if (now > 0) ownEpics.set(epic, now);
      else ownEpics.delete(epic);
      openUnderDoneEpic = ownEpics;
      if (members.epics.includes(epic)) {
        if (was > 0 && !risksKept.remove('done-epic-open-children', epic, SEVERITY.doneEpic(was)))
          return null;
        doneEpicsWithOpenChildren += Number(now > 0) - Number(was > 0);
        if (now > 0) risksKept.offer('done-epic-open-children', epic, SEVERITY.doneEpic(now));
      }
    }
    // Maxima with their ties: taking out one holder of the maximum is exact while others remain.
    const beforeDone = d[b + CATEGORY] === DONE;
    const afterDone = d[a + CATEGORY] === DONE;
    const beforeDue = d[b + DUE] ?? Number.NaN;
    const afterDue = d[a + DUE] ?? Number.NaN;
    const beforeDoneAt = d[b + DONE_AT] ?? Number.NaN;
    const afterDoneAt = d[a + DONE_AT] ?? Number.NaN;
    if (afterDone && afterDoneAt !== afterDoneAt) return null;
    if (!rescan && beforeDue === beforeDue && beforeDue === latestDueMs) {
      rescan = --latestDueTies === 0;
    }
    if (!rescan && beforeDone && beforeDoneAt === lastDoneMs) {
      rescan = --lastDoneTies === 0;
    }
    if (!rescan && afterDue === afterDue) {
      if (!(afterDue <= latestDueMs)) {
        latestDueMs = afterDue;
        latestDueTies = 1;
      } else if (afterDue === latestDueMs) latestDueTies++;
    }
    if (!rescan && afterDone) {
      if (!(afterDoneAt <= lastDoneMs)) {
        lastDoneMs = afterDoneAt;
        lastDoneTies = 1;
      } else if (afterDoneAt === lastDoneMs) lastDoneTies++;
    }
    offerRisks(risksKept, row, next);
  }

  const kept = risksKept.result();
  if (kept === null) return null;
  if (rescan)
    ({ latestDueMs, latestDueTies, lastDoneMs, lastDoneTies } = latestInstants(members, tables));
  const total = todo + inProgress + done;
  // Literals written as the full pass writes them: one object shape per record, whichever path.
  const counts = { total, todo, inProgress, done, outOfScope: facts.counts.outOfScope };
  const points = pointsSummary(pointsTotal, pointsDone, withPoints, total);
  const r = facts.risks;
  const p = facts.points;
  return {
    counts,
    // Unchanged parts stay the same objects (assembly then reuses what it built from them).
    points:
      p.total === points.total && p.done === points.done && p.coverage === points.coverage
        ? p
        : points,
    weeklyDone,
    weeklyPoints,
    cycleDays,
    mergeHours: facts.mergeHours,
    pullRequests: facts.pullRequests,
    risks:
      r.blocked === blocked &&
      r.stale === stale &&
      r.overdue === overdue &&
      r.doneEpicsWithOpenChildren === doneEpicsWithOpenChildren &&
      r.multiProject === multiProject
        ? r
        : { blocked, stale, overdue, doneEpicsWithOpenChildren, multiProject },
    top: kept.top,
    kept: kept.kept,
    boundary: kept.boundary,
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

  /** A Jira row's risk of this severity is worse than `than` (no candidate object made). */
  private jiraWorse(row: number, severity: number, than: RiskCandidate): boolean {
    if (severity !== than.severity) return severity > than.severity;
    return (this.tables.jira.refs[row] ?? '') < refOf(than, this.tables);
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
      return boundary !== null && !this.jiraWorse(row, severity, boundary);
    }
    this.writable().splice(at, 1);
    return true;
  }

  offer(kind: RiskCandidate['kind'], row: number, severity: number): void {
    const boundary = this.facts.boundary;
    if (boundary !== null && !this.jiraWorse(row, severity, boundary)) return;
    const candidate = riskCandidate(kind, 'jira', row, severity);
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
