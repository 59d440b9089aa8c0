/**
 * Reports that must still render: a week with no data, an empty database, projects without a
 * target or without history, a configured project that has never been rolled up, an old week.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeeklyReport } from '../../src/jobs/export-report.js';
import { closeDatabase, openDatabase, type Db } from '../../src/db/open.js';
import type { Hierarchy, Project } from '../../src/domain/hierarchy.js';
import { ManualClock } from '../../src/lib/clock.js';
import { CSV_COLUMNS, renderCsv } from '../../src/report/csv.js';
import { RENDERERS } from '../../src/report/export.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ReportModel } from '../../src/report/model-types.js';
import { walkNodes } from '../../src/report/tree.js';
import { createSeededDb, type SeededDb } from './fixtures/seeded-db.js';
import { findNode, GENERATED_AT, parseCsv, reportOf, storedRollups } from './fixtures/report-of.js';
import { buildSeededOrg } from './fixtures/seeded-org.js';

let seeded: SeededDb;
beforeAll(() => {
  seeded = createSeededDb();
});
afterAll(() => {
  closeDatabase(seeded.db);
});

function renderAll(model: ReportModel): Record<string, string> {
  return Object.fromEntries(
    Object.entries(RENDERERS).map(([format, render]) => [format, render(model)]),
  );
}

describe('a week without data', () => {
  it('renders every format from an empty database, with the tree and no numbers', () => {
    const db: Db = openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'ns-empty-')), 'e.db') });
    try {
      const org = buildSeededOrg();
      const model = buildWeeklyReport(
        { db, config: org.config, hierarchy: org.hierarchy, clock: new ManualClock(GENERATED_AT) },
        '2026-W48',
      );
      expect(model.asOf).toBeNull();
      expect(model.comparedWith).toBeNull();
      expect(walkNodes(model.bets).every((n) => n.health === 'no-data' && n.rollup === null)).toBe(
        true,
      );
      const out = renderAll(model);
      expect(out['html']).toContain('No rollup snapshots for 2026-W48.');
      expect(out['html']).toContain('No snapshots yet');
      expect(out['html']).not.toMatch(/<path class="(done|scope|cone)"/);
      expect(out['md']).toContain('**No rollup snapshots for this week.**');
      expect(out['md']).toContain('No earlier snapshot to compare with.');
      expect(parseCsv((out['csv'] ?? '').slice(1))).toHaveLength(15);
      expect((JSON.parse(out['json'] ?? '') as ReportModel).summary.doneThisWeek).toBeNull();
    } finally {
      closeDatabase(db);
    }
  });

  it('after the last snapshot: no numbers this week, but the baseline is named', () => {
    const model = reportOf(seeded, '2026-W49');
    expect(model.asOf).toBeNull();
    expect(model.comparedWith).toBe('2026-11-29');
    expect(model.summary.doneThisWeek).toBeNull();
    expect(renderMarkdown(model)).toContain(
      '| ↳ Scheduler rewrite · li@example.com | ⚪ No data |',
    );
  });

  it('before the first snapshot: nothing at all', () => {
    const model = reportOf(seeded, '2026-W30');
    expect(model.asOf).toBeNull();
    expect(model.comparedWith).toBeNull();
    expect(renderHtml(model)).toContain('No rollup snapshots for 2026-W30.');
  });
});

describe('an old week', () => {
  it('re-exports from that week’s snapshots, the same every time', () => {
    const model = reportOf(seeded, '2026-W45');
    expect(model.asOf).toBe('2026-11-08');
    expect(model.comparedWith).toBe('2026-11-01');
    const stored = storedRollups(seeded, '2026-11-08');
    for (const node of walkNodes(model.bets)) {
      if (node.id === 'access-reviews') expect(node.rollup).toBeNull();
      else expect(node.rollup, node.id).toEqual(stored.get(node.id));
    }
    expect(findNode(model, 'scheduler-rewrite').burnup?.points.at(-1)?.day).toBe('2026-11-08');
    expect(renderAll(reportOf(seeded, '2026-W45'))).toEqual(renderAll(model));
  });
});

describe('projects without a target or without history', () => {
  let model: ReportModel;
  beforeAll(() => {
    model = reportOf(seeded, '2026-W48');
  });

  it('no target: no-data health, "no target" in every human format, empty CSV cell', () => {
    const node = findNode(model, 'feature-store');
    expect(node.rollup?.dates.targetDate).toBeNull();
    expect(node.health).toBe('no-data');
    const md = renderMarkdown(model);
    expect(md.split('\n').find((l) => l.startsWith('| ↳ Feature store v2'))).toContain('no target');
    expect(renderHtml(model)).toMatch(/data-label="Target">\s*no target/);
    const rows = parseCsv(renderCsv(model).slice(1));
    const row = rows.find((r) => r[CSV_COLUMNS.indexOf('id')] === 'feature-store');
    expect(row?.[CSV_COLUMNS.indexOf('target_date')]).toBe('');
    expect(row?.[CSV_COLUMNS.indexOf('health')]).toBe('no-data');
  });

  it('no history: no forecast, no baseline, and a burn-up from its few days', () => {
    const node = findNode(model, 'access-reviews');
    expect(node.rollup?.forecast.p85).toBeNull();
    expect(node.week.hasBaseline).toBe(false);
    expect(node.burnup?.points.map((p) => p.day)).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    const md = renderMarkdown(model);
    const line = md.split('\n').find((l) => l.startsWith('| ↳ Access reviews')) ?? '';
    expect(line).toContain('no forecast');
    expect(line.split(' | ')[4]).toBe('—');
  });

  it('a configured project that was never rolled up renders with a placeholder', () => {
    const extra: Project = {
      level: 'project',
      id: 'brand-new',
      name: 'Brand new project',
      owner: null,
      targetDate: null,
      declaredStatus: null,
      jiraIssue: null,
      trackingIssue: null,
      programId: 'compliance',
      betId: 'self-serve-billing',
      jira: { epics: [], jql: null },
      github: { repos: [], labels: [], milestones: [], trackingIssue: null },
    };
    const hierarchy: Hierarchy = structuredClone(seeded.org.hierarchy);
    hierarchy.bets[1]?.programs[1]?.projects.push(extra);
    const withExtra = buildWeeklyReport(
      {
        db: seeded.db,
        config: seeded.org.config,
        hierarchy,
        clock: new ManualClock(GENERATED_AT),
      },
      '2026-W48',
    );
    const node = findNode(withExtra, 'brand-new');
    expect(node.rollup).toBeNull();
    expect(node.burnup?.points).toEqual([]);
    const page = renderHtml(withExtra);
    expect(page).toContain('Brand new project');
    expect(page).toMatch(/data-label="Progress">no snapshot this week/);
    expect(renderMarkdown(withExtra)).toContain(
      '| ↳ Brand new project | ⚪ No data | no snapshot |',
    );
  });
});
