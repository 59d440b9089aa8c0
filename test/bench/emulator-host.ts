/**
 * The seeded org's emulators in a child process of the benchmark (same process tree, own event
 * loop and heap), driven over the IPC channel. A sync benchmark that ran the emulators in its
 * own process would time and weigh Jira's and GitHub's work as northstar's: here the client's
 * wall time, CPU and peak RSS are its own, as they are against the real sites.
 *
 *   fork('test/bench/emulator-host.ts', { execArgv: ['--import', 'tsx'] }) then
 *   send { id, op: 'start', seed, issues, prs } … { id, op: 'close' }
 */
import { orgConfigOptions, renderOrgConfig } from '../../src/cli/emulate/config.js';
import { startOrgEmulators, type OrgEmulators } from '../../src/emulators/org/index.js';

export type HostRequest =
  | { id: number; op: 'start'; seed: string; issues: number; prs: number }
  | { id: number; op: 'resetStats' }
  | { id: number; op: 'stats' }
  | { id: number; op: 'updateSummaries'; changes: { key: string; summary: string }[] }
  | { id: number; op: 'close' };

export interface HostInfo {
  configText: string;
  jiraProjects: number;
  repos: { fullName: string; items: number; pulls: number }[];
}

export interface HostStats {
  jira: { total: number; writes: number; byRoute: Record<string, number> };
  github: { total: number; writes: number; notModified: number; byRoute: Record<string, number> };
  rssMb: number;
  peakRssMb: number;
  /** CPU time of the emulators' process so far (user + system), ms. */
  cpuMs: number;
}

let org: OrgEmulators | null = null;
const cpuMs = (usage: NodeJS.CpuUsage): number => Math.round((usage.user + usage.system) / 1000);
let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 20).unref();

async function handle(request: HostRequest): Promise<unknown> {
  if (request.op === 'start') {
    org = await startOrgEmulators({
      seed: request.seed,
      issues: request.issues,
      prs: request.prs,
    });
    const github = org.github.emulator.control;
    const info: HostInfo = {
      configText: renderOrgConfig(org.org, orgConfigOptions(org)),
      jiraProjects: org.jira.emulator.control.projects().length,
      repos: github.store.repos().map((repo) => ({
        fullName: github.store.fullName(repo),
        items: repo.items.size,
        pulls: [...repo.items.values()].filter((i) => i.pull !== null).length,
      })),
    };
    return info;
  }
  if (!org) throw new Error('emulators not started');
  const jira = org.jira.emulator.control;
  const github = org.github.emulator.control;
  switch (request.op) {
    case 'resetStats':
      jira.resetStats();
      github.resetStats();
      peakRss = process.memoryUsage().rss;
      return null;
    case 'stats': {
      const j = jira.stats();
      const g = github.stats();
      const rss = process.memoryUsage().rss;
      peakRss = Math.max(peakRss, rss);
      const stats: HostStats = {
        jira: { total: j.total, writes: j.writes, byRoute: j.byRoute },
        github: {
          total: g.total,
          writes: g.writes,
          notModified: g.notModified,
          byRoute: g.byRoute,
        },
        rssMb: Math.round(rss / 2 ** 20),
        peakRssMb: Math.round(peakRss / 2 ** 20),
        cpuMs: cpuMs(process.cpuUsage()),
      };
      return stats;
    }
    case 'updateSummaries':
      for (const change of request.changes)
        jira.updateIssue(change.key, { summary: change.summary });
      return null;
    case 'close':
      await org.close();
      org = null;
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (message: HostRequest) => {
  handle(message).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
