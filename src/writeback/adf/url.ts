/**
 * The one link rule northstar holds ADF and Markdown to: absolute `http:` / `https:` URLs only.
 * Anything else (`javascript:`, `data:`, `mailto:`, relative paths, garbage) is not a link.
 */

/** The URL, normalised by the WHATWG parser, when it is an absolute http(s) URL; otherwise null. */
export function safeHttpUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Credentials in a link are either a mistake or a phishing trick (`https://bank.com@evil.test`).
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

export function isHttpUrl(value: string): boolean {
  return safeHttpUrl(value) !== null;
}
