/**
 * How long the GitHub half of the seeded org takes to generate: 50 repos, 20k issues and
 * 10k pull requests (plus a 100k-issue run for scale), and how long the emulator then takes to
 * serve a first full page of each list. Run: `npx tsx test/bench/seed-github.ts`.
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_GITHUB_TOKEN, startGitHubEmulator } from '../../src/emulators/github/index.js';
import { generateGitHubData, type GenerateGitHubOptions } from '../../src/emulators/seed/github.js';

export interface SeedBenchResult {
  label: string;
  repos: number;
  issues: number;
  prs: number;
  ms: number;
  heapMb: number;
}

const jiraKeys = (i: number): string | null => `INFRA-${(i % 100_000) + 1}`;

export function benchSeed(
  label: string,
  options: Omit<GenerateGitHubOptions, 'jiraKeys'>,
): SeedBenchResult {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const data = generateGitHubData({ ...options, jiraKeys });
  const ms = performance.now() - started;
  const items = data.repos.reduce((n, r) => n + r.items.size, 0);
  if (items !== options.issues + options.prs) throw new Error(`generated ${items} items`);
  return {
    label,
    repos: options.repos,
    issues: options.issues,
    prs: options.prs,
    ms: Math.round(ms),
    heapMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1_048_576),
  };
}

async function firstPages(): Promise<Record<string, number>> {
  const emu = await startGitHubEmulator({
    seed: 'bench',
    repos: 50,
    issues: 20_000,
    prs: 10_000,
    jiraKeys,
  });
  const timings: Record<string, number> = {};
  try {
    for (const path of [
      '/repos/acme/scheduler/issues?state=all&per_page=100',
      '/repos/acme/scheduler/pulls?state=all&per_page=100',
    ]) {
      const started = performance.now();
      const response = await fetch(`${emu.url}${path}`, {
        headers: { authorization: `token ${DEFAULT_GITHUB_TOKEN}` },
      });
      await response.arrayBuffer();
      timings[path] = Math.round(performance.now() - started);
    }
  } finally {
    await emu.close();
  }
  return timings;
}

async function main(): Promise<void> {
  benchSeed('warm-up', { seed: 'warm', repos: 5, issues: 1_000, prs: 500 });
  const results = [
    benchSeed('target: 50 repos / 20k issues / 10k PRs', {
      seed: 'bench',
      repos: 50,
      issues: 20_000,
      prs: 10_000,
    }),
    benchSeed('scale: 50 repos / 100k issues / 20k PRs', {
      seed: 'bench',
      repos: 50,
      issues: 100_000,
      prs: 20_000,
    }),
  ];
  console.table(results);
  console.log('first page (ms):', await firstPages());
}

// Runs when executed directly; a bench runner can import `benchSeed` instead.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
