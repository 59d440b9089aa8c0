/** How numbers, dates and health read in the Markdown and HTML reports (CSV/JSON stay raw). */
import type { Health, RiskItem } from '../domain/rollup.js';
import { daysBetween } from '../lib/dates.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const HEALTH_LABEL: Record<Health, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  'no-data': 'No data',
};

export const RISK_KIND_LABEL: Record<RiskItem['kind'], string> = {
  blocked: 'Blocked',
  stale: 'Stale',
  overdue: 'Overdue',
  'done-epic-open-children': 'Done epic, open children',
  'multi-project': 'In two projects',
  'pr-waiting': 'PR waiting for review',
};

/** `2026-11-29` → `29 Nov 2026`; null → `—`. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** `2026-11-29` → `29 Nov` (chart axes). */
export function formatShortDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m}`;
}

/** `23–29 Nov 2026`, or `30 Nov – 6 Dec 2026` across months. */
export function formatDayRange(start: string, end: string): string {
  const [ys, ms] = start.split('-');
  const [ye, me] = end.split('-');
  if (ys !== ye) return `${formatDay(start)} – ${formatDay(end)}`;
  if (ms !== me) return `${formatShortDay(start)} – ${formatDay(end)}`;
  return `${Number(start.slice(8))}–${formatDay(end)}`;
}

export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '—';
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${(hours / 24).toFixed(1)} d`;
}

export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  return `${Number.isInteger(days) ? days : days.toFixed(1)} d`;
}

/** `+3` / `−2` / `0`: signed with a real minus sign. */
export function formatSigned(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${-n}`;
  return '0';
}

/** "12 d late" / "5 d early" / "on target" for a forecast date against the target. */
export function formatVersusTarget(forecast: string | null, target: string | null): string {
  if (forecast === null || target === null) return '';
  const late = daysBetween(target, forecast);
  if (late > 0) return `${late} d late`;
  if (late < 0) return `${-late} d early`;
  return 'on target';
}
