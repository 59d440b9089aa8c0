/**
 * Both emulators serving one seeded organisation on loopback (or `host`): what `northstar
 * emulate`, `northstar demo`, the benchmarks and the end-to-end tests start. The result says
 * where each emulator listens and with which credentials, which projects and repositories
 * exist, and how the org is laid out.
 */
import { DEFAULT_GITHUB_TOKEN } from '../github/auth.js';
import { startGitHubEmulator, type GitHubEmulator } from '../github/server.js';
import { startJiraEmulator, type JiraEmulator } from '../jira/emulator.js';
import { generateOrg, type GenerateOrgOptions } from './generate.js';
import type { OrgLayout } from './types.js';

export interface StartOrgOptions extends GenerateOrgOptions {
  /** 0 or absent: any free port. */
  jiraPort?: number;
  githubPort?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
}

export interface OrgEmulators {
  jira: {
    /** `JIRA_BASE_URL`. */
    url: string;
    /** `JIRA_EMAIL` / `JIRA_API_TOKEN` of the API user. */
    email: string;
    apiToken: string;
    /** Keys of the site's projects. */
    projects: string[];
    emulator: JiraEmulator;
  };
  github: {
    /** `GITHUB_API_URL`. */
    url: string;
    /** `GITHUB_TOKEN` (user `northstar-bot`). */
    token: string;
    /** `owner/repo` of every repository. */
    repos: string[];
    emulator: GitHubEmulator;
  };
  org: OrgLayout;
  close(): Promise<void>;
}

export async function startOrgEmulators(options: StartOrgOptions = {}): Promise<OrgEmulators> {
  const seed = options.seed ?? 'demo';
  const data = generateOrg({ ...options, seed });
  const listen = (port: number | undefined) => ({
    ...(port !== undefined ? { port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
  });
  const jira = await startJiraEmulator({ seed, data: data.jira, ...listen(options.jiraPort) });
  let github: GitHubEmulator;
  try {
    github = await startGitHubEmulator({ data: data.github, ...listen(options.githubPort) });
  } catch (error) {
    // The second port may be taken: do not leave the first server running.
    await jira.close();
    throw error;
  }
  return {
    jira: {
      url: jira.url,
      email: jira.credentials.email,
      apiToken: jira.credentials.apiToken,
      projects: data.org.jiraProjects,
      emulator: jira,
    },
    github: {
      url: github.url,
      token: DEFAULT_GITHUB_TOKEN,
      repos: data.org.repos,
      emulator: github,
    },
    org: data.org,
    close: async () => {
      await Promise.all([jira.close(), github.close()]);
    },
  };
}
