/**
 * Makes untrusted text (issue and PR titles, names, anything read from Jira or GitHub) inert inside
 * a GitHub Markdown comment:
 *
 * - **No markup.** `&`, `<`, `>` become HTML entities (no tags, no comments that could hide or
 *   fake our marker), and the punctuation that means something inline is backslash-escaped:
 *   emphasis and code (`* _ \` ~`), links and images (`[ ]`), table cells (`|`), GitHub math (`$`)
 *   and the escape character itself. Characters that only matter at the start of a line (`- + # =`,
 *   `1.`) are escaped there. So `**bold**`, `[x](javascript:…)`, `# heading`, `| cell` stay literal
 *   (CommonMark: any ASCII punctuation may be backslash-escaped,
 *   https://spec.commonmark.org/0.31.2/#backslash-escapes).
 * - **No pings.** GitHub finds @mentions (and `@org/team`) in the *rendered* text, so escaping the
 *   `@` (`\@`, `&#64;`) does not help: it renders back to `@name` and pings. A zero-width space
 *   right after the `@` does: the mention pattern needs a name character immediately after it, and
 *   the reader sees the same text. The same trick stops `#123` and `owner/repo#123` from becoming
 *   cross-references that post a "mentioned this" event in another issue, and stops GFM from
 *   autolinking `name@host` as a `mailto:` link. Renovate does exactly this for release notes it
 *   copies into PRs (renovatebot/renovate `lib/util/markdown.ts`, `sanitizeMarkdown`).
 *   Backticks were the other option, but a title can itself contain backticks, and code spans
 *   would also swallow our own escaping.
 * - **One line.** Line breaks and control characters go: a title cannot start a new block.
 * - **Links only to http(s).** `markdownLink` drops any other URL and keeps the text.
 */
import { safeHttpUrl } from '../adf/url.js';

/** `&#8203;` is U+200B ZERO WIDTH SPACE, written as an entity so it is visible in the source. */
export const ZWSP = '&#8203;';

const INLINE_PUNCTUATION = /[\\`*_[\]|~$]/g;
/** Block syntax that only counts at the start of a line: lists, headings, setext, numbered lists. */
const LINE_START = /^(?:[-+#=]|\d+(?=[.)]))/;

function oneLine(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\s*[\r\n\t\u2028\u2029]+\s*/g, ' ')
      .trim()
  );
}

/** Untrusted text → Markdown that renders as exactly that text, inert. */
export function escapeMarkdown(value: string): string {
  return (
    oneLine(value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(INLINE_PUNCTUATION, (c) => `\\${c}`)
      .replace(LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`))
      // Last, and `#` before `@`: the inserted entity `&#8203;` itself holds a `#` + digit.
      .replace(/#(?=\d)/g, `#${ZWSP}`)
      .replace(/@/g, `@${ZWSP}`)
  );
}

/**
 * A link destination safe inside `(…)`: the normalised http(s) URL with the characters that could
 * end or break the destination percent-encoded. Null when the URL is not http(s).
 */
export function markdownUrl(url: string): string | null {
  const safe = safeHttpUrl(url);
  if (safe === null) return null;
  return safe.replace(/[()<>\s\\`*_[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `[text](url)` with escaped text, or just the escaped text when the URL is not http(s). */
export function markdownLink(label: string, url: string | null): string {
  const text = escapeMarkdown(label);
  const href = url === null ? null : markdownUrl(url);
  return href === null ? text : `[${text}](${href})`;
}
