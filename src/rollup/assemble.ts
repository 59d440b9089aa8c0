/**
 * Dresses computed numbers as `Rollup`s: a project from its facts and forecast, a program or bet
 * from its children (BRIEF: sums; progress weighted by size; forecast = the latest child's dates;
 * health = worst child unless `rollup.aggregateHealth: forecast`).
 */
import type { Bet, Program, Project } from '../domain/hierarchy.js';
import type {
  DateSlip,
  Dates,
  Forecast,
  Health,
  RiskItem,
  Rollup,
  RollupLinks,
  WeeklyThroughput,
} from '../domain/rollup.js';
import { daysBetween } from '../lib/dates.js';
import type { ForecastOutcome } from './forecast.js';
import { healthDisagrees, healthFromProbability, worseHealth } from './health.js';
import type { TargetDateSeen } from './inputs.js';
import { aggregateLinks, jqlForKeys } from './links.js';
import { describeRisks, roundTo, type ProjectFacts, type Tables } from './project-metrics.js';
import { quantileSorted } from './quantiles.js';
import type { RollupSettings } from './settings.js';
import { dayOfMs, type TimeFrame } from './time-frame.js';
import { TOP_RISKS, type RiskCandidate } from './top-risks.js';
import { sameItems } from './sorted.js';

/** A node's rollup plus what its parent needs to combine it (raw samples, the distribution). */
export interface NodeResult {
  rollup: Rollup;
  /** The node's samples, sorted ascending (a parent merges them instead of sorting again). */
  cycleDays: Float64Array;
  mergeHours: Float64Array;
  /** Probability of being done by a day (null: no forecast). */
  doneBy: ((day: string) => number) | null;
  withPoints: number;
  /**
   * What the parts were built from, so the next assembly at the same instant reuses every part
   * whose inputs did not change (a sync touches most projects but few of each one's numbers).
   */
  inputs: ProjectInputs | AggregateInputs;
}

interface ProjectInputs {
  facts: ProjectFacts;
  /** The row objects the described risks were read from (a changed row is a new object). */
  riskRows: readonly unknown[];
  targetDates: readonly TargetDateSeen[];
}

interface AggregateInputs {
  children: readonly NodeResult[];
}

/** Target changes to a later date, in the order they were seen. */
export function dateSlips(seen: readonly TargetDateSeen[]): DateSlip[] {
  const slips: DateSlip[] = [];
  let previous: string | null = null;
  for (const entry of seen) {
    if (previous !== null && entry.targetDate > previous) {
      slips.push({
        from: previous,
        to: entry.targetDate,
        on: entry.seenOn,
        days: daysBetween(previous, entry.targetDate),
      });
    }
    previous = entry.targetDate;
  }
  return slips;
}

function datesOf(
  targetDate: string | null,
  rolledUpDate: string | null,
  seen: readonly TargetDateSeen[],
): Dates {
  const slips = dateSlips(seen);
  return {
    targetDate,
    rolledUpDate,
    slips,
    slipCount: slips.length,
    slipDays: slips.reduce((n, s) => n + s.days, 0),
  };
}

/**
 * A project's weekly throughput; weeks whose numbers did not change keep their entry.
 *
 * Here and below, a part that is rebuilt is rebuilt by one call that gets the previous rollup
 * (or null) and reads it itself: a full run at the same instant reuses every part, so reads of
 * the previous parts written at the call would never have run when V8 optimizes the assembly
 * during full runs, and the first incremental run would throw that code away.
 */
function throughputOf(
  frame: TimeFrame,
  facts: ProjectFacts,
  before: readonly WeeklyThroughput[] | null,
): WeeklyThroughput[] {
  const weeks = frame.historyWeeks;
  const done = facts.weeklyDone;
  const points = facts.weeklyPoints;
  const out: WeeklyThroughput[] = [];
  for (let w = 0; w < weeks.length; w++) {
    out.push(weekEntry(weeks[w] as string, done[w] ?? 0, points[w] ?? 0, before?.[w]));
  }
  return out;
}

/** Sort order of a typed array: numbers ascending, NaN last. */
function before(a: number, b: number): boolean {
  return b !== b ? a === a : a < b;
}

