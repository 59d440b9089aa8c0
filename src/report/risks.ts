/** The org's top risks: the projects' worst items, once each, worst first. */
import type { ReportNode, TopRisk } from './model-types.js';
import { projectsOf } from './tree.js';

const byRef = new Intl.Collator('en', { numeric: true }).compare;

export function topRisks(bets: readonly ReportNode[], limit: number): TopRisk[] {
  const byKey = new Map<string, TopRisk>();
  for (const project of projectsOf(bets)) {
    for (const risk of project.rollup?.risks.top ?? []) {
      // An item mapped to two projects is one risk; keep the worse reading of it.
      const key = `${risk.kind}\u0000${risk.ref}`;
      const seen = byKey.get(key);
      if (seen && seen.severity >= risk.severity) continue;
      byKey.set(key, { ...risk, projectId: project.id, projectName: project.name });
    }
  }
  return [...byKey.values()]
    .sort((a, b) => b.severity - a.severity || a.kind.localeCompare(b.kind) || byRef(a.ref, b.ref))
    .slice(0, limit);
}
