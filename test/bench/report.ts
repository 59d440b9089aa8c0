/**
 * Benchmark: generate every report format for an org of 500 projects (scale `full`) or the
 * 8-project seeded org (scale `small`), from a real SQLite file holding 13 weeks of daily
 * snapshots (8 for `small`). The seeding is not timed; `allFormatsMs` is one whole
 * `generateReport` — read the snapshots, build the model, render md/html/csv/json, write the four
 * files — as the median of three runs after a first (cold) run.
 *
 * Standalone: `node --import tsx test/bench/report.ts` prints both scales as JSON.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeDatabase } from '../../src/db/open.js';
import { buildWeeklyReport, generateReport } from '../../src/jobs/export-report.js';
import { ManualClock } from '../../src/lib/clock.js';
import { RENDERERS } from '../../src/report/export.js';
import { createSeededDb } from '../report/fixtures/seeded-db.js';
import { generatedOrgSpec } from '../report/fixtures/org-spec.js';

export interface ReportBenchResult {
  allFormatsMs: number;
  /** The first run, before anything was warm. */
  coldMs: number;
  /** Median of the phases: reading + building the model, and rendering each format. */
  modelMs: number;
  renderMs: Record<string, number>;
  projects: number;
  snapshotRows: number;
  bytes: Record<string, number>;
  seedMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export async function benchReport(options: {
  scale: 'small' | 'full';
}): Promise<ReportBenchResult> {
  const seedStart = performance.now();
  const seeded = createSeededDb(
    options.scale === 'full'
      ? generatedOrgSpec({ projects: 500, weeks: 13, lastDay: '2026-11-29' })
      : undefined,
  );
  const seedMs = performance.now() - seedStart;
  const deps = {
    db: seeded.db,
    config: seeded.org.config,
    hierarchy: seeded.org.hierarchy,
    clock: new ManualClock('2026-11-30T08:00:00.000Z'),
  };
  const outDir = mkdtempSync(join(tmpdir(), 'ns-bench-report-'));
  const run = (): { ms: number; files: string[] } => {
    const start = performance.now();
    const result = generateReport(deps, { week: '2026-W48', outDir });
    return { ms: performance.now() - start, files: result.files };
  };
  try {
    const cold = run();
    const runs = [run(), run(), run()];
    const modelRuns: number[] = [];
    const renderRuns: Record<string, number[]> = {};
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const model = buildWeeklyReport(deps, '2026-W48');
      modelRuns.push(performance.now() - t0);
      for (const [format, render] of Object.entries(RENDERERS)) {
        const t1 = performance.now();
        render(model);
        (renderRuns[format] ??= []).push(performance.now() - t1);
      }
    }
    const rows = seeded.db.$client
      .prepare<[], { n: number }>('SELECT count(*) AS n FROM rollup_snapshots')
      .get();
    // Yield once so a caller's timers and logs are not starved by the synchronous work above.
    await new Promise((resolve) => setImmediate(resolve));
    return {
      allFormatsMs: round(median(runs.map((r) => r.ms))),
      coldMs: round(cold.ms),
      modelMs: round(median(modelRuns)),
      renderMs: Object.fromEntries(
        Object.entries(renderRuns).map(([format, ms]) => [format, round(median(ms))]),
      ),
      projects: seeded.org.items.size,
      snapshotRows: rows?.n ?? 0,
      bytes: Object.fromEntries(cold.files.map((f) => [extname(f).slice(1), statSync(f).size])),
      seedMs: round(seedMs),
    };
  } finally {
    closeDatabase(seeded.db);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const small = await benchReport({ scale: 'small' });
  const full = await benchReport({ scale: 'full' });
  console.log(JSON.stringify({ node: process.version, small, full }, null, 2));
}
