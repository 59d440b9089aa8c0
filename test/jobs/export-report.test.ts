import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../src/db/open.js';
import { ExportReportPayload, exportReportJob } from '../../src/jobs/export-report.js';
import type { JobContext } from '../../src/jobs/types.js';
import { ManualClock } from '../../src/lib/clock.js';
import { createSeededDb, type SeededDb } from '../report/fixtures/seeded-db.js';
import { jobContext } from '../helpers/job-context.js';

let seeded: SeededDb;
beforeAll(() => {
  seeded = createSeededDb();
});
afterAll(() => {
  closeDatabase(seeded.db);
});

function context(now: string, outDir: string): JobContext {
  return jobContext({
    config: { ...seeded.org.config, report: { outDir, formats: ['md', 'html', 'csv', 'json'] } },
    hierarchy: seeded.org.hierarchy,
    clock: new ManualClock(now),
    db: seeded.db,
  });
}

describe('export-report job', () => {
  it('runs on the report queue and validates its payload', () => {
    expect(exportReportJob.queue).toBe('report');
    expect(ExportReportPayload.safeParse({}).success).toBe(true);
    expect(
      ExportReportPayload.safeParse({ week: '2026-W48', formats: ['md'], outDir: 'x' }).success,
    ).toBe(true);
    expect(ExportReportPayload.safeParse({ week: '2026-W54' }).success).toBe(false);
    expect(ExportReportPayload.safeParse({ week: '2026-48' }).success).toBe(false);
    expect(ExportReportPayload.safeParse({ formats: ['pdf'] }).success).toBe(false);
    expect(ExportReportPayload.safeParse({ formats: [] }).success).toBe(false);
    expect(ExportReportPayload.safeParse({ weak: '2026-W48' }).success).toBe(false);
  });

  it('on a Monday morning, writes last week’s report in every configured format to report.outDir', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'ns-job-'));
    const result = await exportReportJob.handle({}, context('2026-11-30T08:00:00Z', outDir));
    expect(result.week).toBe('2026-W48');
    expect(result.asOf).toBe('2026-11-29');
    expect(readdirSync(outDir).sort()).toEqual([
      'northstar-2026-W48.csv',
      'northstar-2026-W48.html',
      'northstar-2026-W48.json',
      'northstar-2026-W48.md',
    ]);
  });

  it('midweek, reports the current week so far; the payload overrides week, formats and outDir', async () => {
    const configured = mkdtempSync(join(tmpdir(), 'ns-job-'));
    const wednesday = await exportReportJob.handle({}, context('2026-11-25T12:00:00Z', configured));
    expect(wednesday.week).toBe('2026-W48');
    expect(wednesday.asOf).toBe('2026-11-29');
    const chosen = mkdtempSync(join(tmpdir(), 'ns-job-'));
    const old = await exportReportJob.handle(
      { week: '2026-W46', formats: ['csv'], outDir: chosen },
      context('2026-11-25T12:00:00Z', configured),
    );
    expect(old).toMatchObject({ week: '2026-W46', asOf: '2026-11-15', projects: 8 });
    expect(readdirSync(chosen)).toEqual(['northstar-2026-W46.csv']);
  });
});
