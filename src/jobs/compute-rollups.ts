/**
 * `compute-rollups` (queue `rollup`): loads the synced items, computes every project's numbers and
 * forecast, aggregates them to programs and big bets, and stores the day's snapshots (one row per
 * node per day; a re-run the same day replaces it). Then it asks for the write-back of the nodes
 * whose rollup content changed.
 *
 * `projectIds` (from a sync that touched a few projects) limits what is stored to those projects
 * and their program and bet; absent means every node. The numbers themselves are always computed
 * from the whole item set, which is what makes a program's sum right.
 */
import { z } from 'zod';
import { NodeId, type NorthstarConfig } from '../config/schema.js';
import { createRollupSnapshotRepository } from '../db/repositories/rollup-snapshots.js';
import { loadRollupInputs } from '../db/repositories/rollup-inputs.js';
import type { Hierarchy } from '../domain/hierarchy.js';
import type { Rollup } from '../domain/rollup.js';
import { isoWeek, isoWeekStart, toDay } from '../lib/dates.js';
import { RollupEngine, type RollupTree } from '../rollup/engine.js';
import type { RollupSettings } from '../rollup/settings.js';
import type { JobContext, JobDefinition } from './types.js';
import { WRITE_SUMMARIES } from './write-summaries.js';

export const ComputeRollupsPayload = z.strictObject({
  /** Only these projects (and their program and bet) are stored; absent: every node. */
  projectIds: z.array(NodeId).optional(),
});
export type ComputeRollupsPayload = z.infer<typeof ComputeRollupsPayload>;

export const COMPUTE_ROLLUPS = 'compute-rollups';

export interface ComputeRollupsResult {
  day: string;
  tree: RollupTree;
  /** Nodes whose snapshot was written, and those among them whose content changed. */
  written: string[];
  changed: string[];
  items: { jira: number; github: number; pulls: number };
}

export function rollupSettings(config: NorthstarConfig): RollupSettings {
  const { rollup } = config;
  return {
    staleAfterDays: rollup.staleAfterDays,
    reviewWaitDays: rollup.reviewWaitDays,
    historyWeeks: rollup.forecast.historyWeeks,
    trials: rollup.forecast.trials,
    seed: rollup.forecast.seed,
    aggregateHealth: rollup.aggregateHealth,
    jiraSite: config.jira?.baseUrl ?? null,
  };
}

/** The nodes to store: the given projects with their programs and bets (all when absent). */
function nodesToStore(
  hierarchy: Hierarchy,
  projectIds: readonly string[] | undefined,
): Set<string> {
  const out = new Set<string>();
  const wanted = projectIds ? new Set(projectIds) : null;
  for (const bet of hierarchy.bets) {
    for (const program of bet.programs) {
      for (const project of program.projects) {
        if (wanted && !wanted.has(project.id)) continue;
        out.add(project.id).add(program.id).add(bet.id);
      }
    }
  }
  return out;
}

/** Item refs of a program or bet: the union of its projects'. */
function unionRefs(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

export async function computeRollups(
  ctx: JobContext,
  payload: ComputeRollupsPayload,
): Promise<ComputeRollupsResult> {
  const db = ctx.db();
  const now = ctx.clock.now();
  const day = toDay(now);
  const repository = createRollupSnapshotRepository(db);
  ctx.progress({ label: 'rollup: load items', done: 0, total: 4 });
  repository.recordTargetDates(ctx.hierarchy, day);
  const data = loadRollupInputs(db);
  const engine = new RollupEngine(ctx.hierarchy, rollupSettings(ctx.config), data);
  const history = repository.history({ today: day, weekStart: toDay(isoWeekStart(isoWeek(now))) });
  engine.setHistory({
    targetDates: (id) => history.targetDates.get(id) ?? [],
    baselines: (id) => history.baselines.get(id) ?? { weekStart: null, first: null },
  });
  ctx.progress({ label: 'rollup: compute', done: 1, total: 4 });
  engine.recompute(now);
  ctx.progress({ label: 'rollup: forecast', done: 2, total: 4 });
  engine.forecast(now);
  const tree = engine.rollups(now);
  ctx.progress({ label: 'rollup: store snapshots', done: 3, total: 4 });

  const store = nodesToStore(ctx.hierarchy, payload.projectIds);
  const refs = new Map<string, { itemRefs: string[]; doneRefs: string[] }>();
  const refsOf = (rollup: Rollup): { itemRefs: string[]; doneRefs: string[] } => {
    const known = refs.get(rollup.id);
    if (known) return known;
    let result;
    if (rollup.level === 'project') {
      result = engine.projectItemRefs(rollup.id);
    } else {
      const children = rollup.children.map((id) => {
        const child = tree.byId.get(id);
        return child ? refsOf(child) : { itemRefs: [], doneRefs: [] };
      });
      result = {
        itemRefs: unionRefs(children.map((c) => c.itemRefs)),
        doneRefs: unionRefs(children.map((c) => c.doneRefs)),
      };
    }
    refs.set(rollup.id, result);
    return result;
  };
  const snapshots = [...tree.byId.values()]
    .filter((rollup) => store.has(rollup.id))
    .map((rollup) => ({ rollup, ...refsOf(rollup) }));
  const changed = repository.writeSnapshots({
    day,
    computedAt: now.toISOString(),
    snapshots,
  });
  ctx.progress({ label: 'rollup: done', done: 4, total: 4 });
  if (changed.length > 0) {
    await ctx.enqueue({ queue: 'writeback', name: WRITE_SUMMARIES, payload: { nodeIds: changed } });
  }
  ctx.logger.info(
    { day, nodes: snapshots.length, changed: changed.length, jiraItems: data.jira.length },
    'rollups computed',
  );
  return {
    day,
    tree,
    written: snapshots.map((s) => s.rollup.id),
    changed,
    items: { jira: data.jira.length, github: data.github.length, pulls: data.pulls.length },
  };
}

/** What the job returns (kept small: BullMQ stores it in Redis). */
export type ComputeRollupsSummary = Omit<ComputeRollupsResult, 'tree'>;

export const computeRollupsJob: JobDefinition<ComputeRollupsPayload, ComputeRollupsSummary> = {
  name: COMPUTE_ROLLUPS,
  queue: 'rollup',
  payload: ComputeRollupsPayload,
  async handle(payload, ctx) {
    const { tree: _tree, ...summary } = await computeRollups(ctx, payload);
    return summary;
  },
};
