/**
 * Monte Carlo completion forecast over weekly throughput history (BRIEF "forecast").
 *
 * Each trial burns the remaining items down by drawing, week after week, one of the last
 * `historyWeeks` complete weeks' done counts at random (with replacement) until nothing is left;
 * the number of weeks it took goes into a histogram. P50 / P85 / P95 are read off the histogram
 * (no sort), dates are `today + 7 × weeks`, and P(on time) is the share of trials finishing within
 * the whole weeks left until the target. The generator is seeded per node, so the same inputs
 * always give the same dates, whatever else was computed in the run.
 *
 * Known answer: a constant throughput of k per week and n remaining take ⌈n/k⌉ weeks in every
 * trial, so P50 = P85 = P95 = today + 7⌈n/k⌉ days.
 */
import type { Forecast } from '../domain/rollup.js';
import { addDays, daysBetween } from '../lib/dates.js';
import { histogramQuantile, histogramShareAtMost } from './quantiles.js';

/** Trials still running after ten years stop; quantiles beyond that are "no date" (null). */
export const MAX_FORECAST_WEEKS = 520;

export interface ForecastInput {
  /** In-scope items (0: an empty project has nothing to forecast). */
  total: number;
  remaining: number;
  /** Done counts of the complete weeks sampled, oldest first. */
  history: ArrayLike<number>;
  today: string;
  targetDate: string | null;
  trials: number;
  seed: number;
  /** When everything is done: the day the last item was done (null: unknown, use today). */
  lastDoneDay: string | null;
}

/** The forecast plus the distribution it came from (programs combine their children's). */
export interface ForecastOutcome {
  forecast: Forecast;
  /** Probability of being done by a day; null when there is no forecast. */
  doneBy: ((day: string) => number) | null;
}

function noForecast(input: ForecastInput): ForecastOutcome {
  return {
    forecast: {
      p50: null,
      p85: null,
      p95: null,
      probOnTime: null,
      remaining: input.remaining,
      trials: 0,
      historyWeeks: input.history.length,
    },
    doneBy: null,
  };
}

/** Runs the trials; `histogram[w]` counts trials that finished in exactly `w` weeks. */
export function simulateWeeks(options: {
  remaining: number;
  history: ArrayLike<number>;
  trials: number;
  seed: number;
}): Uint32Array {
  const { remaining, trials } = options;
  const history = Float64Array.from(options.history);
  const size = history.length;
  const histogram = new Uint32Array(MAX_FORECAST_WEEKS + 1);
  // mulberry32 inlined: this loop runs ~10⁸ times for a 500-project org.
  let state = options.seed >>> 0;
  for (let trial = 0; trial < trials; trial++) {
    let left = remaining;
    let weeks = 0;
    while (left > 0 && weeks < MAX_FORECAST_WEEKS) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const draw = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      left -= history[(draw * size) | 0] ?? 0;
      weeks++;
    }
    if (left <= 0) histogram[weeks] = (histogram[weeks] ?? 0) + 1;
  }
  return histogram;
}

export function forecastCompletion(input: ForecastInput): ForecastOutcome {
  const { today, targetDate } = input;
  if (input.total === 0) return noForecast(input);
  if (input.remaining <= 0) {
    const finished = input.lastDoneDay ?? today;
    return {
      forecast: {
        p50: finished,
        p85: finished,
        p95: finished,
        probOnTime: targetDate === null ? null : finished <= targetDate ? 1 : 0,
        remaining: 0,
        trials: 0,
        historyWeeks: input.history.length,
      },
      doneBy: (day) => (finished <= day ? 1 : 0),
    };
  }
  let throughput = 0;
  for (let i = 0; i < input.history.length; i++) throughput += input.history[i] ?? 0;
  if (throughput <= 0 || input.trials <= 0) return noForecast(input);

  const histogram = simulateWeeks(input);
  const trials = input.trials;
  const dateAt = (q: number): string | null => {
    const weeks = histogramQuantile(histogram, trials, q);
    return weeks < 0 ? null : addDays(today, 7 * weeks);
  };
  const doneBy = (day: string): number =>
    histogramShareAtMost(histogram, trials, Math.floor(daysBetween(today, day) / 7));
  return {
    forecast: {
      p50: dateAt(0.5),
      p85: dateAt(0.85),
      p95: dateAt(0.95),
      probOnTime: targetDate === null ? null : doneBy(targetDate),
      remaining: input.remaining,
      trials,
      historyWeeks: input.history.length,
    },
    doneBy,
  };
}
