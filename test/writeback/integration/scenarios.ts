/**
 * The write-back "must show" scenarios, written once against a `SiteHarness` so the same checks
 * run against the Jira emulator (jira.js) and the GitHub emulator (Octokit), over HTTP, with a
 * real SQLite file. Each emulator's test file supplies the harness.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../src/db/open.js';
import { writtenComments } from '../../../src/db/schema.js';
import type { Hierarchy } from '../../../src/domain/hierarchy.js';
import type { FaultPlan } from '../../../src/emulators/core/faults.js';
import type { Rollup } from '../../../src/domain/rollup.js';
import { ManualClock } from '../../../src/lib/clock.js';
import { silentLogger } from '../../../src/lib/logger.js';
import type { CommentPort } from '../../../src/writeback/comment-port.js';
import { planTargets, type CommentTarget } from '../../../src/writeback/targets.js';
import {
  writeSummaries,
  type WriteSummariesReport,
} from '../../../src/writeback/write-summaries.js';
import { HOSTILE_TEXTS } from '../fixtures/rollups.js';
import { configRollups, writeSnapshots } from '../fixtures/snapshots.js';
import { visibleText } from '../helpers/inert.js';

export interface SiteComment {
  id: string;
  body: string;
}

export interface SiteHarness {
  kind: 'jira' | 'github';
  /** A fresh adapter, as a new worker process would build it (real client, over HTTP). */
  newPort(): CommentPort;
  /** Every comment on a target, as the site lists it (body: Markdown, or ADF JSON). */
  comments(target: string): SiteComment[];
  /** Deletes a comment as a person would. */
  deleteComment(target: string, id: string): void;
  /** Write requests (POST/PUT/PATCH/DELETE answered 2xx) the emulator counted since the reset. */
  writes(): number;
  resetStats(): void;
  /** Checks one stored comment body; returns problems (ADF rules, inert text). */
  checkBody(body: string): string[];
  /** The emulator's route names for creating and listing comments (for fault plans). */
  createRoute: string;
  listRoute: string;
  /** Injects faults into the emulator's answers (`{}` clears them). */
  setFaults(plan: FaultPlan): void;
}

export interface ScenarioWorld {
  harness: SiteHarness;
  /** The test config's hierarchy, naming targets that exist on the site and have no comment. */
  hierarchy: Hierarchy;
}

const DAY = '2026-11-24';
const AT = { day: DAY, computedAt: `${DAY}T06:00:00.000Z` };

function tempDbFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'northstar-wb-')), 'northstar.db');
}

/**
 * Registers the scenarios for one site. `setup` runs before each scenario and names new targets
 * on an already running emulator, so scenarios do not see each other's comments.
 */
