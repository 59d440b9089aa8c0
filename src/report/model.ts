/**
 * Builds the weekly report model from the hierarchy and the stored daily rollup snapshots. Pure:
 * the same inputs give the same model, so an old week can be re-exported from its snapshots.
 *
 * Numbers that describe a state (counts, progress, forecast, health) come from each node's last
 * snapshot in the week; week-over-week numbers (done, added, removed, health changes) compare it
 * with the node's last snapshot before the week (see `changes.ts`).
 */
import type { Bet, Hierarchy, HierarchyNodeBase, Program, Project } from '../domain/hierarchy.js';
import type { RollupSnapshot } from '../domain/rollup.js';
import { NO_BASELINE, projectItemSets, unionItemSets, type ItemSets } from './changes.js';
import { itemChange } from './item-views.js';
import { refineGithubQuery, type SearchSites } from './links.js';
import type {
  BurnupRow,
  DoneOnDay,
  ItemDirectory,
  ItemInfo,
  ReportSnapshotData,
} from './model-input.js';
import type { Burnup, ItemChange, ReportModel, ReportNode, WeekChanges } from './model-types.js';
import { emptyCounts, emptyPullRequests, nodeCounts, nodePullRequests } from './node-numbers.js';
import { topRisks } from './risks.js';
import { summarise } from './summary.js';
import { reportWeek, type ReportWeek } from './week.js';

export interface BuildReportOptions {
  /** ISO week `YYYY-Www`. */
  week: string;
  /** When the report was generated (ISO timestamp, from the injected clock). */
  generatedAt: string;
  hierarchy: Hierarchy;
  data: ReportSnapshotData;
  items: ItemDirectory;
  sites: SearchSites;
  /** `rollup.reviewWaitDays`, for the "waiting for review" search. */
  reviewWaitDays: number;
  /** How many top risks to keep (default 20). */
  maxRisks?: number;
}

