/**
 * The sticky-comment scenarios against the GitHub emulator, through Octokit (throttling + retry plugins) over HTTP, with a real
 * SQLite file. Each scenario gets new tracking issues, so comments from one do not leak into the next.
 */
import { afterAll, beforeAll } from 'vitest';
import { systemClock } from '../../../src/lib/clock.js';
import { silentLogger } from '../../../src/lib/logger.js';
import { GitHubComments } from '../../../src/writeback/github-comments.js';
import { createOctokit } from '../../../src/writeback/ports.js';
import { loadTestConfig } from '../fixtures/config.js';
import { githubBodyProblems } from '../helpers/inert.js';
import { defineStickyScenarios } from './scenarios.js';
import { startWritebackSites, type WritebackSites } from './sites.js';

let sites: WritebackSites;
beforeAll(async () => {
  sites = await startWritebackSites('wb-github');
});
afterAll(() => sites.close());

defineStickyScenarios('the GitHub emulator', () => {
  const { config, hierarchy } = loadTestConfig({
    jiraUrl: sites.jira.url,
    githubUrl: sites.github.url,
    targets: sites.newTargets(),
    env: sites.env,
  });
  const github = config.github;
  if (!github) throw new Error('the test config has no github section');
  return {
    hierarchy,
    harness: {
      kind: 'github',
      newPort: () =>
        new GitHubComments({ octokit: createOctokit(github, silentLogger()), clock: systemClock }),
      comments: (target) => sites.comments(target),
      deleteComment: (target, id) => {
        sites.deleteComment(target, id);
      },
      writes: () => sites.writes().github,
      resetStats: () => {
        sites.resetStats();
      },
      checkBody: githubBodyProblems,
      createRoute: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      setFaults: (plan) => {
        sites.github.server.faults.configure(plan);
      },
    },
  };
});
