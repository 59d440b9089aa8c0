import { describe, expect, it } from 'vitest';
import { parseDateValue } from '../../../src/emulators/jira/jql/dates.js';
import { ZonedTime } from '../../../src/emulators/jira/time.js';

describe('Jira time: timestamps with offsets, JQL literals in the user zone', () => {
  const la = new ZonedTime('America/Los_Angeles');

  it('renders timestamps like Jira, with the offset in force at that instant', () => {
    expect(la.timestamp(Date.parse('2026-11-20T22:03:11.123Z'))).toBe(
      '2026-11-20T14:03:11.123-0800',
    );
    expect(la.timestamp(Date.parse('2026-07-01T12:00:00.000Z'))).toBe(
      '2026-07-01T05:00:00.000-0700',
    );
    expect(new ZonedTime('Asia/Kolkata').timestamp(Date.parse('2026-11-20T00:00:00Z'))).toBe(
      '2026-11-20T05:30:00.000+0530',
    );
  });

  it('reads wall-clock literals in the zone, across daylight-saving changes', () => {
    const ctx = { time: la, now: Date.parse('2026-11-24T12:00:00Z') };
    expect(parseDateValue('2026/11/20 14:03', ctx)).toBe(Date.parse('2026-11-20T22:03:00Z'));
    expect(parseDateValue('2026-07-01', ctx)).toBe(Date.parse('2026-07-01T07:00:00Z'));
    // 2026-11-01 01:30 happens twice in LA: the earlier instant (still PDT) is taken.
    expect(parseDateValue('2026-11-01 01:30', ctx)).toBe(Date.parse('2026-11-01T08:30:00Z'));
    // 2026-03-08 02:30 does not exist in LA: read with the offset before the gap.
    expect(parseDateValue('2026-03-08 02:30', ctx)).toBe(Date.parse('2026-03-08T10:30:00Z'));
    expect(parseDateValue('-1d', ctx)).toBe(Date.parse('2026-11-23T12:00:00Z'));
    expect(parseDateValue('"-4w 2d"'.slice(1, -1), ctx)).toBe(Date.parse('2026-10-25T12:00:00Z'));
    expect(parseDateValue('2026/02/30', ctx)).toBeNull();
    expect(parseDateValue('yesterday', ctx)).toBeNull();
  });
});
