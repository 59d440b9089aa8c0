/**
 * Shared set-up for the GitHub emulator tests: an emulator with small seeded data, and the
 * client northstar uses — @octokit/rest with the official throttling and retry plugins — pointed
 * at it over HTTP.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import {
  DEFAULT_GITHUB_TOKEN,
  startGitHubEmulator,
  type GitHubEmulator,
  type GitHubEmulatorOptions,
} from '../../../src/emulators/github/index.js';

export const GitHubClient = Octokit.plugin(throttling, retry);
export type GitHubClientInstance = InstanceType<typeof GitHubClient>;

export const TOKEN = DEFAULT_GITHUB_TOKEN;

export async function startEmulator(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
  return startGitHubEmulator({
    seed: 'test',
    repos: 3,
    issues: 60,
    prs: 30,
    jiraKeys: (i) => `ABC-${(i % 50) + 1}`,
    ...options,
  });
}

export interface ClientEvents {
  rateLimits: number[];
  secondaryLimits: number[];
}

/**
 * Octokit as northstar builds it. The throttling handlers retry (up to `maxRetries`) and
 * record the waits they were told; `retryBaseMs` shortens only the retry plugin's backoff for
 * 5xx answers, never the throttling plugin's honouring of `retry-after` / reset.
 */
export function octokitFor(
  emulator: { url: string },
  options: {
    token?: string;
    maxRetries?: number;
    retryBaseMs?: number;
    events?: ClientEvents;
  } = {},
): GitHubClientInstance {
  const maxRetries = options.maxRetries ?? 3;
  const events = options.events;
  return new GitHubClient({
    baseUrl: emulator.url,
    auth: options.token ?? TOKEN,
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
    throttle: {
      onRateLimit: (
        retryAfter: number,
        _options: unknown,
        _octokit: unknown,
        retryCount: number,
      ) => {
        events?.rateLimits.push(retryAfter);
        return retryCount < maxRetries;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        _options: unknown,
        _octokit: unknown,
        retryCount: number,
      ) => {
        events?.secondaryLimits.push(retryAfter);
        return retryCount < maxRetries;
      },
    },
    retry: { retries: maxRetries, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
  });
}

/** A plain HTTP request with the bot's token (and any extra headers). */
export function get(
  emulator: { url: string },
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const url = path.startsWith('http') ? path : `${emulator.url}${path}`;
  return fetch(url, { headers: { authorization: `token ${TOKEN}`, ...headers } });
}

export function send(
  emulator: { url: string },
  request: { method: string; path: string; body?: unknown },
): Promise<Response> {
  return fetch(`${emulator.url}${request.path}`, {
    method: request.method,
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
}

/** The URL inside `rel="…"` of a Link header. */
export function linkTo(link: string | null, rel: string): string | undefined {
  return new RegExp(`<([^>]+)>;\\s*rel="${rel}"`).exec(link ?? '')?.[1];
}
