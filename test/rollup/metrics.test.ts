/**
 * Every metric on hand-built fixtures (README "How the numbers are computed"). "Now" is Wednesday
 * 2026-11-25 (ISO week 2026-W48); the throughput history is W36..W47.
 */
import { describe, expect, it } from 'vitest';
import type { Hierarchy } from '../../src/domain/hierarchy.js';
import type { Rollup } from '../../src/domain/rollup.js';
import { RollupEngine, type NodeHistory } from '../../src/rollup/engine.js';
import type { RollupSourceData } from '../../src/rollup/inputs.js';
import {
  NOW,
  SETTINGS,
  bet,
  child,
  data,
  doneChild,
  epic,
  ghIssue,
  hierarchyOf,
  jira,
  program,
  project,
  pull,
} from './fixtures/items.js';

function rollupsOf(
  hierarchy: Hierarchy,
  source: RollupSourceData,
  history?: NodeHistory,
): Map<string, Rollup> {
  const engine = new RollupEngine(hierarchy, SETTINGS, source);
  if (history) engine.setHistory(history);
  engine.recompute(NOW);
  engine.forecast(NOW);
  return engine.rollups(NOW).byId;
}

function get(map: Map<string, Rollup>, id: string): Rollup {
  const r = map.get(id);
  if (!r) throw new Error(`no rollup for ${id}`);
  return r;
}

describe('counts, points and progress', () => {
  it('counts Jira issues by status category and GitHub issues by state', () => {
    const e = epic('INFRA-1');
    const items = [
      e,
      child('INFRA-2', e),
      child('INFRA-3', e, { statusCategory: 'in_progress' }),
      doneChild('INFRA-4', e, '2026-11-10T10:00:00.000Z'),
    ];
    const github = [
      ghIssue('acme/web', 1),
      ghIssue('acme/web', 2, { assignees: 1 }),
      ghIssue('acme/web', 3, {
        state: 'closed',
        stateReason: 'completed',
        closedAt: '2026-11-12T00:00:00Z',
      }),
      ghIssue('acme/web', 4, {
        state: 'closed',
        stateReason: 'not_planned',
        closedAt: '2026-11-12T00:00:00Z',
      }),
    ];
    const p = get(
      rollupsOf(
        hierarchyOf(project('p', { epics: ['INFRA-1'], repos: ['acme/web'] })),
        data({ jira: items, github }),
      ),
      'p',
    );
    // The epic is a container, not an item; "not planned" is out of scope, not in the total.
    expect(p.counts).toEqual({ total: 6, todo: 2, inProgress: 2, done: 2, outOfScope: 1 });
    expect(p.progress.byCount).toBeCloseTo(2 / 6);
    expect(p.scope.totalNow).toBe(6);
  });

  it('an open GitHub issue with an open linked PR is in progress, assigned or not', () => {
    const github = [
      ghIssue('acme/web', 1),
      ghIssue('acme/web', 2, { openLinkedPulls: 1 }),
      ghIssue('acme/web', 3, { openLinkedPulls: 2, assignees: 1 }),
      ghIssue('acme/web', 4, {
        state: 'closed',
        stateReason: 'completed',
        closedAt: '2026-11-12T00:00:00Z',
        openLinkedPulls: 1,
      }),
    ];
    const p = get(
      rollupsOf(hierarchyOf(project('p', { repos: ['acme/web'] })), data({ jira: [], github })),
      'p',
    );
    expect(p.counts).toEqual({ total: 4, todo: 1, inProgress: 2, done: 1, outOfScope: 0 });
  });

  it('measures points and estimate coverage; no points at all gives byPoints null', () => {
    const e = epic('INFRA-1');
    const withPoints = [
      e,
      child('INFRA-2', e, { storyPoints: 5 }),
      child('INFRA-3', e),
      doneChild('INFRA-4', e, '2026-11-10T10:00:00.000Z', { storyPoints: 3 }),
      child('INFRA-5', e, { storyPoints: 0 }),
    ];
    const h = hierarchyOf(project('p', { epics: ['INFRA-1'] }));
    const p = get(rollupsOf(h, data({ jira: withPoints })), 'p');
    expect(p.points).toEqual({ total: 8, done: 3, coverage: 0.75 });
    expect(p.progress.byPoints).toBeCloseTo(3 / 8);

    const e2 = epic('INFRA-1');
    const none = get(
      rollupsOf(h, data({ jira: [e2, child('INFRA-2', e2), child('INFRA-3', e2)] })),
      'p',
    );
    expect(none.points).toEqual({ total: 0, done: 0, coverage: 0 });
    expect(none.progress.byPoints).toBeNull();
    expect(none.progress.byCount).toBe(0);
  });

  it('gives an empty project zeros and no data, not NaN', () => {
    const p = get(
      rollupsOf(
        hierarchyOf(project('p', { epics: ['INFRA-1'], targetDate: '2027-01-01' })),
        data({}),
      ),
      'p',
    );
    expect(p.counts).toEqual({ total: 0, todo: 0, inProgress: 0, done: 0, outOfScope: 0 });
    expect(p.progress).toEqual({ byCount: 0, byPoints: null });
    expect(p.points.coverage).toBe(0);
    expect(p.health).toBe('no-data');
    expect(p.forecast.p50).toBeNull();
    expect(p.cycleTime).toEqual({ medianDays: null, p85Days: null, sample: 0 });
    expect(p.throughput.every((w) => w.done === 0)).toBe(true);
    expect(JSON.stringify(p)).not.toContain('NaN');
  });

  it('finishes an all-done project on its last done day and judges it against the target', () => {
    const e = epic('INFRA-1');
    const items = [
      e,
      doneChild('INFRA-2', e, '2026-10-05T10:00:00.000Z'),
      doneChild('INFRA-3', e, '2026-10-20T10:00:00.000Z'),
    ];
    const onTime = get(
      rollupsOf(
        hierarchyOf(project('p', { epics: ['INFRA-1'], targetDate: '2026-10-31' })),
        data({ jira: items }),
      ),
      'p',
    );
    expect(onTime.progress.byCount).toBe(1);
    expect(onTime.forecast).toMatchObject({
      remaining: 0,
      p50: '2026-10-20',
      p85: '2026-10-20',
      probOnTime: 1,
    });
    expect(onTime.health).toBe('green');
    const late = get(
      rollupsOf(
        hierarchyOf(project('p', { epics: ['INFRA-1'], targetDate: '2026-10-15' })),
        data({ jira: items }),
      ),
      'p',
    );
    expect(late.forecast.probOnTime).toBe(0);
    expect(late.health).toBe('red');
  });
});

