/**
 * Computed health (BRIEF "health"): from the forecast's chance of making the target — green ≥ 85 %,
 * amber 50–85 %, red < 50 % — and "no-data" when there is no chance to compute (no throughput
 * history, or no target date to measure against).
 */
import type { DeclaredStatus } from '../domain/hierarchy.js';
import type { Health } from '../domain/rollup.js';

export const GREEN_AT = 0.85;
export const AMBER_AT = 0.5;

export function healthFromProbability(probOnTime: number | null): Health {
  if (probOnTime === null) return 'no-data';
  if (probOnTime >= GREEN_AT) return 'green';
  if (probOnTime >= AMBER_AT) return 'amber';
  return 'red';
}

const RANK: Record<Health, number> = { 'no-data': 0, green: 1, amber: 2, red: 3 };

/** The worst of the children's health; children without data count only when all lack it. */
export function worstHealth(children: readonly Health[]): Health {
  let worst: Health = 'no-data';
  for (const health of children) worst = worseHealth(worst, health);
  return worst;
}

/** The worse of two healths (the first on a tie). */
export function worseHealth(a: Health, b: Health): Health {
  return RANK[b] > RANK[a] ? b : a;
}

/** A declared status disagrees when both exist and differ. */
export function healthDisagrees(health: Health, declared: DeclaredStatus | null): boolean {
  return declared !== null && health !== 'no-data' && declared !== health;
}
