import { describe, expect, it } from 'vitest';
import { adfToText } from '../../../src/writeback/adf/text.js';
import { validateAdf } from '../../../src/writeback/adf/validate.js';
import { renderComment } from '../../../src/writeback/render/index.js';
import { renderJiraComment } from '../../../src/writeback/render/jira.js';
import { hasFooter, JIRA_PROPERTY_KEY } from '../../../src/writeback/render/marker.js';
import { buildCommentModel, type CommentModel } from '../../../src/writeback/render/model.js';
import {
  hostileRollup,
  HOSTILE_TEXTS,
  projectRollup,
  projectRollupWeekBefore,
  SITES,
} from '../fixtures/rollups.js';
import { jiraRequestValidator, readOnlyProperties } from '../helpers/jira-spec.js';

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

type Node = Record<string, unknown> & {
  content?: Node[];
  marks?: Node[];
  attrs?: Record<string, unknown>;
};

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

describe('renderJiraComment', () => {
  it('renders the project summary as ADF (snapshot)', async () => {
    const adf = renderJiraComment(model());
    await expect(`${JSON.stringify(adf, null, 2)}\n`).toMatchFileSnapshot(
      '../__snapshots__/jira-project.adf.json',
    );
    await expect(`${adfToText(adf)}\n`).toMatchFileSnapshot('../__snapshots__/jira-project.txt');
  });

  it('is valid ADF and a valid comment request per the Jira spec', () => {
    const adf = renderJiraComment(model());
    expect(validateAdf(adf)).toEqual({ valid: true, problems: [] });
    const body = {
      body: adf,
      properties: [{ key: JIRA_PROPERTY_KEY, value: { nodeId: 'x', contentHash: 'h' } }],
    };
    const create = jiraRequestValidator('/rest/api/3/issue/{issueIdOrKey}/comment', 'post');
    expect(create(body), JSON.stringify(create.errors)).toBe(true);
    const update = jiraRequestValidator('/rest/api/3/issue/{issueIdOrKey}/comment/{id}', 'put');
    expect(update(body), JSON.stringify(update.errors)).toBe(true);
    for (const key of readOnlyProperties('Comment')) expect(body).not.toHaveProperty(key);
  });

  it('shows health as a status lozenge and links counts to JQL searches', () => {
    const adf = renderJiraComment(model()) as unknown as Node;
    const statuses: unknown[] = [];
    const hrefs: string[] = [];
    walk(adf, (n) => {
      if (n['type'] === 'status') statuses.push(n.attrs);
      for (const m of n.marks ?? [])
        if (m['type'] === 'link') hrefs.push(String(m.attrs?.['href']));
    });
    expect(statuses[0]).toEqual({ text: 'At risk', color: 'yellow' });
    expect(hrefs).toContain(
      'https://acme.atlassian.net/issues/?jql=parent%20in%20%28INFRA-123%2C%20INFRA-130%29%20AND%20statusCategory%20%3D%20%22To%20Do%22',
    );
    expect(hrefs).toContain('https://acme.atlassian.net/browse/INFRA-141');
    expect(hasFooter(adfToText(adf), 'scheduler-rewrite')).toBe(true);
    expect(hasFooter(adfToText(adf), 'scheduler')).toBe(false);
  });

  it('is valid for every health and for empty data', () => {
    for (const health of ['green', 'amber', 'red', 'no-data'] as const) {
      const m = model({
        rollup: projectRollup({ health, risks: { ...projectRollup().risks, top: [] } }),
        previous: null,
        program: null,
        bet: null,
      });
      expect(validateAdf(renderJiraComment(m)).problems).toEqual([]);
    }
    const bet = model({
      rollup: projectRollup({ level: 'bet', id: 'ai-ready-infra' }),
      children: [{ name: 'GPU fleet migration', health: 'red' }],
    });
    expect(validateAdf(renderJiraComment(bet)).problems).toEqual([]);
    expect(adfToText(renderJiraComment(bet))).toContain(
      '#### Programs\n- [Off track] GPU fleet migration',
    );
  });

  it('puts hostile text only into plain text nodes', () => {
    const adf = renderJiraComment(model({ rollup: hostileRollup(), maxRisks: 50 }));
    expect(validateAdf(adf)).toEqual({ valid: true, problems: [] });
    const types = new Set<string>();
    const hrefs: string[] = [];
    walk(adf as unknown as Node, (n) => {
      types.add(String(n['type']));
      for (const m of n.marks ?? [])
        if (m['type'] === 'link') hrefs.push(String(m.attrs?.['href']));
    });
    // No mention, no inline card, no emoji: nothing that pings or embeds.
    expect([...types].sort()).toEqual(
      [
        'bulletList',
        'doc',
        'heading',
        'listItem',
        'paragraph',
        'rule',
        'status',
        'table',
        'tableCell',
        'tableHeader',
        'tableRow',
        'text',
      ].sort(),
    );
    expect(hrefs.every((h) => h.startsWith('https://'))).toBe(true);
    const text = adfToText(adf);
    for (const hostile of HOSTILE_TEXTS) expect(text).toContain(hostile);
  });

  it('hashes everything but the data time', () => {
    const a = renderComment('jira', model());
    const b = renderComment('jira', model({ dataAsOf: '2026-12-01T00:00:00.000Z' }));
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.body).not.toBe(b.body);
    expect(JSON.parse(a.body)).toEqual(renderJiraComment(model()));
  });
});
