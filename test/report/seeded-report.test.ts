/**
 * Content of every format for the seeded org (2 bets, 4 programs, 8 projects, 8 weeks of daily
 * snapshots in a real SQLite file): the numbers a reader sees are the stored rollups' numbers, the
 * week's changes are the simulated items' changes, and every count links to its search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../src/db/open.js';
import type { HierarchyLevel } from '../../src/domain/hierarchy.js';
import type { Health, Rollup } from '../../src/domain/rollup.js';
import { CSV_COLUMNS, renderCsv } from '../../src/report/csv.js';
import { escapeHtml } from '../../src/report/escape.js';
import { formatPercent } from '../../src/report/format.js';
import { renderHtml, REPORT_CSP } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { githubSearchUrl, jiraSearchUrl } from '../../src/report/links.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { markdownLink } from '../../src/report/markdown-text.js';
import type { ReportModel } from '../../src/report/model-types.js';
import { walkNodes } from '../../src/report/tree.js';
import {
  linkTargets,
  mentionsIn,
  renderMarkdown as renderWithMarkdownIt,
} from '../writeback/helpers/markdown.js';
import { createSeededDb, type SeededDb } from './fixtures/seeded-db.js';
import { JIRA_SITE, XSS_TITLE } from './fixtures/org-spec.js';
import { findNode, itemOracle, parseCsv, reportOf, storedRollups } from './fixtures/report-of.js';

const WEEK = '2026-W48';
let seeded: SeededDb;
let model: ReportModel;
let stored: Map<string, Rollup>;
let before: Map<string, Rollup>;

beforeAll(() => {
  seeded = createSeededDb();
  model = reportOf(seeded, WEEK);
  stored = storedRollups(seeded, '2026-11-29');
  before = storedRollups(seeded, '2026-11-22');
});
afterAll(() => {
  closeDatabase(seeded.db);
});

function rollup(id: string): Rollup {
  const r = stored.get(id);
  if (!r) throw new Error(`no stored rollup for ${id}`);
  return r;
}

const projectIds = (): string[] => [...seeded.org.items.keys()];

describe('report model for the seeded org', () => {
  it('takes each node from its last snapshot in the week and compares with the week before', () => {
    expect(model.asOf).toBe('2026-11-29');
    expect(model.comparedWith).toBe('2026-11-22');
    const nodes = walkNodes(model.bets);
    expect(nodes).toHaveLength(14);
    for (const node of nodes) {
      expect(node.rollup, node.id).toEqual(rollup(node.id));
      expect(node.health).toBe(rollup(node.id).health);
      expect(node.week.previousHealth).toBe(before.get(node.id)?.health ?? null);
    }
  });

  it('measures done, added and removed per project exactly as the items changed', () => {
    for (const id of projectIds()) {
      const node = findNode(model, id);
      if (id === 'access-reviews') {
        // Its history starts mid-week: nothing to compare with.
        expect(node.week.hasBaseline).toBe(false);
        continue;
      }
      const oracle = itemOracle(seeded.org.items.get(id) ?? [], WEEK);
      const refs = (c: { items: { ref: string }[] }): string[] => c.items.map((i) => i.ref).sort();
      expect(refs(node.week.done), `${id} done`).toEqual([...oracle.done].sort());
      expect(refs(node.week.added), `${id} added`).toEqual([...oracle.added].sort());
      expect(refs(node.week.removed), `${id} removed`).toEqual([...oracle.removed].sort());
    }
  });

  it('summarises health by level, health changes, slips and org-wide changes', () => {
    const tally = (level: HierarchyLevel): Record<Health, number> => {
      const t = { green: 0, amber: 0, red: 0, 'no-data': 0 };
      for (const r of stored.values()) if (r.level === level) t[r.health] += 1;
      return t;
    };
    expect(model.summary.health).toEqual({
      bet: tally('bet'),
      program: tally('program'),
      project: tally('project'),
    });
    const expectedChanges = [...stored.values()]
      .filter((r) => before.get(r.id) && before.get(r.id)?.health !== r.health)
      .map((r) => r.id)
      .sort();
    expect(model.summary.healthChanges.map((c) => c.id).sort()).toEqual(expectedChanges);
    expect(model.summary.healthChanges).toContainEqual(
      expect.objectContaining({ id: 'invoice-api', from: 'amber', to: 'green' }),
    );
    const done = projectIds()
      .filter((id) => id !== 'access-reviews')
      .reduce((n, id) => n + itemOracle(seeded.org.items.get(id) ?? [], WEEK).done.length, 0);
    expect(model.summary.doneThisWeek).toBe(done);
    expect(model.summary.slipsThisWeek).toBe(1);
    expect(findNode(model, 'invoice-api').week.slips).toEqual([
      { on: '2026-11-25', from: '2027-01-08', to: '2027-02-12', days: 35 },
    ]);
    const projects = [...stored.values()].filter((r) => r.level === 'project');
    expect(model.summary.pullRequests.open).toBe(
      projects.reduce((n, r) => n + r.pullRequests.open, 0),
    );
  });

  it('links every count to the search the rollup names, and week changes to exact issue lists', () => {
    const r = rollup('scheduler-rewrite');
    const node = findNode(model, 'scheduler-rewrite');
    expect(node.counts.total.jiraUrl).toBe(jiraSearchUrl(JIRA_SITE, r.links.all.jql ?? ''));
    expect(node.counts.done.githubUrl).toBe(
      githubSearchUrl('https://github.com', r.links.done.githubQuery ?? ''),
    );
    expect(node.pullRequests.draft.githubUrl).toBe(
      githubSearchUrl('https://github.com', 'repo:acme/scheduler is:pr is:open draft:true'),
    );
    const keys = node.week.done.items.map((i) => i.label).join(', ');
    expect(node.week.done.count.jiraUrl).toBe(jiraSearchUrl(JIRA_SITE, `issue in (${keys})`));
    expect(node.week.done.items.find((i) => i.title === XSS_TITLE)?.url).toBe(
      'https://acme.atlassian.net/browse/INFRA-101',
    );
  });
});

describe('Markdown', () => {
  let md: string;
  beforeAll(() => {
    md = renderMarkdown(model);
  });

  it('shows each project with its rollup numbers, each count linked to its Jira search', () => {
    for (const id of projectIds()) {
      const r = rollup(id);
      const line = md.split('\n').find((l) => l.startsWith(`| ↳ ${r.name} `));
      expect(line, id).toBeDefined();
      expect(line).toContain(formatPercent(r.progress.byCount));
      if (r.links.all.jql !== null) {
        expect(line).toContain(
          markdownLink(String(r.counts.total), jiraSearchUrl(JIRA_SITE, r.links.all.jql)),
        );
      } else {
        expect(line).toContain(
          markdownLink(
            String(r.counts.total),
            githubSearchUrl('https://github.com', r.links.all.githubQuery ?? ''),
          ),
        );
      }
    }
  });

  it('opens with the health table and the week in numbers', () => {
    const t = model.summary.health.project;
    expect(md).toContain(`| Projects | ${t.green} | ${t.amber} | ${t.red} | ${t['no-data']} |`);
    expect(md).toContain(
      `**This week:** ${model.summary.doneThisWeek} items done · ${model.summary.addedThisWeek} added · ${model.summary.removedThisWeek} removed · 1 date slip ·`,
    );
    expect(md).toContain('- Invoice API & PDFs (project): 🟠 Amber → 🟢 Green');
    expect(md).toContain('- Date slip: 8 Jan 2027 → 12 Feb 2027 (35 d later)');
  });

  it('renders (CommonMark + GFM, raw HTML allowed) to no tags, only http(s) links, no pings', () => {
    const rendered = renderWithMarkdownIt(md);
    expect(rendered).not.toMatch(/<img|<script/i);
    expect(rendered).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // linkify turns the owners' e-mail addresses (from config) into mailto: links; nothing else.
    expect(linkTargets(rendered).filter((url) => !/^(https:\/\/|mailto:)/.test(url))).toEqual([]);
    expect(mentionsIn(rendered)).toEqual([]);
    // Every project row is still one table row: no pipe in a title broke a table.
    expect(rendered.match(/<tr>/g)?.length).toBeGreaterThan(14);
  });

  it('keeps Jira text as text: no HTML, no pings', () => {
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('Ask @\u200bsre-team about the \\*rollout\\* \\[draft\\]');
    expect(md).toContain('li@example.com');
  });
});

describe('HTML', () => {
  let page: string;
  beforeAll(() => {
    page = renderHtml(model);
  });

  it('is self-contained: a strict CSP, no scripts, nothing loaded from anywhere', () => {
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}" />`,
    );
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(page).not.toMatch(/<[^>]*\ssrc=/);
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) {
      expect(href).toMatch(/^(#|https:\/\/acme\.atlassian\.net\/|https:\/\/github\.com\/)/);
    }
  });

  it('shows the Jira title with markup as text', () => {
    expect(page).toContain(escapeHtml(XSS_TITLE));
    expect(page).not.toContain(XSS_TITLE);
  });

  it('links each project count to its search and draws a burn-up per project', () => {
    for (const id of projectIds()) {
      const r = rollup(id);
      const url = escapeHtml(
        r.links.all.jql !== null
          ? jiraSearchUrl(JIRA_SITE, r.links.all.jql)
          : githubSearchUrl('https://github.com', r.links.all.githubQuery ?? ''),
      );
      const linked = new RegExp(
        `href="${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>\\s*${r.counts.total}\\s*</a`,
      );
      expect(page, id).toMatch(linked);
    }
    expect(page.match(/<article class="burnup-card">/g)).toHaveLength(8);
    expect(page.match(/class="cone"/g)?.length).toBeGreaterThanOrEqual(6);
  });
});

describe('CSV', () => {
  it('has one row per bet, program and project with stable columns and the rollup numbers', () => {
    const text = renderCsv(model);
    expect(text.startsWith('\ufeff')).toBe(true);
    const [head, ...rows] = parseCsv(text.slice(1));
    expect(head).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(14);
    const col = (row: string[], name: (typeof CSV_COLUMNS)[number]): string =>
      row[CSV_COLUMNS.indexOf(name)] ?? '';
    for (const row of rows) {
      const id = col(row, 'id');
      const r = rollup(id);
      expect(col(row, 'level')).toBe(r.level);
      expect(col(row, 'health')).toBe(r.health);
      expect(Number(col(row, 'items_total'))).toBe(r.counts.total);
      expect(Number(col(row, 'items_done'))).toBe(r.counts.done);
      expect(Number(col(row, 'progress_by_count_pct'))).toBeCloseTo(r.progress.byCount * 100, 1);
      expect(col(row, 'forecast_p85')).toBe(r.forecast.p85 ?? '');
      expect(col(row, 'target_date')).toBe(r.dates.targetDate ?? '');
      if (r.level === 'project' && id !== 'access-reviews') {
        const oracle = itemOracle(seeded.org.items.get(id) ?? [], WEEK);
        expect(Number(col(row, 'done_this_week')), id).toBe(oracle.done.length);
      }
    }
    const access = rows.find((row) => col(row, 'id') === 'access-reviews') ?? [];
    expect(col(access, 'done_this_week')).toBe('');
    expect(col(access, 'program_id')).toBe('compliance');
  });
});

describe('JSON', () => {
  it('holds the full tree with each node’s stored rollup', () => {
    const json = JSON.parse(renderJson(model)) as ReportModel;
    expect(json.schemaVersion).toBe(1);
    expect(json.week).toBe(WEEK);
    expect(json.bets.map((b) => b.id)).toEqual(['ai-ready-infra', 'self-serve-billing']);
    expect(json.bets[0]?.children.map((p) => p.children.map((c) => c.id))).toEqual([
      ['scheduler-rewrite', 'node-images'],
      ['inference-gateway', 'feature-store'],
    ]);
    for (const node of walkNodes(json.bets)) expect(node.rollup).toEqual(rollup(node.id));
    expect(json.summary).toEqual(model.summary);
    expect(findNode(json, 'scheduler-rewrite').burnup?.points).toHaveLength(56);
  });
});
