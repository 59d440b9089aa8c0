/**
 * Vendor timestamps → ISO-8601 UTC. Jira writes offsets without a colon (`…510-0800`), which
 * `Date.parse` does not promise to read; GitHub writes `Z`.
 */
export function toIsoUtc(value: string): string | null {
  const fast = fixedShape(value);
  if (fast !== null) return fast;
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The number in `count` ASCII digits from `at`, or -1 if any is not a digit. */
function digits(value: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0);
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/**
 * The shapes a sync reads hundreds of thousands of, without a regex or a `Date` where it can:
 * Jira's `2026-03-04T05:06:07.123+0100` (or `+01:00`), GitHub's `2026-03-04T05:06:07Z`, and
 * ISO UTC with milliseconds. Anything else (or out of range) → null: the general path decides.
 */
function fixedShape(v: string): string | null {
  const n = v.length;
  if (n !== 20 && n !== 24 && n !== 28 && n !== 29) return null;
  if (
    v.charCodeAt(4) !== 45 /* - */ ||
    v.charCodeAt(7) !== 45 ||
    v.charCodeAt(10) !== 84 /* T */ ||
    v.charCodeAt(13) !== 58 /* : */ ||
    v.charCodeAt(16) !== 58
  )
    return null;
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 2);
  const day = digits(v, 8, 2);
  const hour = digits(v, 11, 2);
  const minute = digits(v, 14, 2);
  const second = digits(v, 17, 2);
  // Two-digit years would meet Date.UTC's 1900 rule: the general path reads them.
  if (year < 100 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0) return null;
  if (second > 59 || !validDate(year, month, day)) return null;
  if (n === 20) return v.charCodeAt(19) === 90 /* Z */ ? `${v.slice(0, 19)}.000Z` : null;
  const millis = v.charCodeAt(19) === 46 /* . */ ? digits(v, 20, 3) : -1;
  if (millis < 0) return null;
  if (n === 24) return v.charCodeAt(23) === 90 ? v : null;
  const sign = v.charCodeAt(23);
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return null;
  if (n === 29 && v.charCodeAt(26) !== 58) return null;
  const offsetHours = digits(v, 24, 2);
  const offsetMinutes = digits(v, n === 29 ? 27 : 26, 2);
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return null;
  if (offsetHours === 0 && offsetMinutes === 0) return `${v.slice(0, 23)}Z`;
  // Local time minus the offset; an offset under a day moves the date by one day at most.
  const offset = (offsetHours * 60 + offsetMinutes) * (sign === 45 ? -1 : 1);
  let minutes = hour * 60 + minute - offset;
  let y = year;
  let m = month;
  let d = day;
  if (minutes < 0) {
    minutes += 1440;
    if (--d === 0) {
      if (--m === 0) {
        m = 12;
        y--;
      }
      d = daysIn(y, m);
    }
  } else if (minutes >= 1440) {
    minutes -= 1440;
    if (++d > daysIn(y, m)) {
      d = 1;
      if (++m === 13) {
        m = 1;
        y++;
      }
    }
  }
  const hh = TWO_DIGITS[Math.floor(minutes / 60)] ?? '';
  const mm = TWO_DIGITS[minutes % 60] ?? '';
  return `${String(y).padStart(4, '0')}-${TWO_DIGITS[m] ?? ''}-${TWO_DIGITS[d] ?? ''}T${hh}:${mm}${v.slice(16, 23)}Z`;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/**
 * A JQL date literal (`"yyyy/MM/dd HH:mm"`) for `instant`, in the API user's time zone: Jira
 * reads literals in that zone, at minute precision. Rounded down to the minute, so the clause
 * `>= literal` never misses the instant itself.
 */
export function jqlDateLiteral(instant: Date, timeZone: string): string {
  const parts = minuteFormat(timeZone).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `"${get('year')}/${get('month')}/${get('day')} ${get('hour')}:${get('minute')}"`;
}

/** One formatter per zone: building an `Intl.DateTimeFormat` costs far more than using it. */
const formats = new Map<string, Intl.DateTimeFormat>();

function minuteFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}
