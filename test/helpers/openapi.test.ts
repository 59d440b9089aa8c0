import { describe, expect, it } from 'vitest';
import { createSpecValidator, GITHUB_SPEC, JIRA_SPEC } from './openapi.js';

describe('spec validator', () => {
  const jira = createSpecValidator(JIRA_SPEC);
  const github = createSpecValidator(GITHUB_SPEC);

  it('maps requests to the right operation, literal paths first', () => {
    expect(jira.operationOf('POST', '/rest/api/3/issue/bulkfetch')).toBe(
      'POST /rest/api/3/issue/bulkfetch',
    );
    expect(jira.operationOf('GET', '/rest/api/3/issue/INFRA-1?fields=summary')).toBe(
      'GET /rest/api/3/issue/{issueIdOrKey}',
    );
    expect(github.operationOf('GET', '/repos/acme/web/issues?page=2')).toBe(
      'GET /repos/{owner}/{repo}/issues',
    );
    expect(jira.operationOf('GET', '/rest/api/3/nope')).toBeNull();
  });

  it('accepts a conforming body and reports a wrong one', () => {
    const user = {
      accountId: 'abc',
      displayName: 'Bot',
      active: true,
      timeZone: 'America/Los_Angeles',
    };
    expect(
      jira.validate({ method: 'GET', url: '/rest/api/3/myself', status: 200, body: user }),
    ).toEqual([]);
    const bad = jira.validate({
      method: 'GET',
      url: '/rest/api/3/myself',
      status: 200,
      body: { ...user, active: 'yes' },
    });
    expect(bad.join('\n')).toMatch(/\/active: must be boolean/);
    const ghBad = github.validate({ method: 'GET', url: '/user', status: 200, body: { login: 7 } });
    expect(ghBad.length).toBeGreaterThan(0);
  });

  it('waives only allowlisted problems', () => {
    const lenient = createSpecValidator(JIRA_SPEC, {
      allow: [{ operation: 'GET /rest/api/3/myself', instancePath: /^\/active$/, reason: 'test' }],
    });
    expect(
      lenient.validate({
        method: 'GET',
        url: '/rest/api/3/myself',
        status: 200,
        body: { active: 'yes' },
      }),
    ).toEqual([]);
  });
});
