export type PathSegment = string | number;

/** `['bets', 0, 'programs', 1, 'id']` → `bets[0].programs[1].id` (how errors name YAML paths). */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
