/**
 * The rollup engine: holds the synced items as typed columns and each project's member rows,
 * recomputes the projects a change touched (and only those), runs their forecasts, and dresses
 * every node of the hierarchy as a `Rollup`.
 *
 * Why it is shaped like this: a 500-project org has ~100k items, and a sync usually touches a few
 * projects. Loading and parsing the rows is the expensive part and happens once; after that a full
 * recompute is one pass over typed arrays, and an incremental one re-maps only the changed rows
 * and redoes only the projects whose membership or items changed: by delta for issues changed in
 * place (`project-deltas.ts`: a sync touching most projects then costs its changed issues), by a
 * full pass over the project otherwise. Programs and bets are sums over their children, rebuilt
 * when a child changed, reusing every part whose inputs are the same objects. Each project's
 * forecast is seeded from the config seed and the project id and cached by its inputs, so an
 * untouched project never re-runs its trials and a run's result does not depend on which projects
 * ran before it.
 */
import type { Hierarchy, Project } from '../domain/hierarchy.js';
import type { Rollup } from '../domain/rollup.js';
import { ItemMapper } from '../mapping/map-items.js';
import { assembleAggregate, assembleProject, type NodeResult } from './assemble.js';
import { forecastCompletion, type ForecastOutcome } from './forecast.js';
import type {
  GitHubIssueRow,
  JiraItemRow,
  PullRequestRow,
  RollupSourceData,
  ScopeBaselines,
  TargetDateSeen,
} from './inputs.js';
import { GitHubTable, JiraTable, PullTable } from './item-tables.js';
import { applyJiraChanges, JiraRowValues, type JiraRowChange } from './project-deltas.js';
import {
  computeProjectFacts,
  type ProjectFacts,
  type ProjectMembers,
  type Tables,
} from './project-metrics.js';
import { projectLinks } from './links.js';
import { seedFor } from './prng.js';
import type { RollupSettings } from './settings.js';
import { dayOfMs, timeFrame, type TimeFrame } from './time-frame.js';
import { lowerBound, sameItems } from './sorted.js';

/** Per node: the target dates it has had and the stored snapshots scope change is measured from. */
export interface NodeHistory {
  targetDates(nodeId: string): readonly TargetDateSeen[];
  baselines(nodeId: string): ScopeBaselines;
}

export const NO_HISTORY: NodeHistory = {
  targetDates: () => [],
  baselines: () => ({ weekStart: null, first: null }),
};

/** Rows that changed since the engine last saw them. */
export interface RollupChanges {
  jira?: readonly JiraItemRow[];
  removedJira?: readonly string[];
  github?: readonly GitHubIssueRow[];
  removedGithub?: readonly number[];
  pulls?: readonly PullRequestRow[];
  removedPulls?: readonly number[];
  formerKeys?: ReadonlyMap<string, string>;
}

export interface RollupTree {
  generatedAt: string;
  /** Every node's rollup, by id (projects, programs and bets). */
  byId: Map<string, Rollup>;
  bets: Rollup[];
}

interface ProjectState {
  facts: ProjectFacts | null;
  scope: { added: number; removed: number; addedSinceFirst: number; removedSinceFirst: number };
  forecastKey: string;
  forecast: ForecastOutcome | null;
}

const NONE: readonly number[] = [];

function growU8(buffer: Uint8Array, size: number): Uint8Array {
  if (size <= buffer.length) return buffer;
  const next = new Uint8Array(Math.max(size, buffer.length * 2));
  next.set(buffer);
  return next;
}

function growI32(buffer: Int32Array, size: number): Int32Array {
  if (size <= buffer.length) return buffer;
  const next = new Int32Array(Math.max(size, buffer.length * 2)).fill(-1);
  next.set(buffer);
  return next;
}

/*
 * Member lists stay sorted by row number: a project's sums then add its rows in the same order
 * whatever order the changes came in, so floating-point totals (0.1 points) match a fresh engine.
 */
function removeValue(list: number[], value: number): void {
  const at = lowerBound(list, value);
  if (list[at] === value) list.splice(at, 1);
}

function insertValue(list: number[], value: number): void {
  const at = lowerBound(list, value);
  if (list[at] !== value) list.splice(at, 0, value);
}

