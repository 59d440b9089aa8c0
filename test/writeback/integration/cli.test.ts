/**
 * `northstar writeback` end to end: the real CLI in child processes, jira.js and Octokit over
 * HTTP to the emulators, rollup snapshots in a real SQLite file. Every count of writes comes from
 * the emulators (their request statistics and logs), not from what northstar reports.
 *
 * One story, in order: plan, first run, the stored bodies, a rerun, a data change, a lost
 * database, comments deleted by a person (both settings), then two processes at once (same
 * database, then separate databases) on new targets.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/open.js';
import { writtenComments } from '../../../src/db/schema.js';
import type { Rollup } from '../../../src/domain/rollup.js';
import { validateAdf } from '../../../src/writeback/adf/validate.js';
import { JIRA_PROPERTY_KEY } from '../../../src/writeback/render/marker.js';
import { planTargets } from '../../../src/writeback/targets.js';
import { JIRA_SPEC_ALLOWLIST } from '../../emulators/jira/spec-allowlist.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { createSpecValidator, JIRA_SPEC } from '../../helpers/openapi.js';
import { configYaml, loadTestConfig, type ConfigTargets } from '../fixtures/config.js';
import { configRollups, writeSnapshots } from '../fixtures/snapshots.js';
import { githubBodyProblems, jiraBodyProblems } from '../helpers/inert.js';
import { jiraRequestValidator } from '../helpers/jira-spec.js';
import { parseIssueTarget, startWritebackSites, type WritebackSites } from './sites.js';

const DAY = '2026-11-24';
const AT = { day: DAY, computedAt: `${DAY}T06:00:00.000Z` };

interface JsonTarget {
  target: string;
  action: 'create' | 'update' | 'skip';
  commentId: string | null;
}
interface JsonReport {
  targets: JsonTarget[];
  writes: number;
}

interface Setup {
  targets: ConfigTargets;
  /** Comment targets in the order the config names them. */
  order: string[];
  config: string;
  db: string;
}

/** Scheduler-rewrite with one more item done: its epics and tracking issue change. */
function withOneMoreDone(rollups: Rollup[]): Rollup[] {
  return rollups.map((r) =>
    r.id === 'scheduler-rewrite'
      ? {
          ...r,
          counts: { ...r.counts, done: r.counts.done + 1, inProgress: r.counts.inProgress - 1 },
        }
      : r,
  );
}

