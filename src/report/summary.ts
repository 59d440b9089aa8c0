/** The report's opening numbers: health by level, health changes, org-wide week changes. */
import type { Health } from '../domain/rollup.js';
import type { WeeklyThroughput } from '../domain/rollup.js';
import { NO_BASELINE, unionItemSets, type ItemSets } from './changes.js';
import type { HealthChange, HealthTally, ReportNode, ReportSummary } from './model-types.js';
import { projectsOf, walkNodes } from './tree.js';
import type { ReportWeek } from './week.js';

/** Worse first: what a leader should read first. */
export const HEALTH_RANK: Record<Health, number> = { red: 0, amber: 1, 'no-data': 2, green: 3 };
const LEVEL_RANK = { bet: 0, program: 1, project: 2 } as const;

/** How many weeks of throughput the summary sparkline shows (the rollup keeps 12). */
const THROUGHPUT_WEEKS = 12;

function tally(): HealthTally {
  return { green: 0, amber: 0, red: 0, 'no-data': 0 };
}

function healthChanges(nodes: readonly ReportNode[]): HealthChange[] {
  const changes: HealthChange[] = [];
  for (const node of nodes) {
    const from = node.week.previousHealth;
    if (from === null || node.snapshotDay === null || from === node.health) continue;
    changes.push({ id: node.id, level: node.level, name: node.name, from, to: node.health });
  }
  return changes.sort(
    (a, b) =>
      HEALTH_RANK[a.to] - HEALTH_RANK[b.to] ||
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      a.name.localeCompare(b.name),
  );
}

function orgThroughput(projects: readonly ReportNode[], week: ReportWeek): WeeklyThroughput[] {
  const byWeek = new Map<string, WeeklyThroughput>();
  for (const project of projects) {
    for (const t of project.rollup?.throughput ?? []) {
      if (t.week > week.week) continue;
      const sum = byWeek.get(t.week) ?? { week: t.week, done: 0, points: 0 };
      sum.done += t.done;
      sum.points += t.points;
      byWeek.set(t.week, sum);
    }
  }
  return [...byWeek.values()].sort((a, b) => a.week.localeCompare(b.week)).slice(-THROUGHPUT_WEEKS);
}

export function summarise(options: {
  bets: readonly ReportNode[];
  sets: ReadonlyMap<string, ItemSets>;
  week: ReportWeek;
}): ReportSummary {
  const nodes = walkNodes(options.bets);
  const projects = projectsOf(options.bets);
  const health = { bet: tally(), program: tally(), project: tally() };
  for (const node of nodes) health[node.level][node.health] += 1;
  const org = unionItemSets(options.bets.map((bet) => options.sets.get(bet.id) ?? NO_BASELINE));
  const sum = (pick: (node: ReportNode) => number): number =>
    projects.reduce((n, project) => n + pick(project), 0);
  return {
    health,
    healthChanges: healthChanges(nodes),
    doneThisWeek: org.hasBaseline ? org.done.size : null,
    addedThisWeek: org.hasBaseline ? org.added.size : null,
    removedThisWeek: org.hasBaseline ? org.removed.size : null,
    slipsThisWeek: nodes.reduce((n, node) => n + node.week.slips.length, 0),
    throughput: orgThroughput(projects, options.week),
    pullRequests: {
      open: sum((p) => p.pullRequests.open.value),
      draft: sum((p) => p.pullRequests.draft.value),
      mergedThisWeek: sum((p) => p.pullRequests.mergedThisWeek.value),
      waitingForReview: sum((p) => p.pullRequests.waitingForReview.value),
      withoutJiraKey: sum((p) => p.pullRequests.withoutJiraKey.value),
    },
  };
}