export class RollupEngine {
  readonly projects: Project[];
  private readonly projectIndex = new Map<string, number>();
  private readonly jira = new JiraTable();
  private readonly github = new GitHubTable();
  private readonly pulls = new PullTable();
  private epicOf: Int32Array = new Int32Array(1024).fill(-1);
  private jiraCount: Uint8Array = new Uint8Array(1024);
  private githubCount: Uint8Array = new Uint8Array(1024);
  private readonly jiraProjectsOf: (readonly number[])[] = [];
  private readonly githubProjectsOf: (readonly number[])[] = [];
  private readonly pullProjectsOf: (readonly number[])[] = [];
  private readonly epicProjectsOf = new Map<number, readonly number[]>();
  private readonly idByKey = new Map<string, string>();
  private readonly pullsByKey = new Map<string, number[]>();
  private readonly members: ProjectMembers[];
  private readonly state: ProjectState[];
  private readonly staticLinks: ReturnType<typeof projectLinks>[];
  private readonly mapper: ItemMapper;
  private history: NodeHistory = NO_HISTORY;
  /** The instant every project's facts were last computed at (a new instant recomputes all). */
  private factsAt = Number.NaN;
  /** Assembled results kept between runs; `dirty` projects (and their ancestors) are rebuilt. */
  private readonly assembled = new Map<string, NodeResult>();
  private readonly dirty = new Set<number>();
  /** Per project: issues changed in place since its numbers were computed (applied as deltas). */
  private readonly pending = new Map<number, JiraRowChange[]>();
  /** What the pending changes' issues read before and after (cleared when none is pending). */
  private readonly changeValues = new JiraRowValues();
  /**
   * During `applyChanges`, per changed issue that can become a delta: where its slot in
   * `changeValues` and the row object it had sit in `slots` and `items` (by row number).
   */
  private readonly was = {
    at: new Map<number, number>(),
    slots: [] as number[],
    items: [] as JiraItemRow[],
  };
  /** Projects whose next recompute must be a full pass (membership, epics, GitHub, PRs moved). */
  private readonly needsFull = new Set<number>();
  /** The day forecasts were last run for. */
  private forecastDay = '';
  private assembledAt = Number.NaN;
  private baselineSets = new Map<string, { week: Set<string> | null; first: Set<string> | null }>();

  constructor(
    readonly hierarchy: Hierarchy,
    readonly settings: RollupSettings,
    data: RollupSourceData,
  ) {
    this.projects = hierarchy.bets.flatMap((b) => b.programs.flatMap((p) => p.projects));
    this.projects.forEach((p, i) => this.projectIndex.set(p.id, i));
    this.members = this.projects.map(() => ({ jira: [], github: [], pulls: [], epics: [] }));
    this.state = this.projects.map(() => ({
      facts: null,
      scope: { added: 0, removed: 0, addedSinceFirst: 0, removedSinceFirst: 0 },
      forecastKey: '',
      forecast: null,
    }));
    this.staticLinks = this.projects.map((p) =>
      projectLinks(p, { staleAfterDays: settings.staleAfterDays }),
    );
    for (const [key, id] of data.formerKeys) this.idByKey.set(key, id);
    for (const row of data.jira) this.idByKey.set(row.key, row.id);
    this.mapper = new ItemMapper(this.projects, { idOfKey: (key) => this.idByKey.get(key) });
    for (const row of data.jira) this.jira.upsert(row.id, `jira:${row.id}`, row);
    for (const row of data.github) this.github.upsert(row.id, `gh-issue:${row.id}`, row);
    for (const row of data.pulls) this.pulls.upsert(row.id, `gh-pr:${row.id}`, row);
    this.ensureCapacity();
    for (let i = 0; i < this.jira.size; i++) this.placeJira(i);
    for (let i = 0; i < this.jira.size; i++) this.linkEpic(i);
    for (let i = 0; i < this.github.size; i++) this.placeGithub(i);
    for (let i = 0; i < this.pulls.size; i++) this.placePull(i);
  }

  /** Supplies target-date history and scope baselines (from the stored snapshots). */
  setHistory(history: NodeHistory): void {
    this.history = history;
    this.baselineSets = new Map();
    this.factsAt = Number.NaN;
    // Assembled parts are reused only at the same instant under the same history.
    this.assembled.clear();
  }

  get tables(): Tables {
    return {
      jira: this.jira,
      github: this.github,
      pulls: this.pulls,
      epicOf: this.epicOf,
      jiraProjects: this.jiraCount,
      githubProjects: this.githubCount,
    };
  }

  projectIndexOf(id: string): number | undefined {
    return this.projectIndex.get(id);
  }

