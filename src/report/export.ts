/**
 * Writes the rendered report to `<outDir>/northstar-<week>.<ext>`. Each file is written to a
 * temporary name in the same directory and renamed over the target, so a reader (or a web server
 * serving `reports/`) never sees half a report, and a re-export replaces the old one whole.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { ReportFormat, ReportModel } from './model-types.js';

export const RENDERERS: Record<ReportFormat, (model: ReportModel) => string> = {
  md: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
  json: renderJson,
};

export function reportFileName(week: string, format: ReportFormat): string {
  return `northstar-${week}.${format}`;
}

export function writeFileAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, content, { encoding: 'utf8', mode: 0o644 });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export interface ExportReportOptions {
  model: ReportModel;
  formats: readonly ReportFormat[];
  outDir: string;
}

/** Renders and writes each format once (duplicates ignored); returns the absolute paths. */
export function exportReport(options: ExportReportOptions): string[] {
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  return [...new Set(options.formats)].map((format) => {
    const file = join(outDir, reportFileName(options.model.week, format));
    writeFileAtomically(file, RENDERERS[format](options.model));
    return file;
  });
}
