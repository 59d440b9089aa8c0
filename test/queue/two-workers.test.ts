/**
 * Two `northstar worker` processes started at once on one Redis prefix and one database host,
 * each asked for a full sync at the same moment: no source unit is ever fetched by two jobs at
 * once (from the workers' own job logs), and every summary comment is written exactly once (from
 * the emulators' request counts and the comments they hold).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, dbFileIn, startWorker, startWorld, waitIdle, type OrgWorld } from './org-world.js';

let world: OrgWorld;

beforeAll(async () => {
  world = await startWorld({ seed: 'twins', issues: 80, prs: 24 });
}, 120_000);

afterAll(async () => {
  await world.close();
});

interface LogLine {
  time: number;
  pid: number;
  msg: string;
  job?: string;
  jobId?: string;
  unit?: string | null;
}

interface Interval {
  unit: string;
  pid: number;
  jobId: string;
  start: number;
  end: number;
}

/** Fetch-job intervals per process from `job started` … `job finished|stopped|returned`. */
function fetchIntervals(stderr: string): Interval[] {
  const open = new Map<string, LogLine>();
  const intervals: Interval[] = [];
  for (const text of stderr.split('\n')) {
    if (!text.startsWith('{')) continue;
    const line = JSON.parse(text) as LogLine;
    if (line.job !== 'sync-jira' && line.job !== 'sync-github') continue;
    if (typeof line.unit !== 'string' || line.jobId === undefined) continue;
    const key = `${line.pid}:${line.jobId}`;
    if (line.msg === 'job started') open.set(key, line);
    else if (/^job (finished|stopped|returned)/.test(line.msg)) {
      const started = open.get(key);
      if (!started) continue;
      open.delete(key);
      intervals.push({
        unit: line.unit,
        pid: line.pid,
        jobId: line.jobId,
        start: started.time,
        end: line.time,
      });
    }
  }
  return intervals;
}

/** What write-back decided per target (`summary comment` log lines). */
function summaryActions(stderr: string): { pid: number; target: string; action: string }[] {
  return stderr
    .split('\n')
    .filter((text) => text.startsWith('{'))
    .map((text) => JSON.parse(text) as LogLine & { target?: string; action?: string })
    .filter((line) => line.msg === 'summary comment' && line.action !== 'skip')
    .map((line) => ({ pid: line.pid, target: line.target ?? '', action: line.action ?? '' }));
}

function summaryTargets(configFile: string): string[] {
  const config = parse(readFileSync(configFile, 'utf8')) as {
    bets: {
      programs: {
        trackingIssue?: string;
        projects: { jira?: { epics?: string[] }; github?: { trackingIssue?: string } }[];
      }[];
    }[];
  };
  const programs = config.bets.flatMap((b) => b.programs);
  const projects = programs.flatMap((p) => p.projects);
  return [
    ...new Set([
      ...projects.flatMap((p) => p.jira?.epics ?? []),
      ...projects.flatMap((p) => (p.github?.trackingIssue ? [p.github.trackingIssue] : [])),
      ...programs.flatMap((p) => (p.trackingIssue ? [p.trackingIssue] : [])),
    ]),
  ];
}

function routeCount(byRoute: Record<string, number>, pattern: RegExp): number {
  return Object.entries(byRoute)
    .filter(([route]) => pattern.test(route))
    .reduce((n, [, count]) => n + count, 0);
}

describe('two workers at once', () => {
  it('never fetch one source unit twice at once and never write a summary twice', async () => {
    const prefix = world.newPrefix('twins');
    const db = dbFileIn(world, 'twins');
    const { jira, github } = world.org;
    jira.emulator.server.resetStats();
    github.emulator.server.resetStats();
    const env = { LOG_LEVEL: 'debug' };
    const first = startWorker(world, { db, prefix, args: ['--no-schedules'], env });
    const second = startWorker(world, { db, prefix, args: ['--no-schedules'], env });
    // Both ask for a full sync at the same moment.
    const enqueued = await Promise.all([
      cli(world, ['enqueue', 'sync', '--full'], { db, prefix }),
      cli(world, ['enqueue', 'sync', '--full'], { db, prefix }),
    ]);
    for (const e of enqueued) expect(e.code, e.stderr).toBe(0);
    await waitIdle(prefix, 150_000);
    first.child.kill('SIGTERM');
    second.child.kill('SIGTERM');
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code, a.stderr.slice(-2000)).toBe(0);
    expect(b.code, b.stderr.slice(-2000)).toBe(0);

    const intervals = [...fetchIntervals(a.stderr), ...fetchIntervals(b.stderr)];
    expect(intervals.length).toBeGreaterThan(5);
    // Both processes did fetch work: the test is about two workers, not one and an idle twin.
    expect(new Set(intervals.map((i) => i.pid)).size).toBe(2);
    const byUnit = new Map<string, Interval[]>();
    for (const interval of intervals) {
      const list = byUnit.get(interval.unit) ?? [];
      list.push(interval);
      byUnit.set(interval.unit, list);
    }
    for (const [unit, list] of byUnit) {
      const sorted = list.sort((x, y) => x.start - y.start);
      for (let i = 1; i < sorted.length; i++) {
        const previous = sorted[i - 1];
        const current = sorted[i];
        if (!previous || !current) continue;
        expect(
          current.start,
          `unit ${unit}: ${previous.jobId} and ${current.jobId} overlap`,
        ).toBeGreaterThanOrEqual(previous.end);
      }
    }

    // Every summary written once: one create per target, no edits, one comment each.
    const targets = summaryTargets(world.configFile);
    expect(targets.length).toBeGreaterThan(3);
    const jiraRoutes = jira.emulator.server.stats().byRoute;
    const githubRoutes = github.emulator.server.stats().byRoute;
    const creates =
      routeCount(jiraRoutes, /^POST .*\/comment$/) +
      routeCount(githubRoutes, /^POST .*\/comments$/);
    const edits =
      routeCount(jiraRoutes, /^PUT .*\/comment\/\{[^}]+\}$/) +
      routeCount(githubRoutes, /^PATCH .*\/comments\/\{[^}]+\}$/);
    // Partial rollups (a unit finished, then the next) may legitimately edit a summary with new
    // numbers; what must never happen is a second comment or a write nobody decided on.
    const decided = [...summaryActions(a.stderr), ...summaryActions(b.stderr)];
    expect(creates).toBe(targets.length);
    expect(decided.filter((d) => d.action === 'create')).toHaveLength(targets.length);
    expect(new Set(decided.filter((d) => d.action === 'create').map((d) => d.target)).size).toBe(
      targets.length,
    );
    expect(edits).toBe(decided.filter((d) => d.action === 'update').length);
    // Write-back runs only in the process that owns the database.
    expect(new Set(decided.map((d) => d.pid)).size).toBe(1);
    for (const target of targets) {
      const issue = /^(.+)#(\d+)$/.exec(target);
      const bodies = issue
        ? github.emulator.control
            .listComments({ repo: issue[1] ?? '', number: Number(issue[2]) })
            .map((c) => c.body)
        : jira.emulator.control.comments(target).map((c) => JSON.stringify(c.body));
      expect(
        bodies.filter((body) => /northstar/i.test(body) && /summary/i.test(body)),
        target,
      ).toHaveLength(1);
    }
  }, 300_000);
});
