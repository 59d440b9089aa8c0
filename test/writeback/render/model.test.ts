import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../../src/writeback/render/changes.js';
import { githubWebUrl, jiraSearchUrl } from '../../../src/writeback/render/links.js';
import { buildCommentModel, healthReason } from '../../../src/writeback/render/model.js';
import { projectRollup, SITES } from '../fixtures/rollups.js';

describe('healthReason', () => {
  it('explains health by the forecast against the target', () => {
    expect(healthReason(projectRollup())).toBe(
      'P85 forecast 2027-02-10 vs target 2027-01-31: 62% chance of finishing by then',
    );
    const noTarget = projectRollup();
    noTarget.dates.targetDate = null;
    expect(healthReason(noTarget)).toBe('no target date; P85 forecast 2027-02-10');
    expect(healthReason(projectRollup({ health: 'no-data' }))).toBe(
      'no throughput history yet, so no forecast',
    );
  });
});

describe('describeChanges', () => {
  it('says so when nothing changed', () => {
    const same = projectRollup({
      scope: { ...projectRollup().scope, addedThisWeek: 0, removedThisWeek: 0 },
    });
    expect(describeChanges(same, { day: '2026-11-21', rollup: same })).toEqual({
      since: '2026-11-21',
      lines: ['No change in the numbers.'],
    });
  });

  it('reports a target change that is not a recorded slip', () => {
    const before = projectRollup();
    const after = projectRollup();
    after.dates = { ...after.dates, targetDate: '2027-01-10', slips: [] };
    expect(describeChanges(after, { day: '2026-11-17', rollup: before }).lines).toContain(
      'Target date: 2027-01-31 → 2027-01-10 (21 days earlier)',
    );
  });
});

describe('links', () => {
  it('derives the GitHub web URL from the API URL', () => {
    expect(githubWebUrl('https://api.github.com')).toBe('https://github.com');
    expect(githubWebUrl('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com');
    expect(githubWebUrl('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
  });

  it('encodes JQL strictly', () => {
    expect(jiraSearchUrl('https://acme.atlassian.net/', "key in (A-1) AND x = 'y'")).toBe(
      'https://acme.atlassian.net/issues/?jql=key%20in%20%28A-1%29%20AND%20x%20%3D%20%27y%27',
    );
  });

  it('leaves counts unlinked when the site or the query is missing', () => {
    const model = buildCommentModel({
      rollup: projectRollup(),
      previous: null,
      program: null,
      bet: null,
      sites: { jira: SITES.jira, githubWeb: null },
      dataAsOf: null,
    });
    expect(model.pullRequests.open.urls).toEqual({ jira: null, github: null });
    expect(model.counts.total.urls.github).toBeNull();
    expect(model.counts.total.urls.jira).toMatch(/^https:\/\/acme\.atlassian\.net\/issues\/\?jql=/);
    expect(model.risks.top.map((r) => r.ref)).toEqual([
      'INFRA-141',
      'INFRA-150',
      'acme/scheduler#88',
    ]);
  });
});