describe('throughput and cycle time', () => {
  it('counts done items per complete ISO week and measures first in-progress → done', () => {
    const e = epic('INFRA-1');
    const items = [
      e,
      // W46 (Nov 9–15): two, 4 and 10 days from start.
      doneChild('INFRA-2', e, '2026-11-10T10:00:00.000Z', {
        firstInProgressAt: '2026-11-06T10:00:00.000Z',
        storyPoints: 2,
      }),
      doneChild('INFRA-3', e, '2026-11-14T10:00:00.000Z', {
        firstInProgressAt: '2026-11-04T10:00:00.000Z',
        storyPoints: 3,
      }),
      // W47: one, never in progress (straight to done: no cycle time).
      doneChild('INFRA-4', e, '2026-11-18T10:00:00.000Z'),
      // This week (W48) is not complete: not in the history.
      doneChild('INFRA-5', e, '2026-11-24T10:00:00.000Z', {
        firstInProgressAt: '2026-11-23T10:00:00.000Z',
      }),
      // Too old for the 12-week window (W30).
      doneChild('INFRA-6', e, '2026-07-22T10:00:00.000Z', {
        firstInProgressAt: '2026-07-01T10:00:00.000Z',
      }),
    ];
    const p = get(
      rollupsOf(hierarchyOf(project('p', { epics: ['INFRA-1'] })), data({ jira: items })),
      'p',
    );
    expect(p.throughput).toHaveLength(12);
    expect(p.throughput[0]?.week).toBe('2026-W36');
    expect(p.throughput.at(-1)).toEqual({ week: '2026-W47', done: 1, points: 0 });
    expect(p.throughput.at(-2)).toEqual({ week: '2026-W46', done: 2, points: 5 });
    expect(p.throughput.reduce((n, w) => n + w.done, 0)).toBe(3);
    // Samples 4 and 10 days: median 7, p85 = 4 + 0.85 × 6 = 9.1.
    expect(p.cycleTime).toEqual({ medianDays: 7, p85Days: 9.1, sample: 2 });
  });

  it('does not count a reopened item as done, and measures a re-done one to its last done', () => {
    const e = epic('INFRA-1');
    const items = [
      e,
      // Done in W45, reopened since: in progress now.
      child('INFRA-2', e, {
        statusCategory: 'in_progress',
        firstInProgressAt: '2026-10-28T10:00:00.000Z',
        lastDoneAt: '2026-11-03T10:00:00.000Z',
        resolvedAt: null,
      }),
      // Done, reopened, done again in W47: cycle from the first start to the last done (20 days).
      doneChild('INFRA-3', e, '2026-11-17T10:00:00.000Z', {
        firstInProgressAt: '2026-10-28T10:00:00.000Z',
      }),
    ];
    const p = get(
      rollupsOf(hierarchyOf(project('p', { epics: ['INFRA-1'] })), data({ jira: items })),
      'p',
    );
    expect(p.counts).toMatchObject({ inProgress: 1, done: 1 });
    expect(p.throughput.find((w) => w.week === '2026-W45')?.done).toBe(0);
    expect(p.throughput.find((w) => w.week === '2026-W47')?.done).toBe(1);
    expect(p.cycleTime).toEqual({ medianDays: 20, p85Days: 20, sample: 1 });
  });
});

