import { hash } from 'node:crypto';

/** JSON with object keys sorted, so equal values always serialise (and hash) the same way. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** Short content hash used to skip unchanged rows and unchanged comments. */
export function contentHash(value: unknown): string {
  const text = typeof value === 'string' ? value : stableStringify(value);
  // One-shot `hash` (Node ≥ 20.12): the same digest as `createHash`, without a Hash object per call.
  return hash('sha256', text, 'base64url').slice(0, 22);
}
