/**
 * Escaping for the Markdown report. Text from Jira and GitHub must stay text when the report is
 * pasted into a GitHub issue or Confluence: no formatting, no HTML, no table breaks, and no
 * `@mentions` that would ping people or teams (a zero-width space after `@` keeps it readable;
 * an `@` inside an e-mail address is not a mention and stays as it is).
 */
import { safeHttpUrl } from './escape.js';
import type { LinkedCount } from './model-types.js';

/**
 * CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that act inside a
 * line. `#` only acts at a line start (never ours) and `&` only before an entity name, so those
 * stay readable ("Invoice API & PDFs", "acme/web#12") where a stray backslash would show.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~]|&(?=#?[A-Za-z0-9]+;)/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/(?<![A-Za-z0-9._%+-])@(?=[A-Za-z0-9_-])/g, '@\u200b');
}

/** `[label](url)` for an http(s) URL (parentheses encoded so the link cannot end early). */
export function markdownLink(label: string, url: string | null | undefined): string {
  const href = safeHttpUrl(url);
  if (href === null) return label;
  const safe = href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return `[${label}](${safe})`;
}

/** A count linked to its search (Jira first; GitHub as a second link when both exist). */
export function markdownCount(count: LinkedCount, label?: string): string {
  const text = label === undefined ? String(count.value) : `${count.value} ${label}`;
  if (count.value === 0) return text;
  if (count.jiraUrl !== null && count.githubUrl !== null) {
    return `${markdownLink(text, count.jiraUrl)} (${markdownLink('GH', count.githubUrl)})`;
  }
  return markdownLink(text, count.jiraUrl ?? count.githubUrl);
}

export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