interface Indexed {
  week: ReportWeek;
  current: Map<string, RollupSnapshot>;
  previous: Map<string, RollupSnapshot>;
  doneDuringWeek: Map<string, DoneOnDay[]>;
  burnup: Map<string, BurnupRow[]>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function index(week: string, data: ReportSnapshotData): Indexed {
  return {
    week: reportWeek(week),
    current: new Map(data.current.map((s) => [s.nodeId, s])),
    previous: new Map(data.previous.map((s) => [s.nodeId, s])),
    doneDuringWeek: groupBy(data.doneDuringWeek, (d) => d.nodeId),
    burnup: groupBy(data.burnup, (r) => r.nodeId),
  };
}

/** The item sets of every node, computed bottom-up before anything is resolved or rendered. */
function collectItemSets(hierarchy: Hierarchy, ix: Indexed): Map<string, ItemSets> {
  const sets = new Map<string, ItemSets>();
  for (const bet of hierarchy.bets) {
    const betChildren: ItemSets[] = [];
    for (const program of bet.programs) {
      const programChildren = program.projects.map((project) => {
        const s = projectItemSets({
          current: ix.current.get(project.id),
          previous: ix.previous.get(project.id),
          doneDuringWeek: ix.doneDuringWeek.get(project.id) ?? [],
        });
        sets.set(project.id, s);
        return s;
      });
      const p = unionItemSets(programChildren);
      sets.set(program.id, p);
      betChildren.push(p);
    }
    sets.set(bet.id, unionItemSets(betChildren));
  }
  return sets;
}

interface NodeContext {
  ix: Indexed;
  sets: Map<string, ItemSets>;
  infos: ReadonlyMap<string, ItemInfo>;
  options: BuildReportOptions;
}

function burnupOf(
  project: Project,
  snapshot: RollupSnapshot | undefined,
  ctx: NodeContext,
): Burnup {
  const rows = ctx.ix.burnup.get(project.id) ?? [];
  return {
    points: rows.map((r) => ({ day: r.day, scope: r.scope, done: r.done })),
    forecastP50: snapshot?.rollup.forecast.p50 ?? null,
    forecastP85: snapshot?.rollup.forecast.p85 ?? null,
    targetDate: snapshot?.rollup.dates.targetDate ?? project.targetDate,
  };
}

function weekChanges(id: string, ctx: NodeContext): WeekChanges {
  const { ix, infos, options } = ctx;
  const sets = ctx.sets.get(id) ?? NO_BASELINE;
  const current = ix.current.get(id);
  const links = current?.rollup.links;
  const { start, end } = ix.week;
  const slips = (current?.rollup.dates.slips ?? []).filter(
    (slip) => slip.on >= start && slip.on <= end,
  );
  // GitHub search cannot list issues by number; these date searches are the closest match.
  const doneQuery = links?.done.githubQuery
    ? refineGithubQuery(links.done.githubQuery, { add: [`closed:${start}..${end}`] })
    : null;
  const addedQuery = links?.all.githubQuery
    ? refineGithubQuery(links.all.githubQuery, { add: [`created:${start}..${end}`] })
    : null;
  const change = (refs: ReadonlySet<string>, githubQuery: string | null): ItemChange =>
    itemChange({ refs, infos, sites: options.sites, githubQuery });
  return {
    hasBaseline: sets.hasBaseline,
    done: change(sets.done, doneQuery),
    added: change(sets.added, addedQuery),
    removed: change(sets.removed, null),
    slips,
    previousHealth: ix.previous.get(id)?.rollup.health ?? null,
  };
}

function nodeOf(
  node: HierarchyNodeBase & { level: ReportNode['level'] },
  parents: { betId: string | null; programId: string | null },
  ctx: NodeContext,
): ReportNode {
  const snapshot = ctx.ix.current.get(node.id);
  const rollup = snapshot?.rollup ?? null;
  return {
    id: node.id,
    level: node.level,
    name: node.name,
    owner: node.owner,
    betId: parents.betId,
    programId: parents.programId,
    health: rollup?.health ?? 'no-data',
    declaredStatus: rollup?.declaredStatus ?? node.declaredStatus,
    healthDisagrees: rollup?.healthDisagrees ?? false,
    snapshotDay: snapshot?.day ?? null,
    rollup,
    counts: rollup ? nodeCounts(rollup, ctx.options.sites) : emptyCounts(),
    pullRequests:
      rollup && snapshot
        ? nodePullRequests({
            rollup,
            week: ctx.ix.week,
            snapshotDay: snapshot.day,
            reviewWaitDays: ctx.options.reviewWaitDays,
            sites: ctx.options.sites,
          })
        : emptyPullRequests(),
    week: weekChanges(node.id, ctx),
    burnup: null,
    children: [],
  };
}

function projectNode(project: Project, ctx: NodeContext): ReportNode {
  const node = nodeOf(project, { betId: project.betId, programId: project.programId }, ctx);
  node.burnup = burnupOf(project, ctx.ix.current.get(project.id), ctx);
  return node;
}

function programNode(program: Program, ctx: NodeContext): ReportNode {
  const node = nodeOf(program, { betId: program.betId, programId: null }, ctx);
  node.children = program.projects.map((p) => projectNode(p, ctx));
  return node;
}

function betNode(bet: Bet, ctx: NodeContext): ReportNode {
  const node = nodeOf(bet, { betId: null, programId: null }, ctx);
  node.children = bet.programs.map((p) => programNode(p, ctx));
  return node;
}

function maxDay(snapshots: Iterable<RollupSnapshot>): string | null {
  let max: string | null = null;
  for (const s of snapshots) if (max === null || s.day > max) max = s.day;
  return max;
}

export function buildReportModel(options: BuildReportOptions): ReportModel {
  const ix = index(options.week, options.data);
  const sets = collectItemSets(options.hierarchy, ix);
  const refs = new Set<string>();
  for (const s of sets.values()) {
    for (const set of [s.done, s.added, s.removed]) for (const ref of set) refs.add(ref);
  }
  const infos = options.items.describe([...refs].sort());
  const ctx: NodeContext = { ix, sets, infos, options };
  const bets = options.hierarchy.bets.map((bet) => betNode(bet, ctx));
  return {
    schemaVersion: 1,
    week: ix.week.week,
    weekStart: ix.week.start,
    weekEnd: ix.week.end,
    asOf: maxDay(ix.current.values()),
    comparedWith: maxDay(ix.previous.values()),
    generatedAt: options.generatedAt,
    reviewWaitDays: options.reviewWaitDays,
    summary: summarise({ bets, sets, week: ix.week }),
    bets,
    risks: topRisks(bets, options.maxRisks ?? 20),
  };
}