// Each step spawns the CLI once or twice (a few seconds each, far more on a loaded machine).
describe('northstar writeback against the emulators (spawned CLI)', { timeout: 240_000 }, () => {
  let sites: WritebackSites;
  let dir: string;
  let s: Setup;
  let firstIds: Map<string, string>;
  let rollups = configRollups();

  const seedDb = (file: string, data: Rollup[], at = AT): void => {
    const db = openDatabase({ file });
    writeSnapshots(db, data, at);
    closeDatabase(db);
  };

  const setUp = (name: string, recreateDeleted = false): Setup => {
    const targets = sites.newTargets();
    const config = join(dir, `${name}.yaml`);
    writeFileSync(
      config,
      configYaml({
        jiraUrl: sites.jira.url,
        githubUrl: sites.github.url,
        targets,
        recreateDeleted,
        credentialsFromEnv: true,
      }),
    );
    const { hierarchy } = loadTestConfig({
      jiraUrl: sites.jira.url,
      githubUrl: sites.github.url,
      targets,
      env: sites.env,
    });
    const db = join(dir, `${name}.db`);
    seedDb(db, rollups);
    return { targets, order: planTargets(hierarchy).targets.map((t) => t.target), config, db };
  };

  const writeback = (args: string[], o: { config?: string; db?: string } = {}) =>
    runCli(['--config', o.config ?? s.config, '--db', o.db ?? s.db, 'writeback', ...args], {
      env: sites.env,
      timeoutMs: 120_000,
    });

  const json = (result: CliResult): JsonReport => {
    expect(result.stderr).not.toMatch(/"level":(50|60)/);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as JsonReport;
  };

  const storedRows = (db: string) => {
    const handle = openDatabase({ file: db });
    try {
      return handle.select().from(writtenComments).all();
    } finally {
      closeDatabase(handle);
    }
  };

  /** No request was refused for a rate limit, and none was retried early. */
  const expectNoRateLimits = (): void => {
    const refused = [...sites.githubLog.entries, ...sites.jiraLog.entries].filter(
      (e) => e.status === 403 || e.status === 429,
    );
    expect(refused.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([]);
    expect(sites.github.control.earlyRetries().count).toBe(0);
  };

  beforeAll(async () => {
    sites = await startWritebackSites('wb-cli');
    dir = mkdtempSync(join(tmpdir(), 'northstar-wb-cli-'));
    s = setUp('main');
    sites.resetStats();
  });
  afterAll(() => sites.close());

  it('--dry-run prints create for every target with a diff, and writes nothing', async () => {
    const result = await writeback(['--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    for (const target of s.order) {
      expect(result.stdout).toContain(`would create ${target} — no comment yet`);
      expect(result.stdout).toContain(`--- ${target} (no comment)\n+++ ${target} (new)`);
    }
    expect(result.stdout).toMatch(/^\+.*Generated by northstar \(summary: scheduler-rewrite\)\./m);
    expect(result.stdout).toContain(`dry run: nothing written (${s.order.length} would change)`);
    expect(sites.writes()).toEqual({ jira: 0, github: 0 });
    expect(storedRows(s.db)).toEqual([]);
    expectNoRateLimits();
  });

  it('the first run creates exactly one comment per target; --json is exactly the issue’s shape', async () => {
    sites.resetStats();
    const report = json(await writeback(['--json']));
    const summaries = new Map(s.order.map((t) => [t, sites.summaries(t)]));
    for (const [target, found] of summaries) expect(found, target).toHaveLength(1);
    firstIds = new Map([...summaries].map(([t, found]) => [t, found[0]?.id ?? '']));
    expect(report).toEqual({
      targets: s.order.map((target) => ({
        target,
        action: 'create',
        commentId: firstIds.get(target),
      })),
      writes: s.order.length,
    });
    const github = s.order.filter((t) => parseIssueTarget(t) !== null).length;
    expect(sites.writes()).toEqual({ jira: s.order.length - github, github });
    // Bet (Jira issue), program (GitHub tracking issue), both projects' epics and tracking issue.
    expect(s.order).toEqual([
      s.targets.betIssue,
      s.targets.programTracking,
      ...s.targets.schedulerEpics,
      s.targets.schedulerTracking,
      s.targets.nodeImagesEpics[0],
    ]);
    // What jira.js sent is a valid create request per the Jira spec.
    const create = jiraRequestValidator('/rest/api/3/issue/{issueIdOrKey}/comment', 'post');
    const posts = sites.jiraLog.writes();
    expect(posts.map((p) => p.method)).toEqual(posts.map(() => 'POST'));
    for (const post of posts) expect(create(post.body), JSON.stringify(create.errors)).toBe(true);
    expectNoRateLimits();
  });

  it('stores Jira bodies that are valid ADF per the spec, and the expected GitHub Markdown', async () => {
    const spec = createSpecValidator(JIRA_SPEC, { allow: JIRA_SPEC_ALLOWLIST });
    const auth = Buffer.from(`${sites.env['JIRA_EMAIL']}:${sites.env['JIRA_API_TOKEN']}`);
    for (const target of s.order.filter((t) => parseIssueTarget(t) === null)) {
      const path = `/rest/api/3/issue/${target}/comment?expand=properties`;
      const response = await fetch(`${sites.jira.url}${path}`, {
        headers: { authorization: `Basic ${auth.toString('base64')}` },
      });
      const body = (await response.json()) as {
        comments: { id: string; body: unknown; properties: { key: string; value: unknown }[] }[];
      };
      expect(spec.validate({ method: 'GET', url: path, status: response.status, body })).toEqual(
        [],
      );
      const ours = body.comments.filter((c) => c.id === firstIds.get(target));
      expect(ours).toHaveLength(1);
      const [comment] = ours;
      expect(validateAdf(comment?.body)).toEqual({ valid: true, problems: [] });
      expect(jiraBodyProblems(JSON.stringify(comment?.body))).toEqual([]);
      expect(comment?.properties.find((p) => p.key === JIRA_PROPERTY_KEY)?.value).toMatchObject({
        nodeId: expect.any(String) as unknown,
        contentHash: expect.any(String) as unknown,
      });
    }
    const normalise = (body: string): string =>
      body
        .split(sites.jira.url)
        .join('https://jira.example')
        .split(sites.github.url)
        .join('https://github.example')
        .replace(/northstar:hash=[A-Za-z0-9_-]+/, 'northstar:hash=<hash>');
    const project = sites.summaries(s.targets.schedulerTracking)[0]?.body ?? '';
    const program = sites.summaries(s.targets.programTracking)[0]?.body ?? '';
    expect(githubBodyProblems(project)).toEqual([]);
    expect(githubBodyProblems(program)).toEqual([]);
    await expect(normalise(project)).toMatchFileSnapshot(
      '../__snapshots__/github-stored-project.md',
    );
    await expect(normalise(program)).toMatchFileSnapshot(
      '../__snapshots__/github-stored-program.md',
    );
  });

  it('a second run with no data change makes zero write requests', async () => {
    // The rollup ran again an hour later with the same numbers: only the data time moved.
    seedDb(s.db, rollups, { ...AT, computedAt: `${DAY}T07:00:00.000Z` });
    sites.resetStats();
    const report = json(await writeback(['--json']));
    expect(report).toEqual({
      targets: s.order.map((target) => ({
        target,
        action: 'skip',
        commentId: firstIds.get(target),
      })),
      writes: 0,
    });
    expect(sites.writes()).toEqual({ jira: 0, github: 0 });
    expect(sites.jiraLog.writes()).toEqual([]);
    expect(sites.githubLog.writes()).toEqual([]);
    expectNoRateLimits();
  });

  it('after a data change edits only the affected comments, Jira with notifyUsers=false', async () => {
    rollups = withOneMoreDone(rollups);
    seedDb(s.db, rollups);
    sites.resetStats();
    const notifiedBefore = sites.jira.control.notifications().length;
    const report = json(await writeback(['--json']));
    const affected = [...s.targets.schedulerEpics, s.targets.schedulerTracking];
    expect(report).toEqual({
      targets: s.order.map((target) => ({
        target,
        action: affected.includes(target) ? 'update' : 'skip',
        commentId: firstIds.get(target),
      })),
      writes: affected.length,
    });
    expect(sites.writes()).toEqual({ jira: 2, github: 1 });
    // From the request log: the Jira edits are PUTs with notifyUsers=false; GitHub's a PATCH.
    const puts = sites.jiraLog.writes();
    expect(puts.map((p) => `${p.method} ${p.path}`)).toEqual(
      s.targets.schedulerEpics.map(
        (key) => `PUT /rest/api/3/issue/${key}/comment/${firstIds.get(key) ?? ''}`,
      ),
    );
    expect(puts.map((p) => p.query.get('notifyUsers'))).toEqual(['false', 'false']);
    const update = jiraRequestValidator('/rest/api/3/issue/{issueIdOrKey}/comment/{id}', 'put');
    for (const put of puts) expect(update(put.body), JSON.stringify(update.errors)).toBe(true);
    expect(sites.jira.control.notifications().slice(notifiedBefore)).toMatchObject([
      { action: 'updated', notifyUsers: false },
      { action: 'updated', notifyUsers: false },
    ]);
    expect(sites.githubLog.writes().map((w) => w.method)).toEqual(['PATCH']);
    for (const target of s.order) expect(sites.summaries(target), target).toHaveLength(1);
    expectNoRateLimits();
  });

  it('with the database lost, finds every comment again by its marker (and our author) instead of duplicating', async () => {
    // People copy our comments: same marker / footer, and on Jira even the property, but another
    // author. They must be neither adopted nor deleted.
    const jiraTarget = s.targets.schedulerEpics[0] ?? '';
    const ghTarget = parseIssueTarget(s.targets.schedulerTracking);
    if (!ghTarget) throw new Error('no GitHub target');
    const ours = (target: string) =>
      sites.summaries(target).find((c) => c.id === firstIds.get(target))?.body ?? '';
    const ghCopy = sites.github.control.addComment(ghTarget, {
      body: ours(s.targets.schedulerTracking),
    });
    const jiraCopy = sites.jira.control.addComment(
      jiraTarget,
      JSON.parse(ours(jiraTarget)) as object,
    );
    const human = sites.jira.humanCredentials;
    const property = await fetch(
      `${sites.jira.url}/rest/api/3/comment/${jiraCopy.id}/properties/${JIRA_PROPERTY_KEY}`,
      {
        method: 'PUT',
        headers: {
          authorization: `Basic ${Buffer.from(`${human.email}:${human.apiToken}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ nodeId: 'scheduler-rewrite', contentHash: 'copied' }),
      },
    );
    expect(property.status).toBe(201);

    const lost = join(dir, 'lost.db');
    seedDb(lost, rollups);
    sites.resetStats();
    const result = await writeback([], { db: lost });
    expect(result.code, result.stderr).toBe(0);
    for (const target of s.order) {
      expect(result.stdout).toContain(
        `skip         ${target} comment ${firstIds.get(target) ?? ''} — found again by its marker, unchanged`,
      );
    }
    expect(sites.writes()).toEqual({ jira: 0, github: 0 });
    // The copies are still there, untouched; ours is still the only one by the bot.
    expect(sites.summaries(s.targets.schedulerTracking).map((c) => c.id)).toEqual([
      firstIds.get(s.targets.schedulerTracking),
      String(ghCopy.id),
    ]);
    expect(sites.summaries(jiraTarget).map((c) => c.id)).toEqual([
      firstIds.get(jiraTarget),
      jiraCopy.id,
    ]);
    // The adopted rows point at the same comments: the next run is a plain skip.
    expect(new Map(storedRows(lost).map((r) => [r.target, r.remoteId]))).toEqual(firstIds);
    sites.deleteComment(s.targets.schedulerTracking, String(ghCopy.id));
    sites.deleteComment(jiraTarget, jiraCopy.id);
    expectNoRateLimits();
  });

  it('a comment a person deleted stays deleted (recreateDeleted: false) or comes back (true)', async () => {
    const victims = [s.targets.schedulerEpics[1] ?? '', s.targets.programTracking];
    for (const target of victims) sites.deleteComment(target, firstIds.get(target) ?? '');
    sites.resetStats();
    const kept = await writeback([]);
    expect(kept.code, kept.stderr).toBe(0);
    for (const target of victims) {
      expect(kept.stdout).toContain(
        `skip         ${target} — deleted by a person (writeback.recreateDeleted: false)`,
      );
      expect(sites.summaries(target)).toEqual([]);
    }
    expect(kept.stdout).toContain('0 write request(s)');
    expect(sites.writes()).toEqual({ jira: 0, github: 0 });

    writeFileSync(
      s.config,
      configYaml({
        jiraUrl: sites.jira.url,
        githubUrl: sites.github.url,
        targets: s.targets,
        recreateDeleted: true,
        credentialsFromEnv: true,
      }),
    );
    const report = json(await writeback(['--json']));
    for (const t of report.targets) {
      expect(t.action, t.target).toBe(victims.includes(t.target) ? 'create' : 'skip');
      expect(sites.summaries(t.target), t.target).toHaveLength(1);
      if (victims.includes(t.target)) expect(t.commentId).toBe(sites.summaries(t.target)[0]?.id);
    }
    expect(report.writes).toBe(2);
    expect(sites.writes()).toEqual({ jira: 1, github: 1 });
    expectNoRateLimits();
  });

  it('two processes at once on one database leave exactly one comment per target', async () => {
    const fresh = setUp('race-same-db');
    sites.resetStats();
    const reports = (
      await Promise.all([
        writeback(['--json'], { config: fresh.config, db: fresh.db }),
        writeback(['--json'], { config: fresh.config, db: fresh.db }),
      ])
    ).map(json);
    for (const target of fresh.order) expect(sites.summaries(target), target).toHaveLength(1);
    // The per-target claim lets exactly one process create each comment: no duplicate to delete.
    const creates = reports.flatMap((r) => r.targets.filter((t) => t.action === 'create'));
    expect(creates.map((t) => t.target).sort()).toEqual([...fresh.order].sort());
    const github = fresh.order.filter((t) => parseIssueTarget(t) !== null).length;
    expect(sites.writes()).toEqual({ jira: fresh.order.length - github, github });
    expectNoRateLimits();
  });

  it('two processes at once with separate databases still converge to one comment per target', async () => {
    const fresh = setUp('race-a');
    const otherDb = join(dir, 'race-b.db');
    seedDb(otherDb, rollups);
    sites.resetStats();
    await Promise.all([
      writeback(['--json'], { config: fresh.config, db: fresh.db }).then(json),
      writeback(['--json'], { config: fresh.config, db: otherDb }).then(json),
    ]);
    for (const target of fresh.order) expect(sites.summaries(target), target).toHaveLength(1);
    const ids = (db: string) => new Map(storedRows(db).map((r) => [r.target, r.remoteId]));
    expect(ids(otherDb)).toEqual(ids(fresh.db));
    expect(new Map(fresh.order.map((t) => [t, sites.summaries(t)[0]?.id]))).toEqual(ids(fresh.db));
    expectNoRateLimits();
  });
});