describe('mapping', () => {
  it('follows the legacy Epic Link only when there is no parent, and finds a moved epic by id', () => {
    const e = epic('NEW-7');
    const items = [
      e,
      jira('OLD-2', { epicLinkKey: 'OLD-1' }),
      jira('NEW-8', { parentId: e.id, parentKey: 'NEW-7' }),
      // Has a parent elsewhere: its stale Epic Link does not count.
      jira('NEW-9', { parentId: '999', parentKey: 'OTHER-1', epicLinkKey: 'OLD-1' }),
    ];
    const p = get(
      rollupsOf(
        hierarchyOf(project('p', { epics: ['OLD-1'] })),
        data({ jira: items, formerKeys: new Map([['OLD-1', e.id]]) }),
      ),
      'p',
    );
    expect(p.counts.total).toBe(2);
  });

  it('counts an item in two projects in both and flags it', () => {
    const e = epic('INFRA-1');
    const shared = child('INFRA-2', e, { jqlProjectIds: ['p2'] });
    const items = [e, shared, child('INFRA-3', e)];
    const map = rollupsOf(
      hierarchyOf(project('p1', { epics: ['INFRA-1'] }), project('p2', { jql: 'labels = x' })),
      data({ jira: items }),
    );
    expect(get(map, 'p1').counts.total).toBe(2);
    expect(get(map, 'p2').counts.total).toBe(1);
    expect(get(map, 'p1').risks.multiProject).toBe(1);
    expect(get(map, 'p2').risks.multiProject).toBe(1);
    expect(get(map, 'p2').risks.top[0]).toMatchObject({ kind: 'multi-project', ref: 'INFRA-2' });
    // Programs sum their children: the shared item counts once per project.
    expect(get(map, 'prog').counts.total).toBe(3);
  });

  it('filters GitHub issues by label and milestone', () => {
    const github = [
      ghIssue('acme/web', 1, { labels: ['gpu'], milestone: 'v2' }),
      ghIssue('acme/web', 2, { labels: ['gpu'], milestone: 'v1' }),
      ghIssue('acme/web', 3, { labels: ['other'], milestone: 'v2' }),
      ghIssue('acme/api', 4, { labels: ['gpu'], milestone: 'v2' }),
    ];
    const map = rollupsOf(
      hierarchyOf(
        project('p1', { repos: ['acme/web'], labels: ['gpu'], milestones: ['v2'] }),
        project('p2', { repos: ['acme/web'] }),
      ),
      data({ github }),
    );
    expect(get(map, 'p1').counts.total).toBe(1);
    expect(get(map, 'p2').counts.total).toBe(3);
    expect(get(map, 'p1').links.all.githubQuery).toBe(
      'repo:acme/web label:gpu milestone:v2 is:issue -reason:"not planned"',
    );
  });
});

