/**
 * Jira keys a pull request mentions: in its title, head branch and body, case-insensitively
 * (`abc-123` → `ABC-123`), and only for Jira projects that exist — `UTF-8` and `RFC-7231` look
 * like keys and are not. The first place a key appears wins (title, then branch, then body).
 */
import type { JiraKeyMention, JiraKeySource } from '../../domain/items.js';

// A key not glued to a letter or digit on the left (`feature/abc-12-x`, `fix_abc-12` match).
const KEY = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9_]{0,9})-([1-9][0-9]{0,8})(?![0-9])/g;

export function findJiraKeys(
  texts: { source: JiraKeySource; text: string | null }[],
  projectKeys: ReadonlySet<string>,
): JiraKeyMention[] {
  const seen = new Map<string, JiraKeySource>();
  for (const { source, text } of texts) {
    if (text === null || text === '') continue;
    for (const match of text.matchAll(KEY)) {
      const project = (match[1] ?? '').toUpperCase();
      if (!projectKeys.has(project)) continue;
      const key = `${project}-${match[2] ?? ''}`;
      if (!seen.has(key)) seen.set(key, source);
    }
  }
  return [...seen].map(([key, source]) => ({ key, source }));
}
