/**
 * Where the emulator says it lives. Every `url` field, every `Link` header and every `html_url`
 * is built from these bases, so a client configured with a GitHub Enterprise Server style URL
 * (`http://host:port/api/v3`) gets links under that prefix and can follow them verbatim.
 */
export class Urls {
  /**
   * @param api The public API root without a trailing slash (`https://api.github.com`,
   *   `https://ghe.example.com/api/v3`, `http://127.0.0.1:4010/api/v3`).
   * @param html The web root (`https://github.com`, `https://ghe.example.com`).
   */
  constructor(
    public api: string,
    public html: string,
  ) {}

  /** Set once the server knows its port, before the first request is answered. */
  rebase(api: string, html: string): void {
    this.api = api.replace(/\/+$/, '');
    this.html = html.replace(/\/+$/, '');
  }

  repo(fullName: string): string {
    return `${this.api}/repos/${fullName}`;
  }

  repoById(id: number): string {
    return `${this.api}/repositories/${id}`;
  }

  user(login: string): string {
    return `${this.api}/users/${login}`;
  }

  htmlRepo(fullName: string): string {
    return `${this.html}/${fullName}`;
  }
}

/** GitHub's timestamps: ISO-8601 in UTC with whole seconds (`2026-11-24T19:46:55Z`). */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

/** Opaque global node ids in GitHub's `PREFIX_base64` shape. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
}
