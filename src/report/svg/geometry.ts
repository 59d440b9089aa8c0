/** Small helpers shared by the charts: scales and compact path data. */
import { daysBetween, parseDay } from '../../lib/dates.js';

/** One decimal is below a pixel at any size these charts are shown; keeps the file small. */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

export interface Point {
  x: number;
  y: number;
}

/** `M x y L x y …` through the points (nothing for no points). */
export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join('');
}

/** A closed polygon. */
export function polygonPath(points: readonly Point[]): string {
  return points.length === 0 ? '' : `${linePath(points)}Z`;
}

/** A rectangle as path data (the charts draw everything with paths, so a test can inspect `d`). */
export function rectPath(x: number, y: number, width: number, height: number): string {
  return `M${num(x)} ${num(y)}h${num(width)}v${num(height)}h${num(-width)}Z`;
}

export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Maps calendar days to x. */
export function dayScale(
  domain: readonly [string, string],
  range: readonly [number, number],
): (day: string) => number {
  const total = Math.max(1, daysBetween(domain[0], domain[1]));
  const scale = linearScale([0, total], range);
  const origin = parseDay(domain[0]).getTime();
  // Called for every point of every chart: parse each day once.
  const cache = new Map<string, number>();
  return (day) => {
    let x = cache.get(day);
    if (x === undefined) {
      x = scale((parseDay(day).getTime() - origin) / 86_400_000);
      cache.set(day, x);
    }
    return x;
  };
}

/** A round axis maximum at or above `max` (1, 2, 5 × 10ⁿ steps). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * exp >= max) return step * exp;
  return 10 * exp;
}
