/**
 * Starts the GitHub REST emulator in-process on the shared emulator core: seeded data (or data
 * the caller composed), token auth, GitHub's primary and secondary limits with `x-ratelimit-*`
 * on every response, `Link` pagination through `/repositories/{id}/…`, weak ETags and 304s,
 * an optional GitHub Enterprise Server path prefix (`/api/v3`), and the control API.
 */
import {
  EmulatorClock,
  RateLimitTracker,
  startEmulatorServer,
  type EmulatorServer,
} from '../core/index.js';
import { generateGitHubData, type GenerateGitHubOptions } from '../seed/github.js';
import { createAuthenticator, DEFAULT_GITHUB_TOKEN } from './auth.js';
import { BOT_LOGIN } from './accounts.js';
import { GitHubControl } from './control/control.js';
import { controlRoutes } from './control/routes.js';
import { MalformedItems } from './faults/malformed.js';
import { notFound } from './http/errors.js';
import { ListEtags } from './http/etag.js';
import { PrefixedRouter } from './http/prefixed-router.js';
import { GitHubLimits, type GitHubLimitOptions } from './limits/limits.js';
import { RenderContext } from './render/context.js';
import { Urls } from './render/urls.js';
import { accountRoutes } from './routes/account.js';
import { commentRoutes } from './routes/comments.js';
import type { GitHubApi, RouteTable } from './routes/context.js';
import { issueRoutes } from './routes/issues.js';
import { metadataRoutes } from './routes/metadata.js';
import { pullRoutes } from './routes/pulls.js';
import { repoRoutes } from './routes/repos.js';
import { ListQueries } from './store/queries.js';
import { GitHubStore } from './store/store.js';
import type { GitHubData } from './store/types.js';

export interface GitHubEmulatorOptions extends Partial<Omit<GenerateGitHubOptions, 'seed'>> {
  /** Seed name for the generator (default `northstar`). Ignored when `data` is given. */
  seed?: string;
  /** Data the caller generated or composed; otherwise generated from the seed options. */
  data?: GitHubData;
  port?: number;
  host?: string;
  /** Serve under a path prefix, like GitHub Enterprise Server's `/api/v3`. */
  pathPrefix?: string;
  /** The API root announced in `url` fields and `Link` headers (default: where it listens). */
  publicUrl?: string;
  /** The web root for `html_url` (default `https://github.com`, or the origin under a prefix). */
  htmlUrl?: string;
  /** token → login (default: `DEFAULT_GITHUB_TOKEN` → `northstar-bot`). */
  tokens?: Record<string, string>;
  limits?: GitHubLimitOptions;
  /** Where the emulator clock starts (default: the data's `now`). */
  clockStart?: Date;
}

export interface GitHubEmulator {
  /** The API root to give clients (`GITHUB_API_URL`), including any path prefix. */
  url: string;
  /** Scheme, host and port; the control API lives at `${origin}/_emulator/…`. */
  origin: string;
  control: GitHubControl;
  server: EmulatorServer;
  close(): Promise<void>;
}

export async function startGitHubEmulator(
  options: GitHubEmulatorOptions = {},
): Promise<GitHubEmulator> {
  const data =
    options.data ??
    generateGitHubData({
      seed: options.seed ?? 'northstar',
      repos: options.repos ?? 3,
      issues: options.issues ?? 60,
      prs: options.prs ?? 30,
      jiraKeys: options.jiraKeys ?? (() => null),
      ...(options.owner ? { owner: options.owner } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  const clock = new EmulatorClock(options.clockStart ?? new Date(data.now));
  const store = new GitHubStore(data, clock);
  const tracker = new RateLimitTracker();
  const urls = new Urls('http://pending', 'https://github.com');
  const limits = new GitHubLimits({
    tracker,
    userId: (login) => store.userByLogin(login)?.id,
    ...(options.limits ? { options: options.limits } : {}),
  });
  const api: GitHubApi = {
    store,
    queries: new ListQueries(store),
    listEtags: new ListEtags(),
    render: new RenderContext(store, urls),
    urls,
    limits,
    malformed: new MalformedItems(store),
  };
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const table: RouteTable = { router: new PrefixedRouter(prefix), api };
  for (const register of [
    accountRoutes,
    repoRoutes,
    issueRoutes,
    pullRoutes,
    commentRoutes,
    metadataRoutes,
  ])
    register(table);

  const tokens = new Map(Object.entries(options.tokens ?? { [DEFAULT_GITHUB_TOKEN]: BOT_LOGIN }));
  for (const login of tokens.values()) store.ensureUser(login);
  const control: { current?: GitHubControl } = {};
  const server = await startEmulatorServer({
    name: 'github',
    router: table.router,
    clock,
    rateLimits: tracker,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    authenticate: createAuthenticator(tokens),
    rateLimited: (request, waitMs) => limits.rateLimited(request, waitMs),
    // "Accessing this endpoint does not count against your REST API rate limit" — and it
    // answers while the client waits, so checking it is not an early retry.
    exemptFromWaits: (request) =>
      request.method === 'GET' && request.path === `${prefix}/rate_limit`,
    notFound: () => notFound(),
    decorate: (request, response) => {
      limits.decorate(request, response);
    },
    control: controlRoutes(() => {
      if (!control.current) throw new Error('the GitHub emulator is still starting');
      return control.current;
    }),
  });
  const url = `${server.url}${prefix}`;
  urls.rebase(
    options.publicUrl ?? url,
    options.htmlUrl ?? (prefix ? new URL(options.publicUrl ?? url).origin : 'https://github.com'),
  );
  control.current = new GitHubControl(api, { server, clock });
  return {
    url,
    origin: server.url,
    control: control.current,
    server,
    close: () => server.close(),
  };
}