  private ensureCapacity(): void {
    this.epicOf = growI32(this.epicOf, this.jira.size);
    this.jiraCount = growU8(this.jiraCount, this.jira.size);
    this.githubCount = growU8(this.githubCount, this.github.size);
  }

  private projectsOfKey = (key: string): readonly number[] => {
    const id = this.idByKey.get(key);
    if (id === undefined) return NONE;
    const row = this.jira.indexOf(id);
    if (row === undefined) return NONE;
    return this.epicProjectsOf.get(row) ?? this.jiraProjectsOf[row] ?? NONE;
  };

  /** Puts a Jira row in its projects (after taking it out of the old ones). */
  private placeJira(row: number, affected?: Set<number>): void {
    const old = this.jiraProjectsOf[row] ?? NONE;
    for (const p of old) {
      removeValue(this.members[p]?.jira ?? [], row);
      affected?.add(p);
    }
    const oldEpic = this.epicProjectsOf.get(row) ?? NONE;
    for (const p of oldEpic) {
      removeValue(this.members[p]?.epics ?? [], row);
      affected?.add(p);
    }
    this.epicProjectsOf.delete(row);
    const item = this.jira.rows[row];
    const next = item ? this.mapper.jiraProjects(item) : NONE;
    this.jiraProjectsOf[row] = next;
    this.jiraCount[row] = Math.min(255, next.length);
    for (const p of next) {
      insertValue(this.members[p]?.jira ?? [], row);
      affected?.add(p);
    }
    if (item?.isEpic) {
      this.mapper.learnEpic(item);
      const epicProjects = this.mapper.epicProjects(item);
      if (epicProjects.length > 0) this.epicProjectsOf.set(row, epicProjects);
      for (const p of epicProjects) {
        insertValue(this.members[p]?.epics ?? [], row);
        affected?.add(p);
      }
    }
  }

  private rowOfKey(key: string | null): number {
    if (key === null) return -1;
    const id = this.idByKey.get(key);
    return id === undefined ? -1 : (this.jira.indexOf(id) ?? -1);
  }

  private linkEpic(row: number): void {
    const item = this.jira.rows[row];
    let epic = -1;
    if (item && !item.isEpic) {
      if (item.parentId !== null || item.parentKey !== null) {
        epic =
          (item.parentId !== null ? this.jira.indexOf(item.parentId) : undefined) ??
          this.rowOfKey(item.parentKey);
      } else {
        epic = this.rowOfKey(item.epicLinkKey);
      }
    }
    this.epicOf[row] = epic;
  }

  private placeGithub(row: number, affected?: Set<number>): void {
    for (const p of this.githubProjectsOf[row] ?? NONE) {
      removeValue(this.members[p]?.github ?? [], row);
      affected?.add(p);
    }
    const item = this.github.rows[row];
    const next = item ? this.mapper.githubProjects(item) : NONE;
    this.githubProjectsOf[row] = next;
    this.githubCount[row] = Math.min(255, next.length);
    for (const p of next) {
      insertValue(this.members[p]?.github ?? [], row);
      affected?.add(p);
    }
  }

  private placePull(row: number, affected?: Set<number>): void {
    for (const p of this.pullProjectsOf[row] ?? NONE) {
      removeValue(this.members[p]?.pulls ?? [], row);
      affected?.add(p);
    }
    const item = this.pulls.rows[row];
    const next = item ? this.mapper.pullProjects(item, this.projectsOfKey) : NONE;
    this.pullProjectsOf[row] = next;
    for (const p of next) {
      insertValue(this.members[p]?.pulls ?? [], row);
      affected?.add(p);
    }
    if (item) {
      for (const key of item.jiraKeys) {
        const list = this.pullsByKey.get(key) ?? [];
        if (!list.includes(row)) list.push(row);
        this.pullsByKey.set(key, list);
      }
    }
  }