describe('risks', () => {
  it('finds blocked, stale and overdue open items and done epics with open children', () => {
    const e = epic('INFRA-1', { statusCategory: 'done' });
    const items = [
      e,
      child('INFRA-2', e, { openBlockers: ['CORE-9', 'CORE-10'] }),
      child('INFRA-3', e, { updatedAt: '2026-11-01T10:00:00.000Z' }), // 24 days idle
      child('INFRA-4', e, { dueDate: '2026-11-20' }), // 5 days overdue
      // Done items are never at risk.
      doneChild('INFRA-5', e, '2026-10-01T10:00:00.000Z', {
        dueDate: '2026-09-01',
        openBlockers: ['CORE-9'],
      }),
    ];
    const p = get(
      rollupsOf(hierarchyOf(project('p', { epics: ['INFRA-1'] })), data({ jira: items })),
      'p',
    );
    expect(p.risks).toMatchObject({
      blocked: 1,
      stale: 1,
      overdue: 1,
      doneEpicsWithOpenChildren: 1,
      multiProject: 0,
    });
    expect(p.risks.top.map((r) => [r.kind, r.ref])).toEqual([
      ['blocked', 'INFRA-2'],
      ['done-epic-open-children', 'INFRA-1'],
      ['stale', 'INFRA-3'],
      ['overdue', 'INFRA-4'],
    ]);
    expect(p.risks.top[0]).toMatchObject({
      detail: 'blocked by CORE-9, CORE-10',
      url: 'https://acme.atlassian.net/browse/INFRA-2',
    });
    expect(p.risks.top[1]?.detail).toBe('epic is done with 3 open children');
    expect(p.links.blocked.jql).toBe('issue in (INFRA-2)');
    expect(p.dates.rolledUpDate).toBe('2026-11-20');
  });
});

describe('pull requests', () => {
  it('maps PRs through Jira keys and measures the flow', () => {
    const e = epic('INFRA-1');
    const items = [e, child('INFRA-2', e)];
    const pulls = [
      pull('acme/web', 1, { jiraKeys: ['INFRA-2'] }),
      pull('acme/web', 2, { jiraKeys: ['INFRA-1'], state: 'draft' }),
      // Waiting: reviewers requested, opened 5 days ago.
      pull('acme/web', 3, {
        jiraKeys: ['INFRA-2'],
        requestedReviewers: 1,
        createdAt: '2026-11-20T12:00:00.000Z',
      }),
      // Merged this week after 10 h, and last week after 30 h.
      pull('acme/web', 4, {
        jiraKeys: ['INFRA-2'],
        state: 'merged',
        createdAt: '2026-11-23T00:00:00.000Z',
        mergedAt: '2026-11-23T10:00:00.000Z',
      }),
      pull('acme/web', 5, {
        jiraKeys: ['INFRA-2'],
        state: 'merged',
        createdAt: '2026-11-16T00:00:00.000Z',
        mergedAt: '2026-11-17T06:00:00.000Z',
      }),
      // Another project's key; and a keyless PR in the project's repository.
      pull('acme/web', 6, { jiraKeys: ['CORE-1'] }),
      pull('acme/web', 7),
    ];
    const p = get(
      rollupsOf(
        hierarchyOf(project('p', { epics: ['INFRA-1'], repos: ['acme/web'] })),
        data({ jira: items, pulls }),
      ),
      'p',
    );
    expect(p.pullRequests).toEqual({
      open: 4,
      draft: 1,
      mergedThisWeek: 1,
      medianHoursToMerge: 20,
      waitingForReview: 1,
      withoutJiraKey: 1,
    });
    expect(p.risks.top.find((r) => r.kind === 'pr-waiting')).toMatchObject({
      ref: 'acme/web#3',
      detail: 'waiting for review for 5 days',
    });
  });
});

