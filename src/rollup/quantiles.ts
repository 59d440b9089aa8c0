/** Quantiles of small samples (cycle times, hours to merge) and of integer histograms. */

/**
 * The q-quantile (0..1) by linear interpolation between closest ranks (the "R-7" definition used
 * by spreadsheets and numpy's default). Sorts `values` in place; null for an empty sample.
 */
export function quantileInPlace(values: Float64Array, q: number): number | null {
  values.sort();
  return quantileSorted(values, q);
}

/** `quantileInPlace` of an already sorted sample (several quantiles, one sort). */
export function quantileSorted(values: Float64Array, q: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const pos = (n - 1) * q;
  const lower = Math.floor(pos);
  const upper = Math.min(n - 1, lower + 1);
  const a = values[lower] ?? 0;
  const b = values[upper] ?? 0;
  return a + (b - a) * (pos - lower);
}

/** Several quantiles of one sample with a single sort (copies the input). */
export function quantiles(values: readonly number[], qs: readonly number[]): (number | null)[] {
  const sorted = Float64Array.from(values);
  return qs.map((q) => quantileInPlace(sorted, q));
}

/**
 * The smallest bucket `w` whose cumulative count reaches `q` of `total`: the q-quantile of an
 * integer-valued sample held as a histogram (no sort). -1 when the quantile lies beyond the last
 * bucket (trials that never finished inside the horizon).
 */
export function histogramQuantile(histogram: Uint32Array, total: number, q: number): number {
  const needed = Math.ceil(q * total);
  let cumulative = 0;
  for (let w = 0; w < histogram.length; w++) {
    cumulative += histogram[w] ?? 0;
    if (cumulative >= needed && cumulative > 0) return w;
  }
  return -1;
}

/** Share of the trials whose bucket is at most `w`. */
export function histogramShareAtMost(histogram: Uint32Array, total: number, w: number): number {
  if (total === 0 || w < 0) return 0;
  let cumulative = 0;
  const last = Math.min(w, histogram.length - 1);
  for (let i = 0; i <= last; i++) cumulative += histogram[i] ?? 0;
  return cumulative / total;
}