  /** Applies changed and removed rows; returns the indexes of the projects they touched. */
  applyChanges(changes: RollupChanges): Set<number> {
    const affected = new Set<number>();
    // Projects a change reaches other than through an issue changed in place: a full pass.
    const full = new Set<number>();
    for (const [key, id] of changes.formerKeys ?? []) this.idByKey.set(key, id);
    // What each known issue (not an epic) read as before: if it stays in the same projects, they
    // take the change as a delta (old contribution out, new in) instead of a pass over every row.
    const was = this.was;
    was.at.clear();
    was.slots.length = 0;
    was.items.length = 0;
    const tablesBefore = this.tables;
    const changed = changes.jira ?? [];
    // Row numbers looked up once (a lookup in a 100k-entry map is a cache miss).
    const known: (number | undefined)[] = [];
    for (let n = 0; n < changed.length; n++) {
      known.push(this.recordBefore(changed[n] as JiraItemRow, tablesBefore));
    }
    const jiraRows: number[] = [];
    for (let n = 0; n < changed.length; n++) {
      jiraRows.push(this.storeJira(changed[n] as JiraItemRow, known[n]));
    }
    // A removed issue's pull requests lose the projects they had through its key.
    const removedKeys = new Map<number, string>();
    for (const id of changes.removedJira ?? []) {
      const key = this.jira.rows[this.jira.indexOf(id) ?? -1]?.key;
      const row = this.jira.remove(id);
      if (row === undefined) continue;
      jiraRows.push(row);
      if (key !== undefined) removedKeys.set(row, key);
    }
    const githubRows: number[] = [];
    for (const row of changes.github ?? []) {
      githubRows.push(this.github.upsert(row.id, `gh-issue:${row.id}`, row));
    }
    for (const id of changes.removedGithub ?? []) {
      const row = this.github.remove(id);
      if (row !== undefined) githubRows.push(row);
    }
    const pullRows = new Set<number>();
    for (const row of changes.pulls ?? []) {
      pullRows.add(this.pulls.upsert(row.id, `gh-pr:${row.id}`, row));
    }
    for (const id of changes.removedPulls ?? []) {
      const row = this.pulls.remove(id);
      if (row !== undefined) pullRows.add(row);
    }
    this.ensureCapacity();
    const tables = this.tables;
    // A row changed twice (or changed and removed) is placed once.
    const unique = [...new Set(jiraRows)];
    for (let n = 0; n < unique.length; n++) {
      const row = unique[n] as number;
      const before = this.jiraProjectsOf[row] ?? NONE;
      if (this.queueDelta(row, tables, affected)) continue;
      this.placeJira(row, full);
      this.linkEpic(row);
      // Children of a changed epic may now count as "open under a done epic".
      for (const p of this.epicProjectsOf.get(row) ?? NONE) full.add(p);
      const after = this.jiraProjectsOf[row] ?? NONE;
      const moved = before.length !== after.length || before.some((p, i) => after[i] !== p);
      const key = this.jira.rows[row]?.key ?? removedKeys.get(row);
      if (moved && key !== undefined) {
        for (const pr of this.pullsByKey.get(key) ?? NONE) pullRows.add(pr);
      }
    }
    for (const row of githubRows) this.placeGithub(row, full);
    for (const row of pullRows) this.placePull(row, full);
    for (const p of full) {
      this.needsFull.add(p);
      affected.add(p);
    }
    // The old row objects are not kept past this call.
    was.items.length = 0;
    return affected;
  }

  /*
   * Per-row steps of `applyChanges`, as methods: V8 optimizes a function called a thousand times
   * a sync long before the loop of one called once per sync, so the usual sync (issues changed in
   * place) runs optimized code from its first rounds.
   */

  /** Records what a changed Jira issue read before (when it is known and not an epic). */
  private recordBefore(row: JiraItemRow, tables: Tables): number | undefined {
    const index = this.jira.indexOf(row.id);
    if (index === undefined) return index;
    const item = this.jira.rows[index];
    if (!item || row.isEpic || item.isEpic) return index;
    this.was.at.set(index, this.was.items.length);
    this.was.slots.push(this.changeValues.record(tables, index));
    this.was.items.push(item);
    return index;
  }

  private storeJira(row: JiraItemRow, index: number | undefined): number {
    this.idByKey.set(row.key, row.id);
    return index === undefined
      ? this.jira.upsert(row.id, `jira:${row.id}`, row)
      : this.jira.replace(index, row);
  }

