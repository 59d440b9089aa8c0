/**
 * The one place HTML (and the SVG inside it) is escaped. Everything from Jira and GitHub — titles,
 * names, owners, URLs — is untrusted: a summary like `<img src=x onerror=alert(1)>` must come out
 * as text. The `html` tag escapes every interpolated value unless it is already `SafeHtml` (built
 * by this tag), so forgetting to escape is not possible by accident; `rawHtml` is only for markup
 * the renderer wrote itself.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text and numbers are escaped, arrays joined, null/false dropped. */
export type HtmlValue =
  SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function toHtml(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(toHtml).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += toHtml(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Markup the renderer produced itself (never text from a source). */
export function rawHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A URL that may go into `href`: only absolute http(s) URLs pass; anything else (`javascript:`,
 * `data:`, relative paths smuggled in a field) becomes null and the renderer shows plain text.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined || url === '') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** `<a href>` for a checked URL, or the label as plain text. */
export function linkHtml(
  label: HtmlValue,
  url: string | null | undefined,
  title?: string,
): SafeHtml {
  const href = safeHttpUrl(url);
  if (href === null) return html`${label}`;
  return title === undefined
    ? html`<a href="${href}">${label}</a>`
    : html`<a href="${href}" title="${title}">${label}</a>`;
}
