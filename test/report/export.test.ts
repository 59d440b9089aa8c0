import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../src/db/open.js';
import { exportReport, writeFileAtomically } from '../../src/report/export.js';
import type { ReportModel } from '../../src/report/model-types.js';
import { createSeededDb, type SeededDb } from './fixtures/seeded-db.js';
import { reportOf } from './fixtures/report-of.js';

let seeded: SeededDb;
let model: ReportModel;
beforeAll(() => {
  seeded = createSeededDb();
  model = reportOf(seeded, '2026-W48');
});
afterAll(() => {
  closeDatabase(seeded.db);
});

describe('exportReport', () => {
  it('writes the chosen formats as northstar-<week>.<ext>, once each, and nothing else', () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'ns-export-')), 'nested', 'reports');
    const files = exportReport({ model, formats: ['html', 'csv', 'html'], outDir });
    expect(files).toEqual([
      join(outDir, 'northstar-2026-W48.html'),
      join(outDir, 'northstar-2026-W48.csv'),
    ]);
    expect(readdirSync(outDir).sort()).toEqual([
      'northstar-2026-W48.csv',
      'northstar-2026-W48.html',
    ]);
    expect(readFileSync(files[0] ?? '', 'utf8')).toContain('<!doctype html>');
  });

  it('replaces an earlier export whole', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'ns-export-'));
    exportReport({ model: { ...model, generatedAt: 'first' }, formats: ['json'], outDir });
    const [file] = exportReport({ model, formats: ['json'], outDir });
    expect((JSON.parse(readFileSync(file ?? '', 'utf8')) as ReportModel).generatedAt).toBe(
      model.generatedAt,
    );
    expect(readdirSync(outDir)).toEqual(['northstar-2026-W48.json']);
  });

  it('leaves no temporary file behind when the final rename fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ns-export-'));
    const target = join(dir, 'taken');
    mkdirSync(target);
    expect(() => {
      writeFileAtomically(target, 'x');
    }).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
