/**
 * Builds the comment adapters from config: jira.js with Basic auth (e-mail + API token), Octokit
 * with the official throttling and retry plugins. Called by the composition roots (CLI, worker).
 *
 * The GitHub client here is a stand-in until the shared Octokit factory of `src/sources/github`
 * exists; the adapter itself takes any Octokit instance.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { Version3Client } from 'jira.js';
import type { NorthstarConfig } from '../config/schema.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import { GitHubComments } from './github-comments.js';
import { JiraComments } from './jira-comments.js';
import type { KeyedSerializer } from './keyed-serializer.js';
import type { SlidingWindowLimiter } from './rate-limit.js';
import type { CommentPorts } from './write-summaries.js';

const ThrottledOctokit = Octokit.plugin(throttling, retry);

/** Waits the plugins may sit out inside one job; longer ones become a delayed job instead. */
const MAX_INLINE_WAIT_S = 60;

export interface CreateCommentPortsOptions {
  config: NorthstarConfig;
  clock: Clock;
  logger: Logger;
  /**
   * GitHub's content-creation limit counts per user, not per job: a worker builds the ports for
   * every job, so it passes one limiter for the whole process (else each job starts afresh and
   * back-to-back jobs can exceed 80/min or 500/h together).
   */
  githubLimiter?: SlidingWindowLimiter;
  /** Likewise, one per process, so that writes to one Jira issue never overlap across jobs. */
  jiraSerializer?: KeyedSerializer;
}

export function createOctokit(
  config: NonNullable<NorthstarConfig['github']>,
  logger: Logger,
): Octokit {
  return new ThrottledOctokit({
    baseUrl: config.baseUrl,
    auth: config.token,
    userAgent: 'northstar',
    // Octokit's default log is the console. A failed request reaches the caller as a typed error
    // and is logged there (a 404 while checking a stored comment is expected, not an error).
    log: {
      debug: (message: string) => {
        logger.trace({ octokit: message }, 'GitHub client');
      },
      info: (message: string) => {
        logger.debug({ octokit: message }, 'GitHub request');
      },
      warn: (message: string) => {
        logger.warn({ octokit: message }, 'GitHub client warning');
      },
      error: (message: string) => {
        logger.debug({ octokit: message }, 'GitHub request failed');
      },
    },
    throttle: {
      onRateLimit: (
        retryAfter: number,
        options: { method: string; url: string },
        _o: unknown,
        retryCount: number,
      ) => {
        logger.warn({ retryAfter, method: options.method, url: options.url }, 'GitHub rate limit');
        return retryCount < 1 && retryAfter <= MAX_INLINE_WAIT_S;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        options: { method: string; url: string },
        _o: unknown,
        retryCount: number,
      ) => {
        logger.warn(
          { retryAfter, method: options.method, url: options.url },
          'GitHub secondary rate limit',
        );
        return retryCount < 1 && retryAfter <= MAX_INLINE_WAIT_S;
      },
    },
  });
}

export function createJiraClient(config: NonNullable<NorthstarConfig['jira']>): Version3Client {
  return new Version3Client({
    host: config.baseUrl,
    authentication: { basic: { email: config.email, apiToken: config.apiToken } },
  });
}

export function createCommentPorts(options: CreateCommentPortsOptions): CommentPorts {
  const { config, clock, logger, githubLimiter, jiraSerializer } = options;
  return {
    jira: config.jira
      ? new JiraComments({
          client: createJiraClient(config.jira),
          clock,
          ...(jiraSerializer ? { serializer: jiraSerializer } : {}),
        })
      : null,
    github: config.github
      ? new GitHubComments({
          octokit: createOctokit(config.github, logger),
          clock,
          ...(githubLimiter ? { limiter: githubLimiter } : {}),
        })
      : null,
  };
}
