/** The report as JSON: the whole model (tree with each node's full rollup, links, burn-up data). */
import type { ReportModel } from './model-types.js';

export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