/** The children's sorted samples merged into one sorted array (one allocation, k heads). */
function pooledSorted(children: readonly NodeResult[], sample: 'cycle' | 'merge'): Float64Array {
  const nonEmpty: Float64Array[] = [];
  let size = 0;
  for (let c = 0; c < children.length; c++) {
    const child = children[c] as NodeResult;
    // Read here, not by a callback made at each call (its reads had no feedback for V8).
    const s = sample === 'cycle' ? child.cycleDays : child.mergeHours;
    if (s.length === 0) continue;
    nonEmpty.push(s);
    size += s.length;
  }
  if (nonEmpty.length === 0) return new Float64Array(0);
  if (nonEmpty.length === 1) return nonEmpty[0] as Float64Array;
  const out = new Float64Array(size);
  const heads = new Int32Array(nonEmpty.length);
  for (let k = 0; k < size; k++) {
    // A handful of children: a linear scan of the heads beats a heap.
    let best = -1;
    let value = Number.POSITIVE_INFINITY;
    for (let c = 0; c < nonEmpty.length; c++) {
      const list = nonEmpty[c] as Float64Array;
      const at = heads[c] ?? 0;
      if (at < list.length && (best < 0 || before(list[at] ?? 0, value))) {
        best = c;
        value = list[at] ?? 0;
      }
    }
    out[k] = value;
    heads[best] = (heads[best] ?? 0) + 1;
  }
  return out;
}

export function assembleProject(options: {
  project: Project;
  facts: ProjectFacts;
  scope: { added: number; removed: number; addedSinceFirst: number; removedSinceFirst: number };
  forecast: ForecastOutcome | null;
  links: RollupLinks;
  tables: Tables;
  frame: TimeFrame;
  settings: RollupSettings;
  targetDates: readonly TargetDateSeen[];
  firstSnapshotDay: string | null;
  /** This project's result at the same instant, if any (its unchanged parts are reused). */
  previous?: NodeResult | undefined;
}): NodeResult {
  const { project, facts, frame, settings, tables } = options;
  const previous = options.previous;
  // What the previous assembly read and built (null: nothing to reuse).
  const before = previous !== undefined && 'facts' in previous.inputs ? previous.inputs : null;
  const prior = before !== null && previous !== undefined ? previous.rollup : null;
  const { counts, points } = facts;
  const remaining = counts.total - counts.done;
  const weeks = frame.historyWeeks.length;
  const forecast: Forecast =
    options.forecast?.forecast ??
    (prior !== null && isNoForecast(prior.forecast, remaining, weeks)
      ? prior.forecast
      : {
          p50: null,
          p85: null,
          p95: null,
          probOnTime: null,
          remaining,
          trials: 0,
          historyWeeks: weeks,
        });
  const health = healthFromProbability(forecast.probOnTime);
  // The previous parts a rebuild starts from, read in every call (see `throughputOf`).
  const priorThroughput = prior === null ? null : prior.throughput;
  const priorStale = prior === null ? undefined : prior.links.stale;
  const links =
    prior && before && sameItems(before.facts.blockedKeys, facts.blockedKeys)
      ? prior.links
      : projectLinksAt(options.links, facts.blockedKeys, frame, priorStale);
  const sameCycle = before !== null && sameItems(before.facts.cycleDays, facts.cycleDays);
  const cycle = sameCycle && previous ? previous.cycleDays : facts.cycleDays;
  // The described risks stay while the same candidates point at the same row objects.
  const sameRisks = before !== null && sameRiskRows(facts.top, before, tables);
  const riskRows = sameRisks ? before.riskRows : riskRowsOf(facts.top, tables);
  const sameThroughput =
    before !== null &&
    sameItems(before.facts.weeklyDone, facts.weeklyDone) &&
    sameItems(before.facts.weeklyPoints, facts.weeklyPoints);
  const byCount = counts.total === 0 ? 0 : counts.done / counts.total;
  const byPoints = points.total > 0 ? points.done / points.total : null;
  const { scope } = options;
  const rolledUpDate =
    before !== null && Object.is(before.facts.latestDueMs, facts.latestDueMs)
      ? (prior?.dates.rolledUpDate ?? null)
      : Number.isNaN(facts.latestDueMs)
        ? null
        : dayOfMs(facts.latestDueMs);
  const risks = facts.risks;
  // Read here, not where the risks are rebuilt (see `throughputOf`).
  const priorTop = prior === null ? null : prior.risks.top;
  const rollup: Rollup = {
    id: project.id,
    level: 'project',
    name: project.name,
    owner: project.owner,
    health,
    declaredStatus: project.declaredStatus,
    healthDisagrees: healthDisagrees(health, project.declaredStatus),
    counts,
    points,
    progress:
      prior !== null && prior.progress.byCount === byCount && prior.progress.byPoints === byPoints
        ? prior.progress
        : { byCount, byPoints },
    scope:
      prior !== null &&
      prior.scope.totalNow === counts.total &&
      prior.scope.addedThisWeek === scope.added &&
      prior.scope.removedThisWeek === scope.removed &&
      prior.scope.addedSinceFirstSnapshot === scope.addedSinceFirst &&
      prior.scope.removedSinceFirstSnapshot === scope.removedSinceFirst &&
      prior.scope.firstSnapshotDay === options.firstSnapshotDay
        ? prior.scope
        : {
            totalNow: counts.total,
            addedThisWeek: scope.added,
            removedThisWeek: scope.removed,
            addedSinceFirstSnapshot: scope.addedSinceFirst,
            removedSinceFirstSnapshot: scope.removedSinceFirst,
            firstSnapshotDay: options.firstSnapshotDay,
          },
    throughput:
      sameThroughput && prior ? prior.throughput : throughputOf(frame, facts, priorThroughput),
    cycleTime:
      sameCycle && prior
        ? prior.cycleTime
        : {
            medianDays: roundTo(quantileSorted(cycle, 0.5), 1),
            p85Days: roundTo(quantileSorted(cycle, 0.85), 1),
            sample: cycle.length,
          },
    pullRequests: facts.pullRequests,
    risks:
      prior !== null &&
      sameRisks &&
      prior.risks.blocked === risks.blocked &&
      prior.risks.stale === risks.stale &&
      prior.risks.overdue === risks.overdue &&
      prior.risks.doneEpicsWithOpenChildren === risks.doneEpicsWithOpenChildren &&
      prior.risks.multiProject === risks.multiProject
        ? prior.risks
        : {
            blocked: risks.blocked,
            stale: risks.stale,
            overdue: risks.overdue,
            doneEpicsWithOpenChildren: risks.doneEpicsWithOpenChildren,
            multiProject: risks.multiProject,
            top:
              sameRisks && priorTop !== null
                ? priorTop
                : describeRisks(facts.top, tables, {
                    jiraSite: settings.jiraSite,
                    nowMs: frame.nowMs,
                  }),
          },
    dates:
      prior !== null &&
      before !== null &&
      prior.dates.targetDate === project.targetDate &&
      prior.dates.rolledUpDate === rolledUpDate &&
      sameItems(before.targetDates, options.targetDates)
        ? prior.dates
        : datesOf(project.targetDate, rolledUpDate, options.targetDates),
    forecast,
    links,
    children: prior?.children ?? [],
  };
  return {
    rollup,
    cycleDays: cycle,
    mergeHours: facts.mergeHours,
    doneBy: options.forecast?.doneBy ?? null,
    withPoints: Math.round(points.coverage * counts.total),
    inputs: { facts, riskRows, targetDates: options.targetDates },
  };
}

