/**
 * The `report` queue's job: build the weekly report from the stored snapshots and write the
 * chosen formats (default: every format, into `report.outDir`). `northstar report` runs the same
 * `generateReport` directly.
 */
import { z } from 'zod';
import type { NorthstarConfig } from '../config/schema.js';
import type { Db } from '../db/open.js';
import { createReportSnapshotRepository } from '../db/repositories/report-snapshots.js';
import type { Hierarchy } from '../domain/hierarchy.js';
import type { Clock } from '../lib/clock.js';
import { addDays } from '../lib/dates.js';
import { exportReport } from '../report/export.js';
import { githubWebUrl, type SearchSites } from '../report/links.js';
import { buildReportModel } from '../report/model.js';
import type { ReportModel } from '../report/model-types.js';
import { IsoWeek, ReportFormatName } from '../report/options.js';
import { defaultReportWeek, reportWeek } from '../report/week.js';
import type { JobDefinition } from './types.js';

/** The burn-up shows the report week and the twelve before it (the rollup's history window). */
const BURNUP_WEEKS_BEFORE = 12;

export const ExportReportPayload = z.strictObject({
  week: IsoWeek.optional(),
  formats: z.array(ReportFormatName).min(1).optional(),
  outDir: z.string().min(1).optional(),
});
export type ExportReportPayload = z.infer<typeof ExportReportPayload>;

export interface ReportDependencies {
  db: Db;
  config: NorthstarConfig;
  hierarchy: Hierarchy;
  clock: Clock;
}

export interface ReportResult {
  week: string;
  files: string[];
  /** Last snapshot day the report used (null: no data that week). */
  asOf: string | null;
  projects: number;
}

export function searchSites(config: NorthstarConfig): SearchSites {
  return {
    jira: config.jira?.baseUrl ?? null,
    github: config.github ? githubWebUrl(config.github) : null,
  };
}

/** The report model of one week, read from the stored snapshots. */
export function buildWeeklyReport(deps: ReportDependencies, week: string): ReportModel {
  const frame = reportWeek(week);
  const repository = createReportSnapshotRepository(deps.db);
  const data = repository.read({
    weekStart: frame.start,
    weekEnd: frame.end,
    burnupFrom: addDays(frame.start, -7 * BURNUP_WEEKS_BEFORE),
  });
  return buildReportModel({
    week: frame.week,
    generatedAt: deps.clock.now().toISOString(),
    hierarchy: deps.hierarchy,
    data,
    items: repository,
    sites: searchSites(deps.config),
    reviewWaitDays: deps.config.rollup.reviewWaitDays,
  });
}

export function generateReport(
  deps: ReportDependencies,
  request: ExportReportPayload,
): ReportResult {
  const model = buildWeeklyReport(deps, request.week ?? defaultReportWeek(deps.clock));
  const files = exportReport({
    model,
    formats: request.formats ?? deps.config.report.formats,
    outDir: request.outDir ?? deps.config.report.outDir,
  });
  const projects = deps.hierarchy.bets.reduce(
    (n, bet) => n + bet.programs.reduce((m, program) => m + program.projects.length, 0),
    0,
  );
  return { week: model.week, files, asOf: model.asOf, projects };
}

export const exportReportJob: JobDefinition<ExportReportPayload, ReportResult> = {
  name: 'export-report',
  queue: 'report',
  payload: ExportReportPayload,
  handle(payload, ctx) {
    const result = generateReport(
      { db: ctx.db(), config: ctx.config, hierarchy: ctx.hierarchy, clock: ctx.clock },
      payload,
    );
    ctx.logger.info(
      { week: result.week, asOf: result.asOf, files: result.files },
      'report exported',
    );
    return Promise.resolve(result);
  },
};
