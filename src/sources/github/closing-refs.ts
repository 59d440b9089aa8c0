/**
 * The issues a pull request says it closes, as GitHub reads them from its description: a closing
 * keyword (close, closes, closed, fix, fixes, fixed, resolve, resolves, resolved), an optional
 * colon, then `#N`, `owner/repo#N` or the issue's URL. An open PR that closes an open issue is
 * the BRIEF's "open linked PR": the issue counts as in progress.
 * https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/linking-a-pull-request-to-an-issue
 */
const CLOSING =
  /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+(?:https?:\/\/[^\s/]+\/([\w.-]+\/[\w.-]+)\/issues\/(\d+)|([\w.-]+\/[\w.-]+)?#(\d+))\b/gi;

/** `owner/repo#N` references (lower-case repository, as stored), each once, in order. */
export function closingReferences(body: string | null, repo: string): string[] {
  if (body === null || body === '') return [];
  const refs = new Set<string>();
  for (const m of body.matchAll(CLOSING)) {
    const target = (m[1] ?? m[3] ?? repo).toLowerCase();
    const number = m[2] ?? m[4];
    if (number !== undefined) refs.add(`${target}#${String(Number(number))}`);
  }
  return [...refs];
}
