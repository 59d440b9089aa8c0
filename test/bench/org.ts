/**
 * How long the whole seeded org takes: Jira site + GitHub data + the bets → programs → projects
 * layout (`generateOrg`), at demo size and at benchmark scale (100k issues, 10k PRs, 50 repos),
 * the heap it holds, the config it renders, and how long both emulators take to start on it.
 *
 *   node --expose-gc --import tsx test/bench/org.ts [issues] [prs]
 *
 * Prints one JSON line per size. CPU time beside wall time: the machine is shared.
 */
import { renderOrgConfig } from '../../src/cli/emulate/config.js';
import { generateOrg, startOrgEmulators } from '../../src/emulators/org/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

async function measure(label: string, issues: number, prs: number): Promise<void> {
  const heapBefore = heap();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const data = generateOrg({ seed: 'bench', issues, prs });
  const generateMs = performance.now() - started;
  const cpuMs = process.cpuUsage(cpu);
  const heapMB = mb(heap() - heapBefore);
  const projects = data.org.bets.flatMap((b) => b.programs.flatMap((p) => p.projects));

  const renderStarted = performance.now();
  const config = renderOrgConfig(data.org, {
    jiraUrl: 'http://127.0.0.1:1',
    githubUrl: 'http://127.0.0.1:2',
  });
  const renderMs = performance.now() - renderStarted;

  const startStarted = performance.now();
  const running = await startOrgEmulators({ seed: 'bench', issues, prs });
  const startMs = performance.now() - startStarted;
  await running.close();

  console.log(
    JSON.stringify({
      label,
      issues,
      prs,
      repos: data.org.repos.length,
      jiraProjects: data.org.jiraProjects.length,
      epics: projects.reduce((n, p) => n + p.jira.epics.length, 0),
      bets: data.org.bets.length,
      programs: data.org.bets.reduce((n, b) => n + b.programs.length, 0),
      projects: projects.length,
      generateMs: Math.round(generateMs),
      generateCpuMs: Math.round((cpuMs.user + cpuMs.system) / 1000),
      heapMB,
      configKB: Math.round(config.length / 1024),
      renderConfigMs: Math.round(renderMs),
      generateAndListenMs: Math.round(startMs),
    }),
  );
}

if (process.argv[2] !== undefined) {
  await measure('custom', Number(process.argv[2]), Number(process.argv[3] ?? 10_000));
} else {
  await measure('warm-up', 1_000, 300);
  await measure('demo', 3_000, 1_000);
  await measure('benchmark', 100_000, 10_000);
}
