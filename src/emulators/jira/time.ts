/**
 * Jira's two time dialects in one site time zone:
 * - timestamps are rendered with a numeric offset without a colon and milliseconds
 *   (`2026-11-20T14:03:11.123-0800`);
 * - JQL date literals (`"2026/11/20 14:03"`, `"2026-11-20"`) are local times in the API user's
 *   time zone with minute precision
 *   (https://support.atlassian.com/jira-software-cloud/docs/jql-fields/#Created).
 *
 * Offsets come from `Intl` and are cached per 15-minute bucket (every zone changes offset on a
 * quarter hour), so rendering 100k timestamps does not call `Intl` 100k times.
 */

const BUCKET_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

export interface LocalDateTime {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export class ZonedTime {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    // Throws a RangeError for an unknown zone: a misconfigured emulator should fail at start.
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Offset from UTC in minutes at the instant (e.g. -480 for PST). */
  offsetMinutes(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    const cached = this.offsets.get(bucket);
    if (cached !== undefined) return cached;
    const at = bucket * BUCKET_MS;
    const parts: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(new Date(at)))
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const local = Date.UTC(
      parts['year'] ?? 1970,
      (parts['month'] ?? 1) - 1,
      parts['day'] ?? 1,
      parts['hour'] ?? 0,
      parts['minute'] ?? 0,
      parts['second'] ?? 0,
    );
    const offset = Math.round((local - at) / 60_000);
    this.offsets.set(bucket, offset);
    return offset;
  }

  /** `2026-11-20T14:03:11.123-0800`, as Jira renders every timestamp. */
  timestamp(ms: number): string {
    const offset = this.offsetMinutes(ms);
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return `${local}${sign}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
  }

  /** The local calendar day of an instant, as days since 1970-01-01. */
  localDay(ms: number): number {
    return Math.floor((ms + this.offsetMinutes(ms) * 60_000) / DAY_MS);
  }

  /** The local wall-clock time of an instant. */
  local(ms: number): LocalDateTime {
    const d = new Date(ms + this.offsetMinutes(ms) * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
    };
  }

  /**
   * The instant of a local wall-clock time. In a gap (spring forward) the time is read with the
   * offset before the gap; of two instants (fall back) the earlier one is taken.
   */
  instant(local: LocalDateTime): number {
    const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
    const first = wall - this.offsetMinutes(wall) * 60_000;
    const second = wall - this.offsetMinutes(first) * 60_000;
    const candidates = [first, second].filter(
      (ms) => ms + this.offsetMinutes(ms) * 60_000 === wall,
    );
    return candidates.length > 0 ? Math.min(...candidates) : first;
  }

  /** Local midnight starting the given day number. */
  startOfDay(dayNumber: number): number {
    const d = new Date(dayNumber * DAY_MS);
    return this.instant({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: 0,
      minute: 0,
    });
  }
}

/** `YYYY-MM-DD` of a day number (a calendar date, no zone). */
export function dayString(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of `YYYY-MM-DD`, or NaN. */
export function parseDayString(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.NaN;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text
    ? Number.NaN
    : ms / DAY_MS;
}

export const DAY = DAY_MS;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
