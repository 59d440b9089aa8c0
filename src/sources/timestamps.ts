/**
 * Vendor timestamps → ISO-8601 UTC. Jira writes offsets without a colon (`…510-0800`), which
 * `Date.parse` does not promise to read; GitHub writes `Z`.
 */
export function toIsoUtc(value: string): string | null {
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
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