  /**
   * Queues a changed issue that stays in the same projects as a delta for each of them (old
   * contribution out, new in); false when it moved, became an epic or was new or removed.
   */
  private queueDelta(row: number, tables: Tables, affected: Set<number>): boolean {
    const at = this.was.at.get(row);
    const item = this.jira.rows[row];
    if (at === undefined || !item || item.isEpic) return false;
    const before = this.jiraProjectsOf[row] ?? NONE;
    if (!sameItems(before, this.mapper.jiraProjects(item))) return false;
    // Still under the epic it was linked to by id: the link stands.
    const epic = this.epicOf[row] ?? -1;
    const linked =
      item.parentId !== null &&
      item.parentId === this.was.items[at]?.parentId &&
      epic >= 0 &&
      this.jira.rows[epic]?.id === item.parentId;
    if (!linked) this.linkEpic(row);
    const values = this.changeValues;
    const change = {
      row,
      before: this.was.slots[at] ?? -1,
      after: values.record(tables, row),
      values,
    };
    for (let k = 0; k < before.length; k++) {
      const p = before[k] as number;
      let list = this.pending.get(p);
      if (!list) this.pending.set(p, (list = []));
      list.push(change);
      affected.add(p);
    }
    return true;
  }

  private baselineSetsOf(nodeId: string): { week: Set<string> | null; first: Set<string> | null } {
    let sets = this.baselineSets.get(nodeId);
    if (!sets) {
      const b = this.history.baselines(nodeId);
      sets = {
        week: b.weekStart ? new Set(b.weekStart.itemRefs) : null,
        first: b.first ? new Set(b.first.itemRefs) : null,
      };
      this.baselineSets.set(nodeId, sets);
    }
    return sets;
  }

  /** Recomputes the projects' numbers (all when `which` is absent). Forecasts are separate. */
  recompute(now: Date, which?: Iterable<number>): void {
    const frame = this.frame(now);
    const tables = this.tables;
    // Staleness, "this week" and the history window move with time: a new instant means all.
    const incremental = which !== undefined && this.factsAt === now.getTime();
    const indexes = incremental ? which : this.projects.keys();
    this.factsAt = now.getTime();
    if (!incremental) {
      this.pending.clear();
      this.needsFull.clear();
    }
    const run = { incremental, tables, frame };
    for (const p of indexes) this.recomputeProject(p, run);
    if (this.pending.size === 0) this.changeValues.clear();
  }

  /** One project of `recompute` (a method of its own: see `recordBefore`). */
  private recomputeProject(
    p: number,
    run: { incremental: boolean; tables: Tables; frame: TimeFrame },
  ): void {
    this.dirty.add(p);
    const members = this.members[p];
    const state = this.state[p];
    const project = this.projects[p];
    if (!members || !state || !project) return;
    const changes = this.pending.get(p);
    // Many changes in one project (one sync's epics) cost less as one pass over its rows.
    const fewChanges = changes !== undefined && changes.length * 8 <= members.jira.length;
    const delta =
      run.incremental && changes && fewChanges && state.facts && !this.needsFull.has(p)
        ? applyJiraChanges(state.facts, members, changes, run.tables, run.frame)
        : null;
    this.pending.delete(p);
    this.needsFull.delete(p);
    // Issues changed in place leave the membership, and so the scope change, as it was.
    if (delta) {
      state.facts = delta;
      return;
    }
    state.facts = computeProjectFacts(members, run.tables, run.frame);
    state.scope = this.scopeChange(project.id, members);
  }

  private scopeChange(nodeId: string, members: ProjectMembers): ProjectState['scope'] {
    const { week, first } = this.baselineSetsOf(nodeId);
    const scope = { added: 0, removed: 0, addedSinceFirst: 0, removedSinceFirst: 0 };
    if (week === null && first === null) return scope;
    let inWeek = 0;
    let inFirst = 0;
    let current = 0;
    const count = (ref: string): void => {
      current++;
      if (week?.has(ref)) inWeek++;
      if (first?.has(ref)) inFirst++;
    };
    const gh = this.github.category.data;
    for (const row of members.jira) count(this.jira.refs[row] ?? '');
    for (const row of members.github) if (gh[row] !== 3) count(this.github.refs[row] ?? '');
    if (week) {
      scope.added = current - inWeek;
      scope.removed = week.size - inWeek;
    }
    if (first) {
      scope.addedSinceFirst = current - inFirst;
      scope.removedSinceFirst = first.size - inFirst;
    }
    return scope;
  }