export function defineStickyScenarios(
  name: string,
  setup: () => ScenarioWorld | Promise<ScenarioWorld>,
): void {
  describe(`sticky comments on ${name}`, () => {
    let world: ScenarioWorld;
    let dbs: Db[] = [];
    let file: string;
    const clock = new ManualClock(`${DAY}T07:00:00.000Z`);

    const open = (f = file): Db => {
      const db = openDatabase({ file: f });
      dbs.push(db);
      return db;
    };

    const targets = (): CommentTarget[] =>
      planTargets(world.hierarchy).targets.filter((t) => t.kind === world.harness.kind);

    const run = (
      db: Db,
      options: { dryRun?: boolean; recreateDeleted?: boolean; port?: CommentPort } = {},
    ): Promise<WriteSummariesReport> =>
      writeSummaries({
        db,
        hierarchy: world.hierarchy,
        ports: {
          jira: world.harness.kind === 'jira' ? (options.port ?? world.harness.newPort()) : null,
          github:
            world.harness.kind === 'github' ? (options.port ?? world.harness.newPort()) : null,
        },
        sites: { jira: 'https://acme.atlassian.net', githubWeb: 'https://github.com' },
        recreateDeleted: options.recreateDeleted ?? false,
        dryRun: options.dryRun ?? false,
        clock,
        logger: silentLogger(),
      });

    const mine = (report: WriteSummariesReport): WriteSummariesReport['targets'] =>
      report.targets.filter((t) => t.kind === world.harness.kind);

    const marked = (target: string): SiteComment[] =>
      world.harness.comments(target).filter((c) => c.body.includes('northstar'));

    beforeEach(async () => {
      world = await setup();
      file = tempDbFile();
      writeSnapshots(open(), configRollups(), AT);
      world.harness.resetStats();
    });

    afterEach(() => {
      for (const db of dbs) closeDatabase(db);
      dbs = [];
    });

    it('creates one comment per target, then makes zero writes while nothing changed', async () => {
      const db = open();
      const first = await run(db);
      expect(mine(first).map((t) => t.action)).toEqual(targets().map(() => 'create'));
      expect(world.harness.writes()).toBe(targets().length);
      for (const t of targets()) {
        const comments = marked(t.target);
        expect(comments).toHaveLength(1);
        expect(world.harness.checkBody(comments[0]?.body ?? '')).toEqual([]);
      }
      world.harness.resetStats();
      const second = await run(db);
      expect(mine(second).map((t) => t.action)).toEqual(targets().map(() => 'skip'));
      expect(world.harness.writes()).toBe(0);
      expect(second.writes).toBe(0);
    });

    it('edits only the affected comments after a data change, never adding one', async () => {
      const db = open();
      await run(db);
      const changed: Rollup[] = configRollups().map((r) =>
        r.id === 'node-images' ? { ...r, counts: { ...r.counts, done: r.counts.done + 1 } } : r,
      );
      writeSnapshots(db, changed, { ...AT, computedAt: `${DAY}T09:00:00.000Z` });
      world.harness.resetStats();
      const report = await run(db);
      const updated = mine(report).filter((t) => t.action === 'update');
      // node-images and the program listing it would change only if its health changed: not here.
      expect(updated.map((t) => t.nodeId)).toEqual(
        targets()
          .filter((t) => t.nodeId === 'node-images')
          .map((t) => t.nodeId),
      );
      expect(world.harness.writes()).toBe(updated.length);
      for (const t of targets()) expect(marked(t.target)).toHaveLength(1);
    });

    it('finds its comments again by marker when the database row is lost', async () => {
      await run(open());
      const fresh = open(tempDbFile());
      writeSnapshots(fresh, configRollups(), AT);
      world.harness.resetStats();
      const report = await run(fresh);
      expect(mine(report).map((t) => t.action)).toEqual(targets().map(() => 'skip'));
      expect(mine(report).every((t) => t.reason.startsWith('found again by its marker'))).toBe(
        true,
      );
      expect(world.harness.writes()).toBe(0);
      for (const t of targets()) expect(marked(t.target)).toHaveLength(1);
      // The adopted rows make the next run a plain skip.
      expect(fresh.select().from(writtenComments).all()).toHaveLength(targets().length);
    });

    it('leaves a comment a person deleted alone, or recreates it when configured', async () => {
      const db = open();
      await run(db);
      const [victim] = targets();
      if (!victim) throw new Error('no target');
      const [comment] = marked(victim.target);
      world.harness.deleteComment(victim.target, comment?.id ?? '');
      world.harness.resetStats();
      const kept = await run(db, { recreateDeleted: false });
      expect(mine(kept).find((t) => t.target === victim.target)).toMatchObject({
        action: 'skip',
        reason: 'deleted by a person (writeback.recreateDeleted: false)',
      });
      expect(marked(victim.target)).toHaveLength(0);
      expect(world.harness.writes()).toBe(0);
      const again = await run(db, { recreateDeleted: true });
      expect(mine(again).find((t) => t.target === victim.target)?.action).toBe('create');
      expect(marked(victim.target)).toHaveLength(1);
    });

    it('plans with --dry-run without writing', async () => {
      const db = open();
      const plan = await run(db, { dryRun: true });
      expect(mine(plan).map((t) => t.action)).toEqual(targets().map(() => 'create'));
      expect(mine(plan).every((t) => (t.diff ?? '').includes('+++ '))).toBe(true);
      expect(world.harness.writes()).toBe(0);
      expect(db.select().from(writtenComments).all()).toEqual([]);
    });

    it('keeps hostile titles inert in what the site stores', async () => {
      writeSnapshots(open(), configRollups({ hostile: true }), AT);
      await run(open());
      const hostile = targets().filter((x) => x.nodeId === 'scheduler-rewrite');
      expect(hostile.length).toBeGreaterThan(0);
      for (const t of hostile) {
        const [comment] = marked(t.target);
        const body = comment?.body ?? '';
        expect(world.harness.checkBody(body)).toEqual([]);
        // Inert, yet still readable: the reader sees the titles as they were written.
        const text = visibleText(world.harness.kind, body);
        for (const title of [...HOSTILE_TEXTS.slice(0, 5), '@org/team', '<b>Scheduler</b>'])
          expect(text).toContain(title);
      }
    });

    it('does not duplicate a comment whose create succeeded but whose answer was lost', async () => {
      const db = open();
      const [first] = targets();
      if (!first) throw new Error('no target');
      // The site stores the comment, then the connection breaks half-way through the answer.
      world.harness.setFaults({ truncateRate: 1, routes: [world.harness.createRoute] });
      try {
        await expect(run(db)).rejects.toThrow();
      } finally {
        world.harness.setFaults({});
      }
      expect(marked(first.target)).toHaveLength(1);
      world.harness.resetStats();
      const report = await run(db);
      for (const t of targets()) expect(marked(t.target)).toHaveLength(1);
      const [again, ...rest] = mine(report);
      expect(again).toMatchObject({ target: first.target, action: 'skip' });
      expect(again?.reason).toMatch(/^found again by its marker/);
      expect(rest.map((t) => t.action)).toEqual(rest.map(() => 'create'));
      expect(world.harness.writes()).toBe(rest.length);
    });

    it('posts no second comment when the comment list arrives broken', async () => {
      await run(open());
      const fresh = open(tempDbFile());
      writeSnapshots(fresh, configRollups(), AT);
      world.harness.resetStats();
      // Database lost and every list answer cut off: "no comment found" must not be concluded.
      world.harness.setFaults({ truncateRate: 1, routes: [world.harness.listRoute] });
      try {
        await expect(run(fresh)).rejects.toThrow();
      } finally {
        world.harness.setFaults({});
      }
      expect(world.harness.writes()).toBe(0);
      for (const t of targets()) expect(marked(t.target)).toHaveLength(1);
    });

    it('leaves exactly one comment per target when two workers write at once', async () => {
      // Same database (two connections): the claim decides.
      await Promise.all([run(open()), run(open())]);
      for (const t of targets()) expect(marked(t.target)).toHaveLength(1);
    });

    it('converges to one comment per target even for workers with separate databases', async () => {
      const other = open(tempDbFile());
      writeSnapshots(other, configRollups(), AT);
      await Promise.all([run(open()), run(other)]);
      for (const t of targets()) expect(marked(t.target)).toHaveLength(1);
      // Both databases now point at the surviving comment.
      const ids = (db: Db): (string | null)[] =>
        db
          .select()
          .from(writtenComments)
          .all()
          .map((r) => r.remoteId)
          .sort();
      expect(ids(other)).toEqual(ids(open()));
    });
  });
}
