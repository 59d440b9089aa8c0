import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/dates.js';
import { forecastCompletion, simulateWeeks } from '../../src/rollup/forecast.js';
import { healthFromProbability } from '../../src/rollup/health.js';
import { mulberry32 } from '../../src/rollup/prng.js';
import { toMs } from '../../src/rollup/item-tables.js';
import { histogramQuantile } from '../../src/rollup/quantiles.js';

const TODAY = '2026-11-25';

function base(overrides: Partial<Parameters<typeof forecastCompletion>[0]> = {}) {
  return {
    total: 100,
    remaining: 40,
    history: [3, 7, 0, 5, 9, 2, 4, 6, 1, 8, 5, 3],
    today: TODAY,
    targetDate: '2027-02-01',
    trials: 10_000,
    seed: 1234,
    lastDoneDay: null,
    ...overrides,
  };
}

describe('forecastCompletion', () => {
  it.each([
    { k: 5, n: 40 },
    { k: 5, n: 41 },
    { k: 3, n: 1 },
    { k: 7, n: 100 },
  ])('constant throughput $k/week and $n remaining finish in ⌈n/k⌉ weeks', ({ k, n }) => {
    const weeks = Math.ceil(n / k);
    const { forecast } = forecastCompletion(
      base({ remaining: n, history: Array.from({ length: 12 }, () => k), targetDate: null }),
    );
    const expected = addDays(TODAY, 7 * weeks);
    expect(forecast.p50).toBe(expected);
    expect(forecast.p85).toBe(expected);
    expect(forecast.p95).toBe(expected);
  });

  it('gives P(on time) 1 with a target on the finishing day and 0 a day earlier', () => {
    const history = Array.from({ length: 12 }, () => 4);
    const finish = addDays(TODAY, 7 * 5); // 20 remaining at 4/week
    expect(
      forecastCompletion(base({ remaining: 20, history, targetDate: finish })).forecast.probOnTime,
    ).toBe(1);
    expect(
      forecastCompletion(base({ remaining: 20, history, targetDate: addDays(finish, -1) })).forecast
        .probOnTime,
    ).toBe(0);
  });

  it('is identical for the same seed and differs for another', () => {
    const a = forecastCompletion(base()).forecast;
    const b = forecastCompletion(base()).forecast;
    expect(b).toEqual(a);
    const histogramA = simulateWeeks({
      remaining: 40,
      history: base().history,
      trials: 10_000,
      seed: 1,
    });
    const histogramB = simulateWeeks({
      remaining: 40,
      history: base().history,
      trials: 10_000,
      seed: 1,
    });
    const histogramC = simulateWeeks({
      remaining: 40,
      history: base().history,
      trials: 10_000,
      seed: 2,
    });
    expect(Array.from(histogramB)).toEqual(Array.from(histogramA));
    expect(Array.from(histogramC)).not.toEqual(Array.from(histogramA));
  });

  it('orders its quantiles and lands near the mean-rate estimate', () => {
    const { forecast } = forecastCompletion(base());
    expect(forecast.p50 !== null && forecast.p85 !== null && forecast.p95 !== null).toBe(true);
    expect(forecast.p50! <= forecast.p85!).toBe(true);
    expect(forecast.p85! <= forecast.p95!).toBe(true);
    // Mean throughput 53/12 ≈ 4.4 per week → about 9 weeks for 40 items.
    const p50Weeks = (Date.parse(forecast.p50!) - Date.parse(TODAY)) / (7 * 86_400_000);
    expect(p50Weeks).toBeGreaterThanOrEqual(8);
    expect(p50Weeks).toBeLessThanOrEqual(11);
    expect(forecast.trials).toBe(10_000);
    expect(forecast.remaining).toBe(40);
  });

  it('has no forecast without throughput history, or for an empty project', () => {
    const none = forecastCompletion(base({ history: Array.from({ length: 12 }, () => 0) }));
    expect(none.forecast.p50).toBeNull();
    expect(none.forecast.probOnTime).toBeNull();
    expect(none.doneBy).toBeNull();
    expect(healthFromProbability(none.forecast.probOnTime)).toBe('no-data');
    const empty = forecastCompletion(base({ total: 0, remaining: 0 }));
    expect(empty.forecast.p50).toBeNull();
  });

  it('reports a finished project on its last done day, on time only if that was by the target', () => {
    const finished = forecastCompletion(
      base({ remaining: 0, lastDoneDay: '2026-10-01', targetDate: '2026-10-15' }),
    ).forecast;
    expect(finished.p50).toBe('2026-10-01');
    expect(finished.probOnTime).toBe(1);
    const late = forecastCompletion(
      base({ remaining: 0, lastDoneDay: '2026-10-20', targetDate: '2026-10-15' }),
    ).forecast;
    expect(late.probOnTime).toBe(0);
  });

  it('gives a target in the past a zero chance while work remains', () => {
    const { forecast } = forecastCompletion(base({ targetDate: '2026-11-01' }));
    expect(forecast.probOnTime).toBe(0);
    expect(healthFromProbability(forecast.probOnTime)).toBe('red');
  });
});

describe('health thresholds', () => {
  it.each([
    [0.85, 'green'],
    [0.849, 'amber'],
    [0.5, 'amber'],
    [0.499, 'red'],
    [null, 'no-data'],
  ] as const)('%s → %s', (p, health) => {
    expect(healthFromProbability(p)).toBe(health);
  });
});

describe('building blocks', () => {
  it('mulberry32 repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('reads quantiles off a histogram', () => {
    const h = new Uint32Array([0, 10, 30, 40, 20]);
    expect(histogramQuantile(h, 100, 0.1)).toBe(1);
    expect(histogramQuantile(h, 100, 0.5)).toBe(3);
    expect(histogramQuantile(h, 100, 0.95)).toBe(4);
    expect(histogramQuantile(h, 200, 0.95)).toBe(-1);
  });
});

describe('toMs', () => {
  it.each([
    '2026-11-24T19:46:55.123Z',
    '2026-11-24T19:46:55Z',
    '2024-02-29',
    '1999-12-31T23:59:59.999Z',
    '2026-03-01T00:00:00.000Z',
    '2026-11-24T19:46:55.000-0800',
  ])('reads %s like Date.parse', (text) => {
    const expected = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
    expect(toMs(text)).toBe(expected);
  });

  it('is NaN for null', () => {
    expect(toMs(null)).toBeNaN();
  });
});
