/**
 * GitHub's content-creation limit (80 comment writes a minute, 500 an hour) against the GitHub
 * emulator, whose limit answers a 403 "secondary rate limit" as GitHub does.
 *
 * Waiting out a real minute per test is too slow, so only `Date` is faked: the emulator's sliding
 * windows, northstar's limiter and the job's clock all read `Date.now()`, and the limiter's pause
 * moves the fake time forward instead of sleeping. Everything else (HTTP, Octokit, SQLite) is real.
 * Octokit here has no throttling plugin: the plugin's own one-second spacing of writes would keep
 * any single process under 80/min by itself, and this test is about northstar's limiter.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildHierarchy, parseConfigText } from '../../../src/config/index.js';
import { closeDatabase, openDatabase, type Db } from '../../../src/db/open.js';
import type { Hierarchy } from '../../../src/domain/hierarchy.js';
import { DEFAULT_GITHUB_TOKEN } from '../../../src/emulators/github/auth.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../../src/emulators/github/server.js';
import { systemClock } from '../../../src/lib/clock.js';
import { RateLimitedError } from '../../../src/lib/errors/index.js';
import { silentLogger } from '../../../src/lib/logger.js';
import { GitHubComments } from '../../../src/writeback/github-comments.js';
import { SlidingWindowLimiter } from '../../../src/writeback/rate-limit.js';
import {
  writeSummaries,
  type WriteSummariesReport,
} from '../../../src/writeback/write-summaries.js';
import { projectRollup } from '../fixtures/rollups.js';
import { writeSnapshots } from '../fixtures/snapshots.js';

const PROJECTS = 100;
const REPO = 'acme/scheduler';

describe("GitHub's content-creation limit", () => {
  let gh: GitHubEmulator;
  let dbs: Db[] = [];
  /** When each comment write reached the emulator (fake time), and how it was answered. */
  let writes: { at: number; status: number }[] = [];

  // The emulator reads the time through the `Date.now` it sees when it starts: start it after
  // faking `Date`, once per test.
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    gh = await startGitHubEmulator({ seed: 'wb-limit', repos: 1, issues: 5, prs: 0 });
    writes = [];
    gh.server.observe(({ request, response }) => {
      if (request.method === 'POST' || request.method === 'PATCH')
        writes.push({ at: Date.now(), status: response.status });
    });
  });
  afterEach(async () => {
    await gh.close();
    vi.useRealTimers();
    for (const db of dbs) closeDatabase(db);
    dbs = [];
  });

  /** A config with `count` projects, each with a new tracking issue, and their rollups. */
  const world = (count: number): { hierarchy: Hierarchy; db: Db } => {
    const projects = Array.from({ length: count }, (_, i) => {
      const issue = gh.control.createIssue(REPO, { title: `Tracking: project ${i}` });
      return `
          - id: p-${i}
            name: Project ${i}
            github: { repos: [${REPO}], trackingIssue: ${REPO}#${issue.number} }`;
    });
    const yaml = `
github:
  baseUrl: ${gh.url}
  token: test
bets:
  - id: bet
    name: The bet
    programs:
      - id: program
        name: The program
        projects:${projects.join('')}
`;
    const { config } = parseConfigText(yaml, { file: 'limit.yaml', env: {} });
    const db = openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'ns-limit-')), 'n.db') });
    dbs.push(db);
    const rollups = Array.from({ length: count }, (_, i) =>
      projectRollup({ id: `p-${i}`, name: `Project ${i}` }),
    );
    writeSnapshots(db, rollups, { day: '2026-11-24', computedAt: '2026-11-24T06:00:00.000Z' });
    return { hierarchy: buildHierarchy(config), db };
  };

  /** One write-back job, with a new adapter (as a worker builds one per job). */
  const run = (limiter?: SlidingWindowLimiter, count = PROJECTS): Promise<WriteSummariesReport> => {
    const { hierarchy, db } = world(count);
    const port = new GitHubComments({
      octokit: new Octokit({
        baseUrl: gh.url,
        auth: DEFAULT_GITHUB_TOKEN,
        log: {
          debug: () => undefined,
          info: () => undefined,
          warn: () => undefined,
          error: () => undefined,
        },
      }),
      clock: systemClock,
      ...(limiter ? { limiter } : {}),
      sleep: (ms) => {
        vi.setSystemTime(Date.now() + ms);
        return Promise.resolve();
      },
    });
    return writeSummaries({
      db,
      hierarchy,
      ports: { jira: null, github: port },
      sites: { jira: null, githubWeb: 'https://github.com' },
      recreateDeleted: false,
      dryRun: false,
      clock: systemClock,
      logger: silentLogger(),
    });
  };

  it(`writes ${PROJECTS} comments without one secondary-limit answer, never more than 80 in a minute`, async () => {
    const report = await run();
    expect(report.targets.map((t) => t.action)).toEqual(Array(PROJECTS).fill('create'));
    expect(writes).toHaveLength(PROJECTS);
    expect(writes.filter((w) => w.status !== 201)).toEqual([]);
    expect(gh.control.earlyRetries().count).toBe(0);
    const busiestMinute = Math.max(
      ...writes.map((w) => writes.filter((x) => x.at >= w.at && x.at < w.at + 60_000).length),
    );
    expect(busiestMinute).toBe(80);
    // The 81st waited for the first to leave the window: about a minute of (fake) time.
    const [first, eightyFirst] = [writes[0]?.at ?? 0, writes[80]?.at ?? 0];
    expect(eightyFirst - first).toBeGreaterThanOrEqual(60_000);
  });

  it('without the limiter the same run hits the secondary limit (the check above can fail)', async () => {
    const unlimited = new SlidingWindowLimiter(systemClock, [{ limit: 10_000, windowMs: 60_000 }]);
    await expect(run(unlimited)).rejects.toBeInstanceOf(RateLimitedError);
    expect(writes.filter((w) => w.status === 403)).toHaveLength(1);
    expect(writes.filter((w) => w.status === 201)).toHaveLength(80);
  });

  it('holds across back-to-back jobs when the process shares one limiter (as the worker does)', async () => {
    const shared = new SlidingWindowLimiter(systemClock);
    await run(shared, 60);
    await run(shared, 60);
    expect(writes.filter((w) => w.status !== 201)).toEqual([]);
    expect(writes).toHaveLength(120);
  });

  it('a limiter per job lets back-to-back jobs hit the secondary limit (why the worker shares one)', async () => {
    await run(undefined, 60);
    await expect(run(undefined, 60)).rejects.toBeInstanceOf(RateLimitedError);
    expect(writes.filter((w) => w.status === 403)).toHaveLength(1);
  });
});
