import { describe, expect, it } from 'vitest';
import { renderGitHubComment } from '../../../src/writeback/render/github.js';
import { renderComment } from '../../../src/writeback/render/index.js';
import { parseGitHubMarker } from '../../../src/writeback/render/marker.js';
import { buildCommentModel, type CommentModel } from '../../../src/writeback/render/model.js';
import {
  hostileRollup,
  HOSTILE_TEXTS,
  projectRollup,
  projectRollupWeekBefore,
  SITES,
} from '../fixtures/rollups.js';
import { issueReferencesIn, linkTargets, mentionsIn, renderMarkdown } from '../helpers/markdown.js';

function model(overrides: Partial<Parameters<typeof buildCommentModel>[0]> = {}): CommentModel {
  return buildCommentModel({
    rollup: projectRollup(),
    previous: { day: '2026-11-17', rollup: projectRollupWeekBefore() },
    program: 'GPU fleet migration',
    bet: 'Transform infra for AI-readiness',
    sites: SITES,
    dataAsOf: '2026-11-24T12:03:09.000Z',
    ...overrides,
  });
}

describe('renderGitHubComment', () => {
  it('renders the project summary (snapshot)', async () => {
    await expect(renderGitHubComment(model())).toMatchFileSnapshot(
      '../__snapshots__/github-project.md',
    );
  });

  it('renders a first summary with no history and no data (snapshot)', async () => {
    const empty = projectRollup({
      health: 'no-data',
      declaredStatus: null,
      healthDisagrees: false,
      owner: null,
      counts: { total: 0, todo: 0, inProgress: 0, done: 0, outOfScope: 0 },
      points: { total: 0, done: 0, coverage: 0 },
      progress: { byCount: 0, byPoints: null },
      forecast: {
        p50: null,
        p85: null,
        p95: null,
        probOnTime: null,
        remaining: 0,
        trials: 0,
        historyWeeks: 0,
      },
      risks: {
        blocked: 0,
        stale: 0,
        overdue: 0,
        doneEpicsWithOpenChildren: 0,
        multiProject: 0,
        top: [],
      },
      pullRequests: {
        open: 0,
        draft: 0,
        mergedThisWeek: 0,
        medianHoursToMerge: null,
        waitingForReview: 0,
        withoutJiraKey: 0,
      },
      scope: {
        totalNow: 0,
        addedThisWeek: 0,
        removedThisWeek: 0,
        addedSinceFirstSnapshot: 0,
        removedSinceFirstSnapshot: 0,
        firstSnapshotDay: null,
      },
    });
    await expect(
      renderGitHubComment(
        model({ rollup: empty, previous: null, program: null, bet: null, dataAsOf: null }),
      ),
    ).toMatchFileSnapshot('../__snapshots__/github-empty.md');
  });

  it('starts with the hidden marker and links every linked count to a GitHub or Jira search', () => {
    const body = renderGitHubComment(model());
    expect(body.split('\n')[0]).toBe('<!-- northstar:summary node=scheduler-rewrite -->');
    expect(parseGitHubMarker(body)).toEqual({ nodeId: 'scheduler-rewrite', contentHash: null });
    const html = renderMarkdown(body);
    const targets = linkTargets(html);
    expect(targets).toContain(
      'https://github.com/search?q=repo%3Aacme%2Fscheduler%20is%3Apr%20is%3Aopen&type=issues',
    );
    expect(targets).toContain(
      'https://acme.atlassian.net/issues/?jql=parent%20in%20%28INFRA-123%2C%20INFRA-130%29%20AND%20statusCategory%20%3D%20%22To%20Do%22',
    );
    // The total has both a Jira and a GitHub search.
    expect(body).toContain('| **Total** | 25 ([Jira](https://acme.atlassian.net/issues/?jql=');
    expect(targets.every((t) => /^https:\/\//.test(t))).toBe(true);
    // Rendered HTML shows the hidden marker as an HTML comment, not as text.
    expect(html).toContain('<!-- northstar:summary node=scheduler-rewrite -->');
  });

  it('appends the content-hash trailer, which covers everything but the data time', () => {
    const a = renderComment('github', model());
    const b = renderComment('github', model({ dataAsOf: '2026-11-25T00:00:00.000Z' }));
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.body).not.toBe(b.body);
    expect(parseGitHubMarker(a.body)).toEqual({
      nodeId: 'scheduler-rewrite',
      contentHash: a.contentHash,
    });
    const changed = renderComment(
      'github',
      model({
        rollup: projectRollup({
          counts: { total: 26, todo: 9, inProgress: 5, done: 12, outOfScope: 1 },
        }),
      }),
    );
    expect(changed.contentHash).not.toBe(a.contentHash);
  });

  it('keeps hostile titles and names inert', () => {
    const body = renderGitHubComment(model({ rollup: hostileRollup(), maxRisks: 50 }));
    const html = renderMarkdown(body);
    expect(html).not.toMatch(/<script|<b>|<img|(?:href|src)="(?!https:)/i);
    expect(html).not.toContain('<strong>bold</strong>');
    expect(html).not.toContain('<em>em</em>');
    expect(html).not.toMatch(/<h1/);
    expect(mentionsIn(html)).toEqual([]);
    expect(issueReferencesIn(html)).toEqual([]);
    expect(linkTargets(html).every((t) => /^https:\/\//.test(t))).toBe(true);
    // Only our own marker is an HTML comment; the hostile fake marker is text.
    expect(html.match(/<!--/g)).toHaveLength(1);
    expect(parseGitHubMarker(body)?.nodeId).toBe('scheduler-rewrite');
    // Every hostile title is still readable.
    const text = html
      .replace(/<[^>]*>/g, '')
      .replace(/\u200B/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"');
    for (const hostile of HOSTILE_TEXTS) expect(text).toContain(hostile);
  });
});
