/** Walking the report tree. */
import type { ReportNode } from './model-types.js';

/** Every node, depth first: bet, its programs, each followed by its projects. */
export function walkNodes(bets: readonly ReportNode[]): ReportNode[] {
  const out: ReportNode[] = [];
  const visit = (node: ReportNode): void => {
    out.push(node);
    node.children.forEach(visit);
  };
  bets.forEach(visit);
  return out;
}

export function projectsOf(bets: readonly ReportNode[]): ReportNode[] {
  return walkNodes(bets).filter((node) => node.level === 'project');
}
