/**
 * mulberry32: a tiny, fast 32-bit PRNG (Tommy Ettinger's public-domain generator). Good enough
 * statistical quality for Monte Carlo sampling and, above all, reproducible: the same seed gives
 * the same sequence on every machine. Not for anything secret.
 */
export type Random = () => number;

/** A generator of floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string mixed with a number: per-node seeds that do not depend on run order. */
export function seedFor(base: number, name: string): number {
  let hash = (0x811c9dc5 ^ base) >>> 0;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