describe('dates, health and aggregation', () => {
  it('counts date slips from the target history', () => {
    const history: NodeHistory = {
      targetDates: (id) =>
        id === 'p'
          ? [
              { targetDate: '2027-01-15', seenOn: '2026-09-01' },
              { targetDate: '2027-01-31', seenOn: '2026-10-01' },
              { targetDate: '2027-01-20', seenOn: '2026-10-15' },
              { targetDate: '2027-02-10', seenOn: '2026-11-20' },
            ]
          : [],
      baselines: () => ({ weekStart: null, first: null }),
    };
    const p = get(
      rollupsOf(
        hierarchyOf(project('p', { epics: ['INFRA-1'], targetDate: '2027-02-10' })),
        data({}),
        history,
      ),
      'p',
    );
    expect(p.dates.slips).toEqual([
      { from: '2027-01-15', to: '2027-01-31', on: '2026-10-01', days: 16 },
      { from: '2027-01-20', to: '2027-02-10', on: '2026-11-20', days: 21 },
    ]);
    expect(p.dates).toMatchObject({ slipCount: 2, slipDays: 37, targetDate: '2027-02-10' });
  });

  it('turns a target in the past red and flags a declared status that disagrees', () => {
    const e = epic('INFRA-1');
    const items = [e, child('INFRA-2', e), doneChild('INFRA-3', e, '2026-11-10T10:00:00.000Z')];
    const p = get(
      rollupsOf(
        hierarchyOf(
          project('p', { epics: ['INFRA-1'], targetDate: '2026-11-01', declaredStatus: 'green' }),
        ),
        data({ jira: items }),
      ),
      'p',
    );
    expect(p.forecast.probOnTime).toBe(0);
    expect(p.health).toBe('red');
    expect(p.declaredStatus).toBe('green');
    expect(p.healthDisagrees).toBe(true);
  });

  it('aggregates a program: sums, size-weighted progress, latest child P85, worst health', () => {
    const a = epic('A-1');
    const b = epic('B-1');
    const weekly = (parent: typeof a, prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        doneChild(
          `${prefix}-${100 + i}`,
          parent,
          new Date(Date.parse('2026-09-01T10:00:00Z') + i * 3 * 86_400_000).toISOString(),
        ),
      );
    const items = [
      a,
      b,
      ...weekly(a, 'A', 24),
      child('A-2', a),
      ...weekly(b, 'B', 24),
      ...Array.from({ length: 30 }, (_, i) => child(`B-${i + 2}`, b)),
    ];
    const hierarchy: Hierarchy = {
      bets: [
        bet('bet', [
          program(
            'prog',
            [
              project('pa', { epics: ['A-1'], targetDate: '2027-06-01' }),
              project('pb', { epics: ['B-1'], targetDate: '2026-12-10' }),
            ],
            { targetDate: '2027-06-01' },
          ),
        ]),
      ],
    };
    const map = rollupsOf(hierarchy, data({ jira: items }));
    const pa = get(map, 'pa');
    const pb = get(map, 'pb');
    const prog = get(map, 'prog');
    expect(prog.counts.total).toBe(pa.counts.total + pb.counts.total);
    expect(prog.progress.byCount).toBeCloseTo(48 / 79);
    expect(prog.forecast.p85).toBe([pa.forecast.p85, pb.forecast.p85].sort().at(-1));
    expect(pa.health).toBe('green');
    expect(pb.health).toBe('red');
    expect(prog.health).toBe('red');
    expect(prog.children).toEqual(['pa', 'pb']);
    expect(prog.forecast.remaining).toBe(31);
    expect(prog.forecast.probOnTime).not.toBeNull();
    expect(get(map, 'bet').counts.total).toBe(prog.counts.total);
    expect(prog.links.all.jql).toBe(`(${pa.links.all.jql}) OR (${pb.links.all.jql})`);
  });

  it('gives a program whose projects have no targets no data, with the latest due date rolled up', () => {
    const e = epic('INFRA-1');
    const items = [
      e,
      child('INFRA-2', e, { dueDate: '2027-03-01' }),
      doneChild('INFRA-3', e, '2026-11-10T10:00:00.000Z'),
    ];
    const map = rollupsOf(
      hierarchyOf(project('p1', { epics: ['INFRA-1'] }), project('p2', { epics: ['INFRA-9'] })),
      data({ jira: items }),
    );
    const prog = get(map, 'prog');
    expect(get(map, 'p1').forecast.p50).not.toBeNull();
    expect(get(map, 'p1').health).toBe('no-data');
    expect(prog.health).toBe('no-data');
    expect(prog.forecast.probOnTime).toBeNull();
    expect(prog.dates).toMatchObject({
      targetDate: null,
      rolledUpDate: '2027-03-01',
      slipCount: 0,
    });
  });
});

