/** The calendar frame of a weekly report: ISO week, its first and last day, and the default week. */
import type { Clock } from '../lib/clock.js';
import { addDays, isIsoWeek, isoWeek, isoWeekStart, toDay } from '../lib/dates.js';

export interface ReportWeek {
  /** `YYYY-Www`. */
  week: string;
  /** Monday, `YYYY-MM-DD`. */
  start: string;
  /** Sunday, `YYYY-MM-DD`. */
  end: string;
}

export function reportWeek(week: string): ReportWeek {
  if (!isIsoWeek(week)) throw new Error(`not an ISO week: ${week}`);
  const start = toDay(isoWeekStart(week));
  return { week, start, end: addDays(start, 6) };
}

/**
 * The week a report covers when none is given: the week that holds *yesterday*. The scheduled job
 * runs on Monday morning, when leaders want the week that just ended (Monday's own snapshot would
 * compare a week with itself); on any other day this is the current week so far.
 */
export function defaultReportWeek(clock: Clock): string {
  return isoWeek(new Date(clock.now().getTime() - 86_400_000));
}
