/** Reads the `d` attributes of an SVG string's paths by class. */
export function pathData(svg: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of svg.matchAll(/<path\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const d = /\sd="([^"]*)"/.exec(attrs)?.[1];
    if (d === undefined) continue;
    const cls = /\sclass="([^"]*)"/.exec(attrs)?.[1] ?? '';
    out.set(cls, [...(out.get(cls) ?? []), d]);
  }
  return out;
}

/** The numbers in path data (coordinates and lengths). */
export function coordinates(d: string): number[] {
  return [...d.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}
