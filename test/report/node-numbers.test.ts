import { beforeAll, describe, expect, it } from 'vitest';
import type { Rollup } from '../../src/domain/rollup.js';
import { githubSearchUrl } from '../../src/report/links.js';
import { nodePullRequests } from '../../src/report/node-numbers.js';
import { reportWeek } from '../../src/report/week.js';
import { createSeededDb } from './fixtures/seeded-db.js';
import { storedRollups } from './fixtures/report-of.js';
import { closeDatabase } from '../../src/db/open.js';

const sites = { jira: 'https://acme.atlassian.net', github: 'https://github.com' };
const gh = (q: string): string => githubSearchUrl('https://github.com', q);
let rollup: Rollup;

beforeAll(() => {
  const seeded = createSeededDb();
  const stored = storedRollups(seeded, '2026-11-29').get('scheduler-rewrite');
  closeDatabase(seeded.db);
  if (!stored) throw new Error('no rollup');
  rollup = stored;
});

describe('PR counts and their searches', () => {
  it('narrows the open-PR search when the rollup names no search of its own', () => {
    const prs = nodePullRequests({
      rollup,
      week: reportWeek('2026-W48'),
      snapshotDay: '2026-11-29',
      reviewWaitDays: 2,
      sites,
    });
    expect(prs.open.githubUrl).toBe(gh('repo:acme/scheduler is:pr is:open'));
    expect(prs.draft.githubUrl).toBe(gh('repo:acme/scheduler is:pr is:open draft:true'));
    expect(prs.mergedThisWeek.githubUrl).toBe(
      gh('repo:acme/scheduler is:pr is:merged merged:2026-11-23..2026-11-29'),
    );
    expect(prs.waitingForReview.githubUrl).toBe(
      gh('repo:acme/scheduler is:pr is:open draft:false review:none created:<=2026-11-27'),
    );
    expect(prs.withoutJiraKey).toEqual({
      value: rollup.pullRequests.withoutJiraKey,
      jiraUrl: null,
      githubUrl: null,
    });
  });

  it('uses the searches the rollup names when it has them', () => {
    const own = {
      ...rollup,
      links: {
        ...rollup.links,
        draftPullRequests: { jql: null, githubQuery: 'repo:acme/scheduler is:pr draft:true' },
        pullRequestsWithoutJiraKey: {
          jql: null,
          githubQuery: 'repo:acme/scheduler is:pr NOT INFRA in:title',
        },
      },
    };
    const prs = nodePullRequests({
      rollup: own,
      week: reportWeek('2026-W48'),
      snapshotDay: '2026-11-29',
      reviewWaitDays: 2,
      sites,
    });
    expect(prs.draft.githubUrl).toBe(gh('repo:acme/scheduler is:pr draft:true'));
    expect(prs.withoutJiraKey.githubUrl).toBe(gh('repo:acme/scheduler is:pr NOT INFRA in:title'));
  });
});