/** The forecast a project without one shows (no trials), with these numbers. */
function isNoForecast(forecast: Forecast, remaining: number, historyWeeks: number): boolean {
  return (
    forecast.trials === 0 &&
    forecast.p50 === null &&
    forecast.p85 === null &&
    forecast.p95 === null &&
    forecast.probOnTime === null &&
    forecast.remaining === remaining &&
    forecast.historyWeeks === historyWeeks
  );
}

/** The row objects the risk candidates point at. */
function riskRowsOf(top: readonly RiskCandidate[], tables: Tables): unknown[] {
  const rows: unknown[] = [];
  for (let i = 0; i < top.length; i++) rows.push(rowOf(top[i] as RiskCandidate, tables));
  return rows;
}

/** The same candidates, pointing at the same row objects, as the previous assembly's. */
function sameRiskRows(
  top: readonly RiskCandidate[],
  before: ProjectInputs,
  tables: Tables,
): boolean {
  const priorTop = before.facts.top;
  if (priorTop.length !== top.length) return false;
  for (let i = 0; i < top.length; i++) {
    const c = top[i] as RiskCandidate;
    const p = priorTop[i] as RiskCandidate;
    const same =
      p === c ||
      (p.kind === c.kind && p.source === c.source && p.row === c.row && p.severity === c.severity);
    if (!same || before.riskRows[i] !== rowOf(c, tables)) return false;
  }
  return true;
}

