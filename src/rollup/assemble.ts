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
import { TOP_RISKS } from './top-risks.js';

/** A node's rollup plus what its parent needs to combine it (raw samples, the distribution). */
export interface NodeResult {
  rollup: Rollup;
  cycleDays: readonly Float64Array[];
  mergeHours: readonly Float64Array[];
  /** Probability of being done by a day (null: no forecast). */
  doneBy: ((day: string) => number) | null;
  withPoints: number;
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

/** All samples in one sorted array. */
function pooledSorted(samples: readonly Float64Array[]): Float64Array {
  let size = 0;
  for (const s of samples) size += s.length;
  const all = new Float64Array(size);
  let at = 0;
  for (const s of samples) {
    all.set(s, at);
    at += s.length;
  }
  return all.sort();
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
}): NodeResult {
  const { project, facts, frame, settings } = options;
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
  const staleDay = dayOfMs(frame.staleBeforeMs);
  const links: RollupLinks = {
    ...options.links,
    blocked: { jql: jqlForKeys(facts.blockedKeys), githubQuery: null },
    stale: {
      jql: options.links.stale.jql,
      githubQuery: options.links.all.githubQuery
        ? `${options.links.all.githubQuery.replace(/ -reason:"not planned"$/, '')} is:open updated:<${staleDay}`
        : null,
    },
  };
  const cycle = facts.cycleDays.slice().sort();
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
    throughput: throughputOf(frame, facts.weeklyDone, facts.weeklyPoints),
    cycleTime: {
      medianDays: roundTo(quantileSorted(cycle, 0.5), 1),
      p85Days: roundTo(quantileSorted(cycle, 0.85), 1),
      sample: cycle.length,
    },
    pullRequests: facts.pullRequests,
    risks: {
      ...facts.risks,
      top: describeRisks(facts.top, options.tables, {
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
    cycleDays: [facts.cycleDays],
    mergeHours: [facts.mergeHours],
    doneBy: options.forecast?.doneBy ?? null,
    withPoints: Math.round(points.coverage * counts.total),
  };
}

function latest(values: readonly (string | null)[]): string | null {
  let out: string | null = null;
  for (const v of values) if (v !== null && (out === null || v > out)) out = v;
  return out;
}

function mergeTopRisks(children: readonly Rollup[]): RiskItem[] {
  const seen = new Set<string>();
  const all: RiskItem[] = [];
  for (const child of children) {
    for (const risk of child.risks.top) {
      const key = `${risk.kind}:${risk.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(risk);
    }
  }
  all.sort((a, b) => b.severity - a.severity || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return all.slice(0, TOP_RISKS);
}

export function assembleAggregate(options: {
  node: Program | Bet;
  children: readonly NodeResult[];
  frame: TimeFrame;
  settings: RollupSettings;
  targetDates: readonly TargetDateSeen[];
}): NodeResult {
  const { node, children, frame, settings } = options;
  const rollups = children.map((c) => c.rollup);
  const sum = (pick: (r: Rollup) => number): number => rollups.reduce((n, r) => n + pick(r), 0);
  const total = sum((r) => r.counts.total);
  const done = sum((r) => r.counts.done);
  const pointsTotal = sum((r) => r.points.total);
  const pointsDone = sum((r) => r.points.done);
  const withPoints = children.reduce((n, c) => n + c.withPoints, 0);
  const cycleDays = children.flatMap((c) => c.cycleDays);
  const mergeHours = children.flatMap((c) => c.mergeHours);
  const cycleSorted = pooledSorted(cycleDays);

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
    counts: {
      total,
      todo: sum((r) => r.counts.todo),
      inProgress: sum((r) => r.counts.inProgress),
      done,
      outOfScope: sum((r) => r.counts.outOfScope),
    },
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
      addedThisWeek: sum((r) => r.scope.addedThisWeek),
      removedThisWeek: sum((r) => r.scope.removedThisWeek),
      addedSinceFirstSnapshot: sum((r) => r.scope.addedSinceFirstSnapshot),
      removedSinceFirstSnapshot: sum((r) => r.scope.removedSinceFirstSnapshot),
      firstSnapshotDay: firstDays.length === 0 ? null : (firstDays.sort()[0] ?? null),
    },
    throughput: frame.historyWeeks.map((week, w) => ({
      week,
      done: rollups.reduce((n, r) => n + (r.throughput[w]?.done ?? 0), 0),
      points: rollups.reduce((n, r) => n + (r.throughput[w]?.points ?? 0), 0),
    })),
    cycleTime: {
      medianDays: roundTo(quantileSorted(cycleSorted, 0.5), 1),
      p85Days: roundTo(quantileSorted(cycleSorted, 0.85), 1),
      sample: cycleSorted.length,
    },
    pullRequests: {
      open: sum((r) => r.pullRequests.open),
      draft: sum((r) => r.pullRequests.draft),
      mergedThisWeek: sum((r) => r.pullRequests.mergedThisWeek),
      medianHoursToMerge: roundTo(quantileSorted(pooledSorted(mergeHours), 0.5), 1),
      waitingForReview: sum((r) => r.pullRequests.waitingForReview),
      withoutJiraKey: sum((r) => r.pullRequests.withoutJiraKey),
    },
    risks: {
      blocked: sum((r) => r.risks.blocked),
      stale: sum((r) => r.risks.stale),
      overdue: sum((r) => r.risks.overdue),
      doneEpicsWithOpenChildren: sum((r) => r.risks.doneEpicsWithOpenChildren),
      multiProject: sum((r) => r.risks.multiProject),
      top: mergeTopRisks(rollups),
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
      remaining: sum((r) => r.forecast.remaining),
      trials: settings.trials,
      historyWeeks: frame.historyWeeks.length,
    },
    links: aggregateLinks(rollups.map((r) => r.links)),
    children: rollups.map((r) => r.id),
  };
  return { rollup, cycleDays, mergeHours, doneBy, withPoints };
}
