/**
 * Vendor timestamps → ISO-8601 UTC. Jira writes offsets without a colon (`…510-0800`), which
 * `Date.parse` does not promise to read; GitHub writes `Z`.
 */
export function toIsoUtc(value: string): string | null {
  // Already UTC with milliseconds (what the fast path and GitHub-with-ms give): as it is.
  if (value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && ISO_MS_Z.test(value)) {
    return value;
  }
  const fast = fixedOffset(value);
  if (fast !== null) return fast;
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const ISO_MS_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Jira's own shape, `2026-03-04T05:06:07.123+0100` (a sync reads hundreds of thousands). */
const JIRA_SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})([+-])(\d{2}):?(\d{2})$/;

function fixedOffset(value: string): string | null {
  const m = JIRA_SHAPE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, sign, oh, om] = m as unknown as string[];
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  // Out-of-range fields go the slow way (and are rejected there, as `Date.parse` rejects them).
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return null;
  const offsetMs = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
  const utc = Date.UTC(Number(y), month - 1, day, hour, minute, second, Number(ms)) - offsetMs;
  const date = new Date(utc);
  // 31 February and the like roll over in Date.UTC: leave those to the slow path too.
  if (new Date(utc + offsetMs).getUTCDate() !== day) return null;
  return date.toISOString();
}

/**
 * A JQL date literal (`"yyyy/MM/dd HH:mm"`) for `instant`, in the API user's time zone: Jira
 * reads literals in that zone, at minute precision. Rounded down to the minute, so the clause
 * `>= literal` never misses the instant itself.
 */
export function jqlDateLiteral(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `"${get('year')}/${get('month')}/${get('day')} ${get('hour')}:${get('minute')}"`;
}