/** A project's links at an instant: the static ones plus the blocked issues and the stale day. */
function projectLinksAt(
  links: RollupLinks,
  blockedKeys: readonly string[],
  frame: TimeFrame,
  /** The stale search built at this instant before (it depends on nothing else). */
  stale: RollupLinks['stale'] | undefined,
): RollupLinks {
  return {
    ...links,
    blocked: { jql: jqlForKeys(blockedKeys), githubQuery: null },
    stale: stale ?? {
      jql: links.stale.jql,
      githubQuery: links.all.githubQuery
        ? `${links.all.githubQuery.replace(/ -reason:"not planned"$/, '')} is:open updated:<${dayOfMs(frame.staleBeforeMs)}`
        : null,
    },
  };
}

function rowOf(candidate: RiskCandidate, tables: Tables): unknown {
  const table =
    candidate.source === 'jira'
      ? tables.jira
      : candidate.source === 'github'
        ? tables.github
        : tables.pulls;
  return table.rows[candidate.row];
}

function later(out: string | null, v: string | null): string | null {
  return v !== null && (out === null || v > out) ? v : out;
}

/** `a` goes before `b` in the merged list: worse (higher severity) first, then by ref. */
function riskBefore(a: RiskItem, b: RiskItem): boolean {
  return a.severity !== b.severity ? a.severity > b.severity : a.ref < b.ref;
}

/**
 * The worst risks of the children, each item once (its first child's entry), worst first and
 * ties in the children's order: a stable sort of every child's list, kept to the first `TOP_RISKS`
 * entries, done as one insertion pass into a list of that length (most entries cannot enter).
 */
function mergeTopRisks(children: readonly NodeResult[]): RiskItem[] {
  const out: RiskItem[] = [];
  for (let c = 0; c < children.length; c++) {
    const top = (children[c] as NodeResult).rollup.risks.top;
    for (let i = 0; i < top.length; i++) {
      const risk = top[i] as RiskItem;
      const last = out[TOP_RISKS - 1];
      if (last !== undefined && !riskBefore(risk, last)) continue;
      if (seenBefore(children, c, i, risk)) continue;
      let at = out.length;
      while (at > 0 && riskBefore(risk, out[at - 1] as RiskItem)) at--;
      out.splice(at, 0, risk);
      if (out.length > TOP_RISKS) out.pop();
    }
  }
  return out;
}

/** Whether an entry before child `c`'s `i`-th names the same item with the same kind. */
function seenBefore(
  children: readonly NodeResult[],
  c: number,
  i: number,
  risk: RiskItem,
): boolean {
  for (let k = 0; k <= c; k++) {
    const top = (children[k] as NodeResult).rollup.risks.top;
    const end = k === c ? i : top.length;
    for (let j = 0; j < end; j++) {
      const other = top[j] as RiskItem;
      if (other.ref === risk.ref && other.kind === risk.kind) return true;
    }
  }
  return false;
}

/** A program's or bet's weekly throughput: its children's summed week by week, in child order. */
function aggregateThroughput(
  frame: TimeFrame,
  children: readonly NodeResult[],
  previous: Rollup | null,
): WeeklyThroughput[] {
  const prior = previous === null ? null : previous.throughput;
  const weeks = frame.historyWeeks;
  const out: WeeklyThroughput[] = [];
  for (let w = 0; w < weeks.length; w++) {
    let done = 0;
    let points = 0;
    for (let c = 0; c < children.length; c++) {
      const entry = (children[c] as NodeResult).rollup.throughput[w];
      done += entry?.done ?? 0;
      points += entry?.points ?? 0;
    }
    out.push(weekEntry(weeks[w] as string, done, points, prior?.[w]));
  }
  return out;
}

/** A week's entry, the previous object when it holds the same numbers (most weeks do). */
function weekEntry(
  week: string,
  done: number,
  points: number,
  prior: WeeklyThroughput | undefined,
): WeeklyThroughput {
  return prior !== undefined &&
    prior.week === week &&
    prior.done === done &&
    prior.points === points
    ? prior
    : { week, done, points };
}