describe('scope and incremental recompute', () => {
  it('moves an item between epics: out of one project, into the other, same as a full recompute', () => {
    const a = epic('A-1');
    const b = epic('B-1');
    const moving = child('A-2', a);
    const items = [a, b, moving, child('A-3', a), child('B-2', b)];
    const hierarchy = hierarchyOf(
      project('pa', { epics: ['A-1'] }),
      project('pb', { epics: ['B-1'] }),
    );
    const baselineRefs: Record<string, string[]> = {
      pa: [`jira:${moving.id}`, `jira:${items[3]!.id}`],
      pb: [`jira:${items[4]!.id}`],
    };
    const history: NodeHistory = {
      targetDates: () => [],
      baselines: (id) => ({
        weekStart: { day: '2026-11-22', itemRefs: baselineRefs[id] ?? [] },
        first: { day: '2026-11-01', itemRefs: baselineRefs[id] ?? [] },
      }),
    };
    const engine = new RollupEngine(hierarchy, SETTINGS, data({ jira: items }));
    engine.setHistory(history);
    engine.recompute(NOW);
    engine.forecast(NOW);
    const moved = {
      ...moving,
      key: 'B-3',
      parentId: b.id,
      parentKey: 'B-1',
      statusCategory: 'in_progress' as const,
    };
    const touched = engine.applyChanges({ jira: [moved] });
    expect([...touched].sort()).toEqual([0, 1]);
    engine.recompute(NOW, touched);
    engine.forecast(NOW, touched);
    const incremental = engine.rollups(NOW).byId;
    expect(get(incremental, 'pa').counts.total).toBe(1);
    expect(get(incremental, 'pb').counts).toMatchObject({ total: 2, inProgress: 1 });
    expect(get(incremental, 'pa').scope).toMatchObject({
      addedThisWeek: 0,
      removedThisWeek: 1,
      firstSnapshotDay: '2026-11-01',
    });
    expect(get(incremental, 'pb').scope).toMatchObject({
      addedThisWeek: 1,
      removedThisWeek: 0,
      addedSinceFirstSnapshot: 1,
    });

    const full = rollupsOf(hierarchy, data({ jira: [a, b, moved, items[3]!, items[4]!] }), history);
    expect(JSON.parse(JSON.stringify([...incremental]))).toEqual(
      JSON.parse(JSON.stringify([...full])),
    );
  });

  it('drops a removed item and keeps untouched projects untouched', () => {
    const a = epic('A-1');
    const b = epic('B-1');
    const gone = child('A-2', a);
    const items = [a, b, gone, child('B-2', b)];
    const engine = new RollupEngine(
      hierarchyOf(project('pa', { epics: ['A-1'] }), project('pb', { epics: ['B-1'] })),
      SETTINGS,
      data({ jira: items }),
    );
    engine.recompute(NOW);
    engine.forecast(NOW);
    const touched = engine.applyChanges({ removedJira: [gone.id] });
    expect([...touched]).toEqual([0]);
    engine.recompute(NOW, touched);
    const after = engine.rollups(NOW).byId;
    expect(get(after, 'pa').counts.total).toBe(0);
    expect(get(after, 'pb').counts.total).toBe(1);
  });
});
