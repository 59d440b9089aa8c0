/**
 * Renders Markdown the way a CommonMark + GFM renderer does (markdown-it with tables, raw HTML
 * allowed and linkify on, i.e. the most permissive reading), so tests can check what a reader would
 * actually get: no tags, no non-http(s) links, no @mention a mention filter would pick up.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true, linkify: true });

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** All link targets (`href`, `src`) in rendered HTML. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) =>
    (m[1] ?? '').replace(/&amp;/g, '&'),
  );
}

/**
 * Text a GitHub-style mention filter would turn into a ping: `@` directly followed by a login
 * character, not preceded by a word character (so e-mail addresses are not counted).
 * https://docs.github.com/en/get-started/writing-on-github/getting-started-with-writing-and-formatting-on-github/basic-writing-and-formatting-syntax#mentioning-people-and-teams
 */
export function mentionsIn(html: string): string[] {
  const text = html.replace(/<[^>]*>/g, ' ');
  return [...text.matchAll(/(?<![\w`])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9_.-]+)?/g)].map(
    (m) => m[0],
  );
}

/** `#123` / `owner/repo#123` references GitHub would cross-link. */
export function issueReferencesIn(html: string): string[] {
  const text = html.replace(/<[^>]*>/g, ' ');
  return [...text.matchAll(/(?:[\w.-]+\/[\w.-]+)?#\d+/g)].map((m) => m[0]);
}
