/**
 * Path routing for the emulators. Each route has a stable name (`GET /rest/api/3/issue/{key}`),
 * which is what request counts are reported by.
 */
import type { Handler } from './http.js';

interface Route {
  method: string;
  name: string;
  segments: string[];
  handler: Handler;
}

export interface RouteMatch {
  name: string;
  handler: Handler;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: Route[] = [];

  /** `pattern` uses `{name}` for a path parameter, e.g. `/repos/{owner}/{repo}/issues`. */
  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({
      method,
      name: `${method} ${pattern}`,
      segments: pattern.split('/'),
      handler,
    });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  put(pattern: string, handler: Handler): this {
    return this.add('PUT', pattern, handler);
  }

  patch(pattern: string, handler: Handler): this {
    return this.add('PATCH', pattern, handler);
  }

  delete(pattern: string, handler: Handler): this {
    return this.add('DELETE', pattern, handler);
  }

  /** `null` when no route has the path; `'method'` when the path exists with another method. */
  match(method: string, path: string): RouteMatch | 'method' | null {
    const parts = path.split('/');
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { name: route.name, handler: route.handler, params };
    }
    return pathMatched ? 'method' : null;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const actual = parts[i] as string;
    if (p.startsWith('{') && p.endsWith('}')) {
      if (actual === '') return null;
      try {
        params[p.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (p !== actual) {
      return null;
    }
  }
  return params;
}
