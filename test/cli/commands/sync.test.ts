/**
 * `northstar sync` as a user runs it: the real CLI in a child process against the emulators, a
 * real SQLite file. `--json` shape; bad credentials exit 1 fast, say what to fix, show no token
 * and cause no retry storm.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgConfigOptions, renderOrgConfig } from '../../../src/cli/emulate/config.js';
import { startOrgEmulators, type OrgEmulators } from '../../../src/emulators/org/index.js';
import { runCli } from '../../helpers/cli.js';

const KEYS = [
  'fetched',
  'written',
  'unchanged',
  'removed',
  'quarantined',
  'requests',
  'notModified',
];

describe('northstar sync', () => {
  let org: OrgEmulators;
  let dir: string;
  let configFile: string;

  beforeAll(async () => {
    org = await startOrgEmulators({ seed: 'sync-cli', issues: 300, prs: 100 });
    dir = mkdtempSync(join(tmpdir(), 'northstar-sync-cli-'));
    configFile = join(dir, 'northstar.yaml');
    writeFileSync(configFile, renderOrgConfig(org.org, orgConfigOptions(org)));
  });
  afterAll(async () => {
    await org.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints per-unit counts and totals with --json', async () => {
    const db = join(dir, 'json.db');
    const result = await runCli(['--config', configFile, '--db', db, 'sync', '--json']);
    expect(result.stderr).not.toContain('failed');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      units: Record<string, unknown>[];
      totals: Record<string, number>;
    };
    expect(Object.keys(doc.totals).sort()).toEqual([...KEYS].sort());
    for (const unit of doc.units) {
      expect(Object.keys(unit).sort()).toEqual(['source', 'unit', ...KEYS].sort());
      expect(['jira', 'github']).toContain(unit['source']);
    }
    const github = doc.units.filter((u) => u['source'] === 'github');
    expect(github.length).toBe(org.org.repos.length * 2);
    for (const key of KEYS) {
      const sum = doc.units.reduce((n, u) => n + (u[key] as number), 0);
      expect(doc.totals[key]).toBe(sum);
    }
    expect(doc.totals['written']).toBeGreaterThan(0);
    // The emulators saw exactly the requests the report counts.
    const seen =
      org.jira.emulator.control.stats().total + org.github.emulator.control.stats().total;
    expect(doc.totals['requests']).toBe(seen);

    // `status` shows GitHub's budget as the last answer announced it, and the job log.
    const status = await runCli(['--config', configFile, '--db', db, 'status', '--json'], {
      env: { REDIS_URL: 'redis://127.0.0.1:1' },
    });
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout) as {
      rateLimits: { source: string; limit: number; remaining: number; resetAt: string }[];
      recentRuns: { job: string; status: string }[];
      units: { source: string; fullReadAt: string | null }[];
    };
    // A first sync reads every GitHub list whole (where deleted items are found).
    const lists = report.units.filter((u) => u.source === 'github');
    expect(lists.length).toBe(org.org.repos.length * 2);
    expect(lists.every((u) => u.fullReadAt !== null)).toBe(true);
    const budget = report.rateLimits.find((r) => r.source === 'github');
    const headers = org.github.emulator.control.rateLimit('northstar-bot');
    expect(budget).toMatchObject({ limit: headers.limit, remaining: headers.remaining });
    expect(Date.parse(budget?.resetAt ?? '')).toBeGreaterThan(Date.now());
    expect(report.recentRuns).toContainEqual(
      expect.objectContaining({ job: 'sync-start', status: 'ok' }),
    );
    expect(report.recentRuns.filter((r) => r.job === 'ingest-page')).toEqual([]);

    const again = await runCli([
      '--config',
      configFile,
      '--db',
      db,
      'sync',
      '--source',
      'github',
      '--json',
    ]);
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout) as {
      units: { source: string }[];
      totals: Record<string, number>;
    };
    // Jira is asked only for its project keys (PR mentions count only for real projects).
    expect(
      second.units.filter((u) => u.source === 'jira').map((u) => (u as { unit?: string }).unit),
    ).toEqual(['site']);
    expect(second.totals['written']).toBe(0);
    // Every GitHub list answered 304 Not Modified.
    const githubUnits = second.units.filter((u) => u.source === 'github') as unknown as Record<
      string,
      number
    >[];
    expect(githubUnits.length).toBe(org.org.repos.length * 2);
    for (const unit of githubUnits) expect(unit['notModified']).toBe(unit['requests']);
  }, 60_000);

  it('rejects a bad --source with exit 2', async () => {
    const result = await runCli([
      '--config',
      configFile,
      '--db',
      join(dir, 'x.db'),
      'sync',
      '--source',
      'svn',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--source must be jira or github');
  });

  it('exits 1 within seconds on bad credentials, says what to fix, shows no token', async () => {
    const jiraToken = 'jira-wrong-token-5b1f0c9e';
    const githubToken = 'ghp_wrongTOKENvalue8d2a7';
    for (const [source, env, fix] of [
      ['jira', { JIRA_API_TOKEN: jiraToken }, 'JIRA_API_TOKEN'],
      ['github', { GITHUB_TOKEN: githubToken }, 'GITHUB_TOKEN'],
    ] as const) {
      const jiraBefore = org.jira.emulator.control.stats().total;
      const githubBefore = org.github.emulator.control.stats().total;
      const started = Date.now();
      const result = await runCli(
        [
          '--config',
          configFile,
          '--db',
          join(dir, `auth-${source}.db`),
          'sync',
          '--source',
          source,
          '--json',
        ],
        { env: { ...env, LOG_LEVEL: 'debug' } },
      );
      const elapsed = Date.now() - started;
      expect(result.code).toBe(1);
      // Almost all of it is the CLI starting through tsx (on an oversubscribed 2-core machine);
      // the refusal itself is one round trip with no backoff — the request count below pins that.
      expect(elapsed).toBeLessThan(45_000);
      expect(result.stderr).toContain('rejected the credentials');
      expect(result.stderr).toContain(fix);
      for (const text of [result.stdout, result.stderr]) {
        expect(text).not.toContain(jiraToken);
        expect(text).not.toContain(githubToken);
      }
      const refusedHost =
        source === 'jira'
          ? org.jira.emulator.control.stats().total - jiraBefore
          : org.github.emulator.control.stats().total - githubBefore;
      // No retry storm: the one 401 is the only request that reached the refusing host.
      expect(refusedHost).toBe(1);
    }
  }, 60_000);
});
