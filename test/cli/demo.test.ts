/**
 * The README's promise: `northstar demo` needs nothing but Node — it starts the emulators, runs one
 * whole cycle and leaves a database, a report and the sticky comments (read back from the
 * emulators) where it says.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ns-demo-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface DemoJson {
  org: { projects: number; jiraIssues: number; githubPrs: number };
  database: string;
  config: string;
  reports: string[];
  comments: { dir: string; count: number };
  cycle: { ok: boolean; writes: number };
  emulators: { serving: boolean };
}

interface ConfigProject {
  jira?: { epics?: string[] };
  github?: { trackingIssue?: string };
}

describe('northstar demo', () => {
  it('runs one whole cycle on the embedded default and shows where everything is', async () => {
    const out = join(dir, 'demo');
    const result = await runCli(['demo', '--out', out, '--json'], { timeoutMs: 170_000 });
    expect(result.stderr).toContain('running one cycle in-process');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as DemoJson;
    expect(json.cycle.ok).toBe(true);
    expect(json.emulators.serving).toBe(false);
    expect(json.org.jiraIssues).toBeGreaterThan(1000);

    // The database holds the synced org and a rollup per node.
    const db = new Database(json.database, { readonly: true });
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    // The config selects most of the site, not all of it (exact scope: test/sync/full-sync.test.ts).
    const issues = count('SELECT count(*) AS n FROM jira_issues');
    expect(issues).toBeGreaterThan(json.org.jiraIssues / 2);
    expect(issues).toBeLessThanOrEqual(json.org.jiraIssues);
    const prs = count('SELECT count(*) AS n FROM github_pull_requests');
    expect(prs).toBeGreaterThan(json.org.githubPrs / 2);
    expect(prs).toBeLessThanOrEqual(json.org.githubPrs);
    const config = parse(readFileSync(json.config, 'utf8')) as {
      bets: { programs: { trackingIssue?: string; projects: ConfigProject[] }[] }[];
    };
    const programs = config.bets.flatMap((b) => b.programs);
    const projects = programs.flatMap((p) => p.projects);
    expect(projects).toHaveLength(json.org.projects);
    expect(count('SELECT count(DISTINCT node_id) AS n FROM rollup_snapshots')).toBe(
      config.bets.length + programs.length + projects.length,
    );
    db.close();

    // One comment per configured target, each read back from the emulators into a file.
    const targets = [
      ...projects.flatMap((p) => p.jira?.epics ?? []),
      ...projects.flatMap((p) => (p.github?.trackingIssue ? [p.github.trackingIssue] : [])),
      ...programs.flatMap((p) => (p.trackingIssue ? [p.trackingIssue] : [])),
    ];
    expect(json.comments.count).toBe(new Set(targets).size);
    expect(json.cycle.writes).toBe(json.comments.count);
    const files = readdirSync(json.comments.dir);
    const texts = files.filter((f) => f.endsWith('.txt') || f.endsWith('.md'));
    expect(texts).toHaveLength(json.comments.count);
    for (const file of texts) {
      expect(readFileSync(join(json.comments.dir, file), 'utf8')).toMatch(/northstar/i);
    }

    // The weekly report in every format.
    expect(json.reports.map((f) => f.split('.').pop()).sort()).toEqual([
      'csv',
      'html',
      'json',
      'md',
    ]);
    for (const file of json.reports) expect(existsSync(file)).toBe(true);
    expect(readFileSync(json.reports.find((f) => f.endsWith('.html')) ?? '', 'utf8')).toContain(
      '<svg',
    );
  }, 180_000);
});
