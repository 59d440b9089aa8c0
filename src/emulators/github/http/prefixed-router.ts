/**
 * Serves the API under a path prefix, as GitHub Enterprise Server does (`https://host/api/v3`),
 * so `GITHUB_API_URL=http://127.0.0.1:PORT/api/v3` works. Requests outside the prefix are
 * unknown paths. Route names (what request counts are reported by) stay prefix-free.
 */
import { Router, type RouteMatch } from '../../core/index.js';

export class PrefixedRouter extends Router {
  constructor(private readonly prefix: string) {
    super();
  }

  override match(method: string, path: string): RouteMatch | 'method' | null {
    if (this.prefix === '') return super.match(method, path);
    if (!path.startsWith(`${this.prefix}/`)) return null;
    return super.match(method, path.slice(this.prefix.length));
  }
}
