/**
 * The sticky-comment scenarios against the GitHub emulator, through Octokit (throttling + retry plugins) over HTTP, with a real
 * SQLite file. Each scenario gets new tracking issues, so comments from one do not leak into the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/lib/clock.js';
import { silentLogger } from '../../../src/lib/logger.js';
import { GitHubComments } from '../../../src/writeback/github-comments.js';
import { createOctokit } from '../../../src/writeback/ports.js';
import { renderComment } from '../../../src/writeback/render/index.js';
import { buildCommentModel } from '../../../src/writeback/render/model.js';
import { loadTestConfig } from '../fixtures/config.js';
import { projectRollup, SITES } from '../fixtures/rollups.js';
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
      listRoute: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      setFaults: (plan) => {
        sites.github.server.faults.configure(plan);
      },
    },
  };
});

describe('finding our comment on a busy GitHub issue', () => {
  it('follows the Link header past the first page of 100', async () => {
    const issue = sites.github.control.createIssue('acme/web', { title: 'A busy issue' });
    const target = `acme/web#${issue.number}`;
    for (let i = 0; i < 130; i++) {
      sites.github.control.addComment(
        { repo: 'acme/web', number: issue.number },
        { body: `comment ${i} from a person` },
      );
    }
    const github = loadTestConfig({
      jiraUrl: sites.jira.url,
      githubUrl: sites.github.url,
      env: sites.env,
    }).config.github;
    if (!github) throw new Error('the test config has no github section');
    const port = new GitHubComments({
      octokit: createOctokit(github, silentLogger()),
      clock: systemClock,
    });
    const model = buildCommentModel({
      rollup: projectRollup(),
      previous: null,
      program: null,
      bet: null,
      sites: SITES,
      dataAsOf: null,
    });
    const created = await port.create(target, renderComment('github', model));
    sites.resetStats();
    const found = await port.findMarked(target, 'scheduler-rewrite');
    expect(found.map((c) => c.id)).toEqual([created.id]);
    // Page 2 came from where GitHub's Link header pointed (`/repositories/{id}/…`).
    const lists = sites.githubLog.entries.filter((e) => e.path.endsWith('/comments'));
    expect(lists.map((e) => e.path.replace(/\d+/g, 'N'))).toEqual([
      '/repos/acme/web/issues/N/comments',
      '/repositories/N/issues/N/comments',
    ]);
  });
});
