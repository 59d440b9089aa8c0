/**
 * Vendor timestamps: the fixed-shape fast path must give exactly what the general path
 * (offset with a colon, `Date.parse`, `toISOString`) gives, and refuse what it refuses.
 */
import { describe, expect, it } from 'vitest';
import { jqlDateLiteral, toIsoUtc } from '../../src/sources/timestamps.js';

function reference(value: string): string | null {
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

describe('toIsoUtc', () => {
  it('reads Jira, GitHub and ISO shapes as Date.parse does', () => {
    const samples = [
      '2026-03-04T05:06:07.123+0100',
      '2026-03-04T05:06:07.123-0800',
      '2026-03-04T05:06:07.123+05:30',
      '2026-03-04T00:30:00.000+0100',
      '2026-01-01T00:00:00.000+0000',
      '2026-03-04T05:06:07Z',
      '2026-03-04T05:06:07.999Z',
      '2024-02-29T23:59:59.999-1200',
      '2026-12-31T23:30:00.000-0130',
      '2026-12-31T20:00:00.000-0800',
      '2027-01-01T01:00:00.000+0200',
      '2024-02-28T20:00:00.000-0800',
      '2024-03-01T01:00:00.000+0500',
      '2023-03-01T01:00:00.000+0500',
      '2100-03-01T01:00:00.000+0500',
    ];
    for (const value of samples) expect(toIsoUtc(value), value).toBe(reference(value));
  });

  it('agrees with Date.parse on random fields, in range and out of it', () => {
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const date = `${pad(1990 + next(50), 4)}-${pad(next(14))}-${pad(next(33))}`;
      const time = `${pad(next(26))}:${pad(next(62))}:${pad(next(62))}`;
      const offset = `${next(2) === 0 ? '+' : '-'}${pad(next(15))}${next(2) === 0 ? ':' : ''}${pad(next(61))}`;
      const shapes = [
        `${date}T${time}.${pad(next(1000), 3)}${offset}`,
        `${date}T${time}Z`,
        `${date}T${time}.${pad(next(1000), 3)}Z`,
      ];
      for (const value of shapes) expect(toIsoUtc(value), value).toBe(reference(value));
    }
  });

  it('refuses what is not a timestamp', () => {
    for (const value of ['', 'yesterday', '2026-13-01T00:00:00Z', '2026-01-01T25:00:00Z'])
      expect(toIsoUtc(value), value).toBeNull();
  });
});

describe('jqlDateLiteral', () => {
  it('writes the minute in the given zone, rounded down', () => {
    const instant = new Date('2026-03-04T05:06:59.999Z');
    expect(jqlDateLiteral(instant, 'UTC')).toBe('"2026/03/04 05:06"');
    expect(jqlDateLiteral(instant, 'America/Los_Angeles')).toBe('"2026/03/03 21:06"');
    expect(jqlDateLiteral(instant, 'Asia/Kolkata')).toBe('"2026/03/04 10:36"');
  });
});
