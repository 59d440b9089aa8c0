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
import { healthDisagrees, healthFromProbability, worstHealth } from './health.js';
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
}

interface AggregateInputs {
  children: readonly NodeResult[];
}

/** True when every child has the same part (by identity) as the previous assembly's child. */
function sameChildParts(
  children: readonly NodeResult[],
  previous: readonly NodeResult[],
  part: (child: NodeResult) => unknown,
): boolean {
  if (children.length !== previous.length) return false;
  for (let i = 0; i < children.length; i++) {
    const before = previous[i];
    if (!before || part(before) !== part(children[i] as NodeResult)) return false;
  }
  return true;
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

function throughputOf(
  frame: TimeFrame,
  done: ArrayLike<number>,
  points: ArrayLike<number>,
): WeeklyThroughput[] {
  return frame.historyWeeks.map((week, w) => ({
    week,
    done: done[w] ?? 0,
    points: points[w] ?? 0,
  }));
}

/** Sort order of a typed array: numbers ascending, NaN last. */
function before(a: number, b: number): boolean {
  return b !== b ? a === a : a < b;
}

/** The children's sorted samples merged into one sorted array (one allocation, k heads). */
function pooledSorted(samples: readonly Float64Array[]): Float64Array {
  const nonEmpty = samples.filter((s) => s.length > 0);
  if (nonEmpty.length === 0) return new Float64Array(0);
  if (nonEmpty.length === 1) return nonEmpty[0] as Float64Array;
  let size = 0;
  for (const s of nonEmpty) size += s.length;
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
  const { project, facts, frame, settings } = options;
  const previous = options.previous;
  const inputs = previous?.inputs;
  const prior =
    previous && inputs && 'facts' in inputs
      ? {
          facts: inputs.facts,
          riskRows: inputs.riskRows,
          rollup: previous.rollup,
          cycle: previous.cycleDays,
        }
      : null;
  const { counts, points } = facts;
  const forecast: Forecast = options.forecast?.forecast ?? {
    p50: null,
    p85: null,
    p95: null,
    probOnTime: null,
    remaining: counts.total - counts.done,
    trials: 0,
    historyWeeks: frame.historyWeeks.length,
  };
  const health = healthFromProbability(forecast.probOnTime);
  const links =
    prior && sameItems(prior.facts.blockedKeys, facts.blockedKeys)
      ? prior.rollup.links
      : projectLinksAt(options.links, facts.blockedKeys, frame, prior?.rollup.links.stale);
  const sameCycle = prior !== null && sameItems(prior.facts.cycleDays, facts.cycleDays);
  const cycle = sameCycle ? prior.cycle : facts.cycleDays;
  // The described risks stay while the same candidates point at the same row objects.
  const top = facts.top;
  const riskRows: unknown[] = [];
  let sameRisks = prior !== null && prior.facts.top.length === top.length;
  for (let i = 0; i < top.length; i++) {
    const c = top[i] as RiskCandidate;
    const row = rowOf(c, options.tables);
    riskRows.push(row);
    if (!sameRisks || prior === null) continue;
    const p = prior.facts.top[i];
    sameRisks =
      p !== undefined &&
      (p === c ||
        (p.kind === c.kind &&
          p.source === c.source &&
          p.row === c.row &&
          p.severity === c.severity)) &&
      prior.riskRows[i] === row;
  }
  const sameThroughput =
    prior !== null &&
    sameItems(prior.facts.weeklyDone, facts.weeklyDone) &&
    sameItems(prior.facts.weeklyPoints, facts.weeklyPoints);
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
    progress: {
      byCount: counts.total === 0 ? 0 : counts.done / counts.total,
      byPoints: points.total > 0 ? points.done / points.total : null,
    },
    scope: {
      totalNow: counts.total,
      addedThisWeek: options.scope.added,
      removedThisWeek: options.scope.removed,
      addedSinceFirstSnapshot: options.scope.addedSinceFirst,
      removedSinceFirstSnapshot: options.scope.removedSinceFirst,
      firstSnapshotDay: options.firstSnapshotDay,
    },
    throughput: sameThroughput
      ? prior.rollup.throughput
      : throughputOf(frame, facts.weeklyDone, facts.weeklyPoints),
    cycleTime: sameCycle
      ? prior.rollup.cycleTime
      : {
          medianDays: roundTo(quantileSorted(cycle, 0.5), 1),
          p85Days: roundTo(quantileSorted(cycle, 0.85), 1),
          sample: cycle.length,
        },
    pullRequests: facts.pullRequests,
    risks: {
      ...facts.risks,
      top:
        sameRisks && prior !== null
          ? prior.rollup.risks.top
          : describeRisks(facts.top, options.tables, {
              jiraSite: settings.jiraSite,
              nowMs: frame.nowMs,
            }),
    },
    dates: datesOf(
      project.targetDate,
      Number.isNaN(facts.latestDueMs) ? null : dayOfMs(facts.latestDueMs),
      options.targetDates,
    ),
    forecast,
    links,
    children: [],
  };
  return {
    rollup,
    cycleDays: cycle,
    mergeHours: facts.mergeHours,
    doneBy: options.forecast?.doneBy ?? null,
    withPoints: Math.round(points.coverage * counts.total),
    inputs: { facts, riskRows },
  };
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

function latest(values: readonly (string | null)[]): string | null {
  let out: string | null = null;
  for (const v of values) if (v !== null && (out === null || v > out)) out = v;
  return out;
}

/**
 * The worst risks of the children, each item once (its first child's entry). Sorted stably and
 * then filtered, which keeps the same entries in the same order as filtering first, without
 * building a key per entry.
 */
function mergeTopRisks(children: readonly Rollup[]): RiskItem[] {
  const all: RiskItem[] = [];
  for (const child of children) for (const risk of child.risks.top) all.push(risk);
  const sorted = all
    .slice()
    .sort((a, b) => b.severity - a.severity || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const out: RiskItem[] = [];
  for (const risk of sorted) {
    if (out.length === TOP_RISKS) break;
    const first = all.find((r) => r.kind === risk.kind && r.ref === risk.ref);
    if (first === risk) out.push(risk);
  }
  return out;
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
  const rollups = children.map((c) => c.rollup);
  const previous = options.previous;
  const prior =
    previous && 'children' in previous.inputs
      ? { children: previous.inputs.children, rollup: previous.rollup, result: previous }
      : null;
  // Every sum in one pass, children in order (the same additions as summing each in turn).
  const counts = { total: 0, todo: 0, inProgress: 0, done: 0, outOfScope: 0 };
  const scope = { added: 0, removed: 0, addedSinceFirst: 0, removedSinceFirst: 0 };
  const pulls = { open: 0, draft: 0, mergedThisWeek: 0, waitingForReview: 0, withoutJiraKey: 0 };
  const risks = { blocked: 0, stale: 0, overdue: 0, doneEpicsWithOpenChildren: 0, multiProject: 0 };
  let pointsTotal = 0;
  let pointsDone = 0;
  let withPoints = 0;
  let remaining = 0;
  for (const child of children) {
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
  }
  const { total, done } = counts;
  const sameCycle = prior !== null && sameChildParts(children, prior.children, (c) => c.cycleDays);
  const cycleSorted = sameCycle
    ? prior.result.cycleDays
    : pooledSorted(children.map((c) => c.cycleDays));
  const sameThroughput =
    prior !== null && sameChildParts(children, prior.children, (c) => c.rollup.throughput);
  const sameTop =
    prior !== null && sameChildParts(children, prior.children, (c) => c.rollup.risks.top);
  const sameLinks =
    prior !== null && sameChildParts(children, prior.children, (c) => c.rollup.links);
  const sameMerge = prior !== null && sameChildParts(children, prior.children, (c) => c.mergeHours);
  const mergeSorted = sameMerge
    ? prior.result.mergeHours
    : pooledSorted(children.map((c) => c.mergeHours));

  // Children without a forecast (no history) are left out of the combined chance.
  const withForecast = children.filter((c) => c.doneBy !== null);
  const doneBy =
    withForecast.length === 0
      ? null
      : (day: string): number => withForecast.reduce((p, c) => p * (c.doneBy?.(day) ?? 1), 1);
  const probOnTime = node.targetDate === null || doneBy === null ? null : doneBy(node.targetDate);
  const health: Health =
    settings.aggregateHealth === 'forecast'
      ? healthFromProbability(probOnTime)
      : worstHealth(rollups.map((r) => r.health));
  const firstDays = rollups
    .map((r) => r.scope.firstSnapshotDay)
    .filter((d): d is string => d !== null);
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
      firstSnapshotDay: firstDays.length === 0 ? null : (firstDays.sort()[0] ?? null),
    },
    throughput: sameThroughput
      ? prior.rollup.throughput
      : frame.historyWeeks.map((week, w) => ({
          week,
          done: rollups.reduce((n, r) => n + (r.throughput[w]?.done ?? 0), 0),
          points: rollups.reduce((n, r) => n + (r.throughput[w]?.points ?? 0), 0),
        })),
    cycleTime: sameCycle
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
      medianHoursToMerge: sameMerge
        ? prior.rollup.pullRequests.medianHoursToMerge
        : roundTo(quantileSorted(mergeSorted, 0.5), 1),
      waitingForReview: pulls.waitingForReview,
      withoutJiraKey: pulls.withoutJiraKey,
    },
    risks: {
      ...risks,
      top: sameTop ? prior.rollup.risks.top : mergeTopRisks(rollups),
    },
    dates: datesOf(
      node.targetDate,
      latest(rollups.map((r) => r.dates.targetDate ?? r.dates.rolledUpDate)),
      options.targetDates,
    ),
    forecast: {
      p50: latest(rollups.map((r) => r.forecast.p50)),
      p85: latest(rollups.map((r) => r.forecast.p85)),
      p95: latest(rollups.map((r) => r.forecast.p95)),
      probOnTime,
      remaining,
      trials: settings.trials,
      historyWeeks: frame.historyWeeks.length,
    },
    links: sameLinks
      ? prior.rollup.links
      : aggregateLinks(
          rollups.map((r) => r.links),
          prior && {
            children: prior.children.map((c) => c.rollup.links),
            links: prior.rollup.links,
          },
        ),
    children: prior ? prior.rollup.children : rollups.map((r) => r.id),
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
