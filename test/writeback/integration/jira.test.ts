/**
 * The sticky-comment scenarios against the Jira emulator, through jira.js over HTTP, with a real
 * SQLite file. Each scenario gets new epics, so comments from one do not leak into the next.
 */
import { afterAll, beforeAll } from 'vitest';
import { systemClock } from '../../../src/lib/clock.js';
import { JiraComments } from '../../../src/writeback/jira-comments.js';
import { createJiraClient } from '../../../src/writeback/ports.js';
import { loadTestConfig } from '../fixtures/config.js';
import { jiraBodyProblems } from '../helpers/inert.js';
import { defineStickyScenarios } from './scenarios.js';
import { startWritebackSites, type WritebackSites } from './sites.js';

let sites: WritebackSites;
beforeAll(async () => {
  sites = await startWritebackSites('wb-jira');
});
afterAll(() => sites.close());

defineStickyScenarios('the Jira emulator', () => {
  const { config, hierarchy } = loadTestConfig({
    jiraUrl: sites.jira.url,
    githubUrl: sites.github.url,
    targets: sites.newTargets(),
    env: sites.env,
  });
  const jira = config.jira;
  if (!jira) throw new Error('the test config has no jira section');
  return {
    hierarchy,
    harness: {
      kind: 'jira',
      newPort: () => new JiraComments({ client: createJiraClient(jira), clock: systemClock }),
      comments: (target) => sites.comments(target),
      deleteComment: (target, id) => {
        sites.deleteComment(target, id);
      },
      writes: () => sites.writes().jira,
      resetStats: () => {
        sites.resetStats();
      },
      checkBody: jiraBodyProblems,
      createRoute: 'POST /rest/api/3/issue/{issueIdOrKey}/comment',
      listRoute: 'GET /rest/api/3/issue/{issueIdOrKey}/comment',
      setFaults: (plan) => {
        sites.jira.server.faults.configure(plan);
      },
    },
  };
});