  /** Runs (or reuses) the forecasts of the given projects (all when absent). */
  forecast(now: Date, which?: Iterable<number>, options: { force?: boolean } = {}): void {
    const today = dayOfMs(now.getTime());
    const { trials, seed } = this.settings;
    // A new day moves every forecast (its start and the target's distance), touched or not.
    const all = which === undefined || today !== this.forecastDay;
    this.forecastDay = today;
    for (const p of all ? this.projects.keys() : which) {
      const state = this.state[p];
      const project = this.projects[p];
      if (!state?.facts || !project) continue;
      const { counts, weeklyDone, lastDoneMs } = state.facts;
      const remaining = counts.total - counts.done;
      const lastDoneDay = Number.isNaN(lastDoneMs) ? null : dayOfMs(lastDoneMs);
      const key = `${today}|${counts.total}|${remaining}|${weeklyDone.join(',')}|${project.targetDate}|${lastDoneDay}|${trials}|${seed}`;
      if (!options.force && state.forecastKey === key && state.forecast) continue;
      state.forecastKey = key;
      this.dirty.add(p);
      state.forecast = forecastCompletion({
        total: counts.total,
        remaining,
        history: weeklyDone,
        today,
        targetDate: project.targetDate,
        trials,
        seed: seedFor(seed, project.id),
        lastDoneDay,
      });
    }
  }

  private frame(now: Date): TimeFrame {
    return timeFrame(now, this.settings);
  }

  /**
   * Every node's rollup from the current project numbers (run `recompute` and `forecast` first).
   * Only projects recomputed since the last call, and their program and bet, are assembled again.
   */
  rollups(now: Date): RollupTree {
    const frame = this.frame(now);
    if (this.assembledAt !== now.getTime()) {
      this.assembled.clear();
      this.assembledAt = now.getTime();
    }
    const tables = this.tables;
    const bets: Rollup[] = [];
    const byId = new Map<string, Rollup>();
    for (const bet of this.hierarchy.bets) {
      let betDirty = false;
      const programResults: NodeResult[] = [];
      for (const program of bet.programs) {
        let programDirty = false;
        const projectResults: NodeResult[] = [];
        for (const project of program.projects) {
          const p = this.projectIndex.get(project.id) ?? -1;
          let result = this.assembled.get(project.id);
          if (!result || this.dirty.has(p)) {
            const state = this.state[p];
            const links = this.staticLinks[p];
            if (!state?.facts || !links) throw new Error(`project ${project.id} was not computed`);
            result = assembleProject({
              project,
              facts: state.facts,
              scope: state.scope,
              forecast: state.forecast,
              links,
              tables,
              frame,
              settings: this.settings,
              targetDates: this.history.targetDates(project.id),
              firstSnapshotDay: this.history.baselines(project.id).first?.day ?? null,
              previous: result,
            });
            this.assembled.set(project.id, result);
            programDirty = true;
          }
          byId.set(project.id, result.rollup);
          projectResults.push(result);
        }
        let programResult = this.assembled.get(program.id);
        if (!programResult || programDirty) {
          programResult = assembleAggregate({
            node: program,
            children: projectResults,
            frame,
            settings: this.settings,
            targetDates: this.history.targetDates(program.id),
            previous: programResult,
          });
          this.assembled.set(program.id, programResult);
          betDirty = true;
        }
        byId.set(program.id, programResult.rollup);
        programResults.push(programResult);
      }
      let betResult = this.assembled.get(bet.id);
      if (!betResult || betDirty) {
        betResult = assembleAggregate({
          node: bet,
          children: programResults,
          frame,
          settings: this.settings,
          targetDates: this.history.targetDates(bet.id),
          previous: betResult,
        });
        this.assembled.set(bet.id, betResult);
      }
      byId.set(bet.id, betResult.rollup);
      bets.push(betResult.rollup);
    }
    this.dirty.clear();
    return { generatedAt: now.toISOString(), byId, bets };
  }

  /** Item refs (`jira:<id>`, `gh-issue:<id>`) in scope and done, for a project's snapshot. */
  projectItemRefs(projectId: string): { itemRefs: string[]; doneRefs: string[] } {
    const members = this.members[this.projectIndex.get(projectId) ?? -1];
    const itemRefs: string[] = [];
    const doneRefs: string[] = [];
    if (!members) return { itemRefs, doneRefs };
    for (const row of members.jira) {
      const ref = this.jira.refs[row] ?? '';
      itemRefs.push(ref);
      if (this.jira.category.data[row] === 2) doneRefs.push(ref);
    }
    for (const row of members.github) {
      const cat = this.github.category.data[row];
      if (cat === 3) continue;
      const ref = this.github.refs[row] ?? '';
      itemRefs.push(ref);
      if (cat === 2) doneRefs.push(ref);
    }
    itemRefs.sort();
    doneRefs.sort();
    return { itemRefs, doneRefs };
  }
}
