/** The instants a rollup measures against, derived once from "now" and the settings. */
import { addDays, isoWeek, isoWeekStart, toDay } from '../lib/dates.js';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export interface TimeFrame {
  nowMs: number;
  today: string;
  todayMs: number;
  /** Monday 00:00 UTC of the current ISO week. */
  weekStart: string;
  weekStartMs: number;
  /** Monday of the oldest complete week in the throughput history. */
  historyStartMs: number;
  /** ISO week labels of the history, oldest first (all complete weeks before this one). */
  historyWeeks: string[];
  /** Items not updated since this instant are stale. */
  staleBeforeMs: number;
  /** Open PRs created before this instant with reviewers still requested are waiting. */
  reviewBeforeMs: number;
}

export function timeFrame(
  now: Date,
  options: { historyWeeks: number; staleAfterDays: number; reviewWaitDays: number },
): TimeFrame {
  const nowMs = now.getTime();
  const today = toDay(now);
  const weekStartDate = isoWeekStart(isoWeek(now));
  const weekStartMs = weekStartDate.getTime();
  const historyStartMs = weekStartMs - options.historyWeeks * WEEK_MS;
  const historyWeeks: string[] = [];
  for (let w = 0; w < options.historyWeeks; w++) {
    historyWeeks.push(isoWeek(new Date(historyStartMs + w * WEEK_MS)));
  }
  return {
    nowMs,
    today,
    todayMs: Date.parse(`${today}T00:00:00Z`),
    weekStart: toDay(weekStartDate),
    weekStartMs,
    historyStartMs,
    historyWeeks,
    staleBeforeMs: nowMs - options.staleAfterDays * DAY_MS,
    reviewBeforeMs: nowMs - options.reviewWaitDays * DAY_MS,
  };
}

/** `YYYY-MM-DD` of an epoch-ms instant. */
export function dayOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export { addDays };
