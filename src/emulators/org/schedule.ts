/**
 * Target dates and declared statuses for the seeded projects, set against each project's own
 * remaining work and recent throughput so the forecast has something to say: about 40 % are
 * comfortably ahead, 15 % tight (a coin flip: amber), 25 % at risk (red), exactly one is already
 * past its target, and 20 % have no target at all. About a third of the projects with a target
 * declare a status; one in three of those disagrees with what the numbers say (the "green on
 * the outside" project every TPM knows), and there is always at least one that agrees and one
 * that does not.
 */
import type { Rng } from '../core/index.js';
import type { DeclaredStatus, SchedulePlan } from './types.js';

export interface ScheduleInput {
  open: number;
  /** Children done per week recently. */
  weeklyThroughput: number;
}

export interface ScheduleChoice {
  schedule: SchedulePlan;
  targetDate?: string;
  status?: DeclaredStatus;
  statusDisagrees: boolean;
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;

const PLANS: readonly [SchedulePlan, number][] = [
  ['none', 0.2],
  ['comfortable', 0.4],
  ['tight', 0.15],
  ['at-risk', 0.25],
];

const AGREES: Record<Exclude<SchedulePlan, 'none'>, DeclaredStatus> = {
  comfortable: 'green',
  tight: 'amber',
  'at-risk': 'red',
  overdue: 'red',
};
/** What an optimistic (or, for a comfortable project, a nervous) owner declares instead. */
const DISAGREES: Record<Exclude<SchedulePlan, 'none'>, DeclaredStatus> = {
  comfortable: 'amber',
  tight: 'green',
  'at-risk': 'green',
  overdue: 'amber',
};

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Weeks the open items take at the recent pace (half a year when there is no pace yet). */
function weeksLeft(input: ScheduleInput): number {
  if (input.open === 0) return 0;
  return input.weeklyThroughput > 0 ? input.open / input.weeklyThroughput : 26;
}

function targetFor(plan: SchedulePlan, input: ScheduleInput, now: number, rng: Rng): number {
  const weeks = weeksLeft(input);
  switch (plan) {
    case 'comfortable':
      return now + (weeks * 1.6 + 4) * WEEK;
    case 'tight':
      return now + Math.max(1, weeks) * WEEK;
    case 'at-risk':
      return now + Math.max(1, weeks * 0.5) * WEEK;
    case 'overdue':
      return now - rng.int(7, 45) * DAY;
    case 'none':
      return Number.NaN;
  }
}

function pickPlan(rng: Rng): SchedulePlan {
  let roll = rng.next();
  for (const [plan, weight] of PLANS) {
    roll -= weight;
    if (roll < 0) return plan;
  }
  return 'comfortable';
}

/** One choice per input, in order; deterministic for the rng. */
export function planSchedules(
  rng: Rng,
  inputs: readonly ScheduleInput[],
  now: number,
): ScheduleChoice[] {
  const plans = inputs.map(() => pickPlan(rng));
  // Exactly one project is past its target: one that still has work open, if any has.
  const withWork = inputs.flatMap((input, i) => (input.open > 0 ? [i] : []));
  const overdue = withWork.length > 0 ? (withWork[rng.int(0, withWork.length - 1)] as number) : 0;
  if (plans.length > 0) plans[overdue] = 'overdue';

  const choices: ScheduleChoice[] = plans.map((schedule, i) => {
    const input = inputs[i] as ScheduleInput;
    if (schedule === 'none') return { schedule, statusDisagrees: false };
    const choice: ScheduleChoice = {
      schedule,
      targetDate: isoDate(targetFor(schedule, input, now, rng)),
      statusDisagrees: false,
    };
    if (rng.chance(0.33)) {
      choice.statusDisagrees = rng.chance(1 / 3);
      choice.status = (choice.statusDisagrees ? DISAGREES : AGREES)[schedule];
    }
    return choice;
  });
  ensureBothKinds(choices);
  return choices;
}

/** At least one declared status that matches the numbers and one that contradicts them. */
function ensureBothKinds(choices: ScheduleChoice[]): void {
  const declared = (c: ScheduleChoice): boolean => c.status !== undefined;
  const dated = choices.filter((c) => c.schedule !== 'none');
  if (!choices.some((c) => declared(c) && c.statusDisagrees)) {
    const pick =
      dated.find((c) => c.schedule === 'at-risk' && !declared(c)) ??
      dated.find((c) => !declared(c));
    if (pick && pick.schedule !== 'none') {
      pick.status = DISAGREES[pick.schedule];
      pick.statusDisagrees = true;
    }
  }
  if (!choices.some((c) => declared(c) && !c.statusDisagrees)) {
    const pick =
      dated.find((c) => c.schedule === 'comfortable' && !declared(c)) ??
      dated.find((c) => !declared(c));
    if (pick && pick.schedule !== 'none') {
      pick.status = AGREES[pick.schedule];
      pick.statusDisagrees = false;
    }
  }
}
