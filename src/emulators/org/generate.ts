/**
 * The whole seeded organisation, without servers: the Jira site first, then GitHub with pull
 * requests that mention the site's real keys (each repository mostly its own teams' keys), then
 * the bets → programs → projects layout over both. Same options, same data, same layout.
 *
 * Demo size (the default): 3,000 Jira issues, 1,000 PRs and 2,000 GitHub issues in 5 repos —
 * 5 Jira projects, ~60 epics, ~15 projects. Benchmarks go to 100k issues, 10k PRs and 50 repos:
 * 24 Jira projects, ~2,000 epics, ~500 projects.
 */
import { Rng } from '../core/index.js';
import type { GitHubData } from '../github/store/types.js';
import type { JiraData } from '../jira/store/types.js';
import { generateGitHubData } from '../seed/github.js';
import { DEFAULT_JIRA_SEED_NOW, generateJiraData } from '../seed/jira.js';
import { collectJiraFacts } from './jira-facts.js';
import { layoutOrg } from './layout.js';
import { mentionPicker, repoAffinity } from './mentions.js';
import type { OrgLayout } from './types.js';

export interface GenerateOrgOptions {
  /** Seed name (default `demo`). */
  seed?: string;
  /** Jira issues, epics included (default 3,000). */
  issues?: number;
  /** GitHub pull requests (default 1,000). */
  prs?: number;
  /** Repositories (default: one per 200 PRs, 3 to 50). */
  repos?: number;
  /** Plain GitHub issues (default: twice the PRs). */
  githubIssues?: number;
  /** The data's "now" (default 2026-11-24T12:00:00Z). */
  now?: Date;
}

export interface OrgData {
  jira: JiraData;
  github: GitHubData;
  org: OrgLayout;
}

export const DEMO_ORG_SIZE = { issues: 3_000, prs: 1_000 } as const;

export function generateOrg(options: GenerateOrgOptions = {}): OrgData {
  const seed = options.seed ?? 'demo';
  const prs = options.prs ?? DEMO_ORG_SIZE.prs;
  const now = options.now ?? DEFAULT_JIRA_SEED_NOW;
  const jira = generateJiraData({ seed, issues: options.issues ?? DEMO_ORG_SIZE.issues, now });
  const facts = collectJiraFacts(jira);
  const repos = options.repos ?? Math.max(3, Math.min(50, Math.round(prs / 200)));
  const affinity = repoAffinity(facts.projectKeys.length, repos);
  const github = generateGitHubData({
    seed,
    repos,
    prs,
    issues: options.githubIssues ?? prs * 2,
    now,
    jiraKeys: mentionPicker({
      rng: new Rng(`org-mentions:${seed}`),
      affinity,
      keysByProject: facts.keysByProject,
    }),
  });
  const org = layoutOrg({ seed, jira, github, facts, affinity });
  return { jira, github, org };
}
