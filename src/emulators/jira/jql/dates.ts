/**
 * JQL date operands, read the way Jira reads them
 * (https://support.atlassian.com/jira-software-cloud/docs/jql-fields/#Created):
 * - `"yyyy/MM/dd HH:mm"`, `"yyyy-MM-dd HH:mm"`, `"yyyy/MM/dd"`, `"yyyy-MM-dd"` — local times in
 *   the user's time zone, minute precision (a day alone means its midnight);
 * - periods relative to now: `-5m`, `-1d`, `"-4w 2d"`, `3h` (w, d, h, m; no sign = future);
 * - an integer: epoch milliseconds;
 * - functions `now()`, `startOfDay()`, `endOfDay()`, `startOfWeek()` (with an optional
 *   period argument such as `startOfDay(-1d)`).
 * Relative results are truncated to the minute, like every JQL date.
 */
import type { ZonedTime } from '../time.js';

const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: MINUTE,
};
const ABSOLUTE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const PERIOD = /^([+-]?)\s*((?:\d+\s*[wdhm]\s*)+)$/i;

export interface DateContext {
  time: ZonedTime;
  now: number;
}

export function invalidDateMessage(value: string, field: string): string {
  return `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`;
}

/** The instant a date value means, or null when it is not a JQL date. */
export function parseDateValue(text: string, ctx: DateContext): number | null {
  const value = text.trim();
  const abs = ABSOLUTE.exec(value);
  if (abs) {
    const [year, month, day, hour, minute] = [
      abs[1],
      abs[2],
      abs[3],
      abs[4] ?? '0',
      abs[5] ?? '0',
    ].map(Number) as [number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1) return null;
    return ctx.time.instant({ year, month, day, hour, minute });
  }
  if (/^\d{9,}$/.test(value)) return Number(value);
  const period = parsePeriod(value);
  return period === null ? null : truncate(ctx.now + period);
}

/** `-4w 2d` → milliseconds (negative = past), or null. */
export function parsePeriod(text: string): number | null {
  const m = PERIOD.exec(text.trim());
  if (!m) return null;
  let total = 0;
  for (const part of (m[2] ?? '').matchAll(/(\d+)\s*([wdhm])/gi)) {
    total += Number(part[1]) * (UNIT_MS[(part[2] ?? 'm').toLowerCase()] ?? 0);
  }
  return m[1] === '-' ? -total : total;
}

/** Date functions; null for an unknown one. */
export function dateFunction(name: string, args: string[], ctx: DateContext): number | null {
  const shift = args[0] === undefined ? 0 : parsePeriod(args[0]);
  if (shift === null) return null;
  const at = ctx.now + shift;
  const local = ctx.time.local(at);
  switch (name.toLowerCase()) {
    case 'now':
      return truncate(ctx.now + shift);
    case 'startofday':
      return ctx.time.instant({ ...local, hour: 0, minute: 0 });
    case 'endofday':
      return ctx.time.instant({ ...local, hour: 23, minute: 59 });
    case 'startofweek': {
      // Jira's weeks start on Sunday.
      const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
      const sunday = new Date(Date.UTC(local.year, local.month - 1, local.day - weekday));
      return ctx.time.instant({
        year: sunday.getUTCFullYear(),
        month: sunday.getUTCMonth() + 1,
        day: sunday.getUTCDate(),
        hour: 0,
        minute: 0,
      });
    }
    default:
      return null;
  }
}

export function truncate(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}
