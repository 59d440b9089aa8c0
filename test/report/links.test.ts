import { describe, expect, it } from 'vitest';
import {
  checkLinkUrls,
  githubSearchUrl,
  githubWebUrl,
  jiraSearchUrl,
  jqlForIssues,
  refineGithubQuery,
} from '../../src/report/links.js';

describe('check links', () => {
  it('builds the Jira issue navigator and the GitHub issues search URLs', () => {
    expect(
      jiraSearchUrl('https://acme.atlassian.net/', 'parent in (A-1) AND status = "To Do"'),
    ).toBe(
      'https://acme.atlassian.net/issues/?jql=parent%20in%20(A-1)%20AND%20status%20%3D%20%22To%20Do%22',
    );
    expect(githubSearchUrl('https://github.com', 'repo:acme/web is:pr is:open')).toBe(
      'https://github.com/search?q=repo%3Aacme%2Fweb%20is%3Apr%20is%3Aopen&type=issues',
    );
  });

  it('derives the GitHub web root from the API URL unless webUrl is set', () => {
    expect(githubWebUrl({ baseUrl: 'https://api.github.com' })).toBe('https://github.com');
    expect(githubWebUrl({ baseUrl: 'https://ghe.example.com/api/v3' })).toBe(
      'https://ghe.example.com',
    );
    expect(
      githubWebUrl({ baseUrl: 'http://127.0.0.1:9999', webUrl: 'https://gh.example.com/' }),
    ).toBe('https://gh.example.com');
  });

  it('links only the sources that are configured and present', () => {
    const link = { jql: 'project = A', githubQuery: 'repo:a/b' };
    expect(checkLinkUrls(link, { jira: null, github: 'https://github.com' })).toEqual({
      jiraUrl: null,
      githubUrl: 'https://github.com/search?q=repo%3Aa%2Fb&type=issues',
    });
    expect(
      checkLinkUrls({ jql: null, githubQuery: null }, { jira: 'https://j', github: 'https://g' }),
    ).toEqual({
      jiraUrl: null,
      githubUrl: null,
    });
  });

  it('lists exact issues with `issue in`, and gives up beyond what a URL can hold', () => {
    expect(jqlForIssues(['A-1', '10002'])).toBe('issue in (A-1, 10002)');
    expect(jqlForIssues([])).toBeNull();
    expect(jqlForIssues(Array.from({ length: 301 }, (_, i) => `A-${i + 1}`))).toBeNull();
  });

  it('narrows a GitHub query by dropping and adding qualifiers', () => {
    expect(
      refineGithubQuery('repo:a/b  is:pr IS:OPEN', {
        drop: ['is:open'],
        add: ['is:merged', 'merged:2026-11-23..2026-11-29'],
      }),
    ).toBe('repo:a/b is:pr is:merged merged:2026-11-23..2026-11-29');
  });
});