export function assembleAggregate(options: {
  node: Program | Bet;
  children: readonly NodeResult[];
  frame: TimeFrame;
  settings: RollupSettings;
  targetDates: readonly TargetDateSeen[];
  /** This node's result at the same instant, if any (parts whose children's are unchanged are reused). */
  previous?: NodeResult | undefined;
}): NodeResult {
  const { node, children, frame, settings } = options;
  const previous = options.previous;
  const prior =
    previous && 'children' in previous.inputs
      ? { children: previous.inputs.children, rollup: previous.rollup, result: previous }
      : null;
  const priorChildren =
    prior !== null && prior.children.length === children.length ? prior.children : null;
  // Every sum in one pass, children in order (the same additions as summing each in turn), and
  // which parts every child kept from the previous assembly (by identity).
  const counts = { total: 0, todo: 0, inProgress: 0, done: 0, outOfScope: 0 };
  const scope = { added: 0, removed: 0, addedSinceFirst: 0, removedSinceFirst: 0 };
  const pulls = { open: 0, draft: 0, mergedThisWeek: 0, waitingForReview: 0, withoutJiraKey: 0 };
  const risks = { blocked: 0, stale: 0, overdue: 0, doneEpicsWithOpenChildren: 0, multiProject: 0 };
  let pointsTotal = 0;
  let pointsDone = 0;
  let withPoints = 0;
  let remaining = 0;
  let sameCycle = priorChildren !== null;
  let sameMerge = sameCycle;
  let sameThroughput = sameCycle;
  let sameTop = sameCycle;
  let sameLinks = sameCycle;
  let sameDoneBy = sameCycle;
  // The children's links and the previous children's, gathered in the same pass (see `throughputOf`).
  const childLinks: RollupLinks[] = [];
  const priorLinks: RollupLinks[] = [];
  let health: Health = 'no-data';
  let firstDay: string | null = null;
  let rolledUpDate: string | null = null;
  let p50: string | null = null;
  let p85: string | null = null;
  let p95: string | null = null;
  let withForecast = 0;
  for (let c = 0; c < children.length; c++) {
    const child = children[c] as NodeResult;
    const r = child.rollup;
    counts.total += r.counts.total;
    counts.todo += r.counts.todo;
    counts.inProgress += r.counts.inProgress;
    counts.done += r.counts.done;
    counts.outOfScope += r.counts.outOfScope;
    pointsTotal += r.points.total;
    pointsDone += r.points.done;
    withPoints += child.withPoints;
    scope.added += r.scope.addedThisWeek;
    scope.removed += r.scope.removedThisWeek;
    scope.addedSinceFirst += r.scope.addedSinceFirstSnapshot;
    scope.removedSinceFirst += r.scope.removedSinceFirstSnapshot;
    pulls.open += r.pullRequests.open;
    pulls.draft += r.pullRequests.draft;
    pulls.mergedThisWeek += r.pullRequests.mergedThisWeek;
    pulls.waitingForReview += r.pullRequests.waitingForReview;
    pulls.withoutJiraKey += r.pullRequests.withoutJiraKey;
    risks.blocked += r.risks.blocked;
    risks.stale += r.risks.stale;
    risks.overdue += r.risks.overdue;
    risks.doneEpicsWithOpenChildren += r.risks.doneEpicsWithOpenChildren;
    risks.multiProject += r.risks.multiProject;
    remaining += r.forecast.remaining;
    health = worseHealth(health, r.health);
    const day = r.scope.firstSnapshotDay;
    if (day !== null && (firstDay === null || day < firstDay)) firstDay = day;
    rolledUpDate = later(rolledUpDate, r.dates.targetDate ?? r.dates.rolledUpDate);
    p50 = later(p50, r.forecast.p50);
    p85 = later(p85, r.forecast.p85);
    p95 = later(p95, r.forecast.p95);
    if (child.doneBy !== null) withForecast++;
    childLinks.push(r.links);
    const before = priorChildren?.[c];
    if (before === undefined) continue;
    priorLinks.push(before.rollup.links);
    sameCycle &&= before.cycleDays === child.cycleDays;
    sameMerge &&= before.mergeHours === child.mergeHours;
    sameThroughput &&= before.rollup.throughput === r.throughput;
    sameTop &&= before.rollup.risks.top === r.risks.top;
    sameLinks &&= before.rollup.links === r.links;
    sameDoneBy &&= before.doneBy === child.doneBy;
  }
  const { total, done } = counts;
  // The previous parts, read in every call (see `throughputOf`): full runs recompute each
  // project's merge hours as new arrays, so a read only where they are reused would never run.
  const priorRollup = prior === null ? null : prior.rollup;
  const previousLinks =
    priorChildren !== null && priorRollup !== null
      ? { children: priorLinks, links: priorRollup.links }
      : null;
  const priorCycle = prior === null ? null : prior.result.cycleDays;
  const priorMerge = prior === null ? null : prior.result.mergeHours;
  const priorMedianMerge = prior === null ? null : prior.rollup.pullRequests.medianHoursToMerge;
  const cycleSorted =
    sameCycle && priorCycle !== null ? priorCycle : pooledSorted(children, 'cycle');
  const mergeSorted =
    sameMerge && priorMerge !== null ? priorMerge : pooledSorted(children, 'merge');

  // Children without a forecast (no history) are left out of the combined chance. The same
  // children's chances give the same combined one.
  const doneBy =
    sameDoneBy && prior
      ? prior.result.doneBy
      : withForecast === 0
        ? null
        : combinedDoneBy(children);
  const probOnTime =
    sameDoneBy && prior
      ? prior.rollup.forecast.probOnTime
      : node.targetDate === null || doneBy === null
        ? null
        : doneBy(node.targetDate);
  if (settings.aggregateHealth === 'forecast') health = healthFromProbability(probOnTime);
  const rollup: Rollup = {
    id: node.id,
    level: node.level,
    name: node.name,
    owner: node.owner,
    health,
    declaredStatus: node.declaredStatus,
    healthDisagrees: healthDisagrees(health, node.declaredStatus),
    counts,
    points: {
      total: pointsTotal,
      done: pointsDone,
      coverage: total === 0 ? 0 : withPoints / total,
    },
    progress: {
      byCount: total === 0 ? 0 : done / total,
      byPoints: pointsTotal > 0 ? pointsDone / pointsTotal : null,
    },
    scope: {
      totalNow: total,
      addedThisWeek: scope.added,
      removedThisWeek: scope.removed,
      addedSinceFirstSnapshot: scope.addedSinceFirst,
      removedSinceFirstSnapshot: scope.removedSinceFirst,
      firstSnapshotDay: firstDay,
    },
    throughput:
      sameThroughput && prior
        ? prior.rollup.throughput
        : aggregateThroughput(frame, children, priorRollup),
    cycleTime:
      sameCycle && prior
        ? prior.rollup.cycleTime
        : {
            medianDays: roundTo(quantileSorted(cycleSorted, 0.5), 1),
            p85Days: roundTo(quantileSorted(cycleSorted, 0.85), 1),
            sample: cycleSorted.length,
          },
    pullRequests: {
      open: pulls.open,
      draft: pulls.draft,
      mergedThisWeek: pulls.mergedThisWeek,
      medianHoursToMerge:
        sameMerge && prior ? priorMedianMerge : roundTo(quantileSorted(mergeSorted, 0.5), 1),
      waitingForReview: pulls.waitingForReview,
      withoutJiraKey: pulls.withoutJiraKey,
    },
    risks: {
      blocked: risks.blocked,
      stale: risks.stale,
      overdue: risks.overdue,
      doneEpicsWithOpenChildren: risks.doneEpicsWithOpenChildren,
      multiProject: risks.multiProject,
      top: sameTop && prior ? prior.rollup.risks.top : mergeTopRisks(children),
    },
    dates: datesOf(node.targetDate, rolledUpDate, options.targetDates),
    forecast: {
      p50,
      p85,
      p95,
      probOnTime,
      remaining,
      trials: settings.trials,
      historyWeeks: frame.historyWeeks.length,
    },
    links: sameLinks && prior ? prior.rollup.links : aggregateLinks(childLinks, previousLinks),
    children: prior ? prior.rollup.children : children.map((c) => c.rollup.id),
  };
  return {
    rollup,
    cycleDays: cycleSorted,
    mergeHours: mergeSorted,
    doneBy,
    withPoints,
    inputs: { children },
  };
}

/** The chance that every child with a forecast is done by a day (independent forecasts). */
function combinedDoneBy(children: readonly NodeResult[]): (day: string) => number {
  const chances: ((day: string) => number)[] = [];
  for (const child of children) if (child.doneBy !== null) chances.push(child.doneBy);
  return (day: string): number => {
    let p = 1;
    for (const chance of chances) p *= chance(day);
    return p;
  };
}
