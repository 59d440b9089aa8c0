/**
 * Incremental runs against full ones on a seeded synthetic org: every round changes a random mix
 * of rows (status moves, points, due dates, blockers, moves between epics and projects, epics done
 * and reopened, removals, new rows, GitHub issues and pull requests), applies them to one engine
 * and compares its tree with a fresh engine's over the same rows. Whatever the engine keeps between
 * runs (per-project aggregates updated by deltas, reused assembled parts) must not show.
 */
import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../src/config/hierarchy.js';
import { rollupSettings } from '../../src/jobs/compute-rollups.js';
import { RollupEngine, type NodeHistory, type RollupChanges } from '../../src/rollup/engine.js';
import type { GitHubIssueRow, JiraItemRow, PullRequestRow } from '../../src/rollup/inputs.js';
import { mulberry32 } from '../../src/rollup/prng.js';
import { syntheticOrg } from '../bench/rollup.js';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const DAY = 86_400_000;
const ROUNDS = 14;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

describe('incremental recompute on a synthetic org', () => {
  it('gives the same tree as a full recompute after every round of random changes', () => {
    const org = syntheticOrg('small');
    const hierarchy = buildHierarchy(org.config);
    const settings = rollupSettings(org.config);
    const random = mulberry32(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const jira = new Map(org.jira.map((r) => [r.id, r]));
    const github = new Map(org.github.map((r) => [r.id, r]));
    const pulls = new Map(org.pulls.map((r) => [r.id, r]));
    const projectIds = hierarchy.bets.flatMap((b) =>
      b.programs.flatMap((p) => p.projects.map((x) => x.id)),
    );
    // Scope baselines for some projects: a sample of today's refs, so both added and removed move.
    const baselineRefs = new Map<string, string[]>();
    for (const id of projectIds.slice(0, 8)) {
      baselineRefs.set(
        id,
        org.jira.filter(() => random() < 0.05).map((r) => `jira:${r.id}`),
      );
    }
    const history: NodeHistory = {
      targetDates: () => [],
      baselines: (id) => {
        const refs = baselineRefs.get(id);
        return refs
          ? {
              weekStart: { day: '2026-11-20', itemRefs: refs },
              first: { day: '2026-10-01', itemRefs: refs },
            }
          : { weekStart: null, first: null };
      },
    };
    const sourceData = () => ({
      jira: [...jira.values()],
      github: [...github.values()],
      pulls: [...pulls.values()],
      formerKeys: new Map<string, string>(),
    });

    const engine = new RollupEngine(hierarchy, settings, sourceData());
    engine.setHistory(history);
    engine.recompute(NOW);
    engine.forecast(NOW);
    engine.rollups(NOW);

    const epics = org.jira.filter((r) => r.isEpic);
    let nextId = 900_000;
    for (let round = 0; round < ROUNDS; round++) {
      const changedJira = new Map<string, JiraItemRow>();
      const removedJira: string[] = [];
      const changedGithub: GitHubIssueRow[] = [];
      const changedPulls: PullRequestRow[] = [];
      const children = [...jira.values()].filter((r) => !r.isEpic);
      // Round 0 and every third round: only status moves (the common sync), the rest a mix.
      const mixed = round % 3 !== 0;
      for (let i = 0; i < 60; i++) {
        const row = changedJira.get(pick(children).id) ?? pick(children);
        const roll = mixed ? random() : 0;
        let next: JiraItemRow;
        if (roll < 0.5) {
          const category = pick(['todo', 'in_progress', 'done'] as const);
          const doneAt = NOW.getTime() - Math.floor(random() * 100) * DAY;
          next = {
            ...row,
            statusCategory: category,
            updatedAt: iso(random() < 0.5 ? NOW.getTime() : doneAt),
            lastDoneAt: category === 'done' ? iso(doneAt) : row.lastDoneAt,
            firstInProgressAt: random() < 0.5 ? iso(doneAt - 3 * DAY) : row.firstInProgressAt,
          };
        } else if (roll < 0.6) {
          // Points that are not binary fractions (0.1) only late: they make sums order-dependent,
          // so their projects leave the delta path for good.
          const points = round < 9 ? [null, 1, 0.5, 2.5, 3, 8] : [null, 1, 0.1, 0.7, 2.5];
          next = { ...row, storyPoints: pick(points) };
        } else if (roll < 0.7) {
          next = {
            ...row,
            dueDate:
              random() < 0.3 ? null : iso(NOW.getTime() + (random() * 100 - 50) * DAY).slice(0, 10),
          };
        } else if (roll < 0.78) {
          next = { ...row, openBlockers: random() < 0.5 ? [] : [`CORE-${i}`, 'CORE-1'] };
        } else if (roll < 0.86) {
          const epic = pick(epics);
          next = { ...row, parentId: epic.id, parentKey: epic.key, epicLinkKey: null };
        } else if (roll < 0.92) {
          next = { ...row, jqlProjectIds: random() < 0.5 ? [] : [pick(projectIds)] };
        } else {
          next = { ...row, summary: `Renamed ${round}`, updatedAt: iso(NOW.getTime() - 30 * DAY) };
        }
        changedJira.set(next.id, next);
      }
      if (mixed) {
        for (let i = 0; i < 4; i++) {
          const e = jira.get(pick(epics).id)!;
          changedJira.set(e.id, {
            ...e,
            statusCategory: e.statusCategory === 'done' ? 'in_progress' : 'done',
          });
        }
        for (let i = 0; i < 5; i++) {
          const gone = pick(children).id;
          if (changedJira.has(gone)) continue;
          removedJira.push(gone);
        }
        for (let i = 0; i < 5; i++) {
          const epic = pick(epics);
          const id = String(nextId++);
          changedJira.set(id, {
            ...pick(children),
            id,
            key: `NEW-${id}`,
            parentId: epic.id,
            parentKey: epic.key,
          });
        }
        for (let i = 0; i < 10; i++) {
          const row = pick([...github.values()]);
          changedGithub.push({
            ...row,
            state: row.state === 'open' ? 'closed' : 'open',
            stateReason: pick([null, 'completed', 'not_planned']),
            closedAt: iso(NOW.getTime() - Math.floor(random() * 60) * DAY),
            assignees: random() < 0.5 ? 0 : 1,
          });
        }
        for (let i = 0; i < 10; i++) {
          const row = pick([...pulls.values()]);
          changedPulls.push({
            ...row,
            state: pick(['open', 'draft', 'merged', 'closed'] as const),
            mergedAt: iso(NOW.getTime() - Math.floor(random() * 30) * DAY),
            requestedReviewers: random() < 0.5 ? 0 : 1,
            jiraKeys: random() < 0.3 ? [] : [pick(children).key],
          });
        }
      }
      for (const row of changedJira.values()) jira.set(row.id, row);
      for (const id of removedJira) jira.delete(id);
      for (const row of changedGithub) github.set(row.id, row);
      for (const row of changedPulls) pulls.set(row.id, row);
      // Every other round arrives in two batches before one recompute; the last round is a day
      // later (everything is recomputed, whatever was pending).
      const jiraChanged = [...changedJira.values()];
      const split = round % 2 === 1 ? Math.floor(jiraChanged.length / 2) : 0;
      const batches: RollupChanges[] = [
        { jira: jiraChanged.slice(0, split) },
        { jira: jiraChanged.slice(split), removedJira, github: changedGithub, pulls: changedPulls },
      ];
      const touched = new Set<number>();
      for (const batch of batches) for (const p of engine.applyChanges(batch)) touched.add(p);
      const now = round === ROUNDS - 1 ? new Date(NOW.getTime() + DAY) : NOW;
      engine.recompute(now, touched);
      engine.forecast(now, touched);
      const incremental = engine.rollups(now);

      const fresh = new RollupEngine(hierarchy, settings, sourceData());
      fresh.setHistory(history);
      fresh.recompute(now);
      fresh.forecast(now);
      const full = fresh.rollups(now);
      expect(JSON.parse(JSON.stringify([...incremental.byId])), `round ${round}`).toEqual(
        JSON.parse(JSON.stringify([...full.byId])),
      );
      for (const id of projectIds) {
        expect(engine.projectItemRefs(id)).toEqual(fresh.projectItemRefs(id));
      }
    }
  });
});
