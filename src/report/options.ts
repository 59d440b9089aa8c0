/** The report's request fields as zod schemas, shared by the job payload and the CLI flags. */
import { z } from 'zod';
import { isIsoWeek } from '../lib/dates.js';
import { REPORT_FORMATS, type ReportFormat } from './model-types.js';

export const IsoWeek = z.string().refine(isIsoWeek, {
  error: (i) => `${JSON.stringify(i.input)} is not an ISO week (like 2026-W48)`,
});

export const ReportFormatName = z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]], {
  error: (i) => `${JSON.stringify(i.input)} is not a report format (md, html, csv or json)`,
});
