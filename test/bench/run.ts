/**
 * `npm run bench -- [--scale small|full] [--out FILE] [--only a,b]`: every benchmark scenario in
 * one process tree against the project's own emulators, written as one JSON document (printed
 * and, with `--out`, saved). Progress goes to stderr, the JSON to stdout.
 *
 * The document's keys are the ones `test/bench/README.md` explains; each scenario module also
 * runs on its own (`node --import tsx test/bench/<scenario>.ts`).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchReport } from './report.js';
import { benchRollup } from './rollup.js';
import { benchSync } from './sync.js';
import { benchWriteback } from './writeback.js';

export type Scale = 'small' | 'full';

interface Scenario {
  name: string;
  /** Runs the scenario and returns the top-level keys it contributes to the document. */
  run(scale: Scale): Promise<Record<string, unknown>>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'sync',
    run: async (scale) => {
      const { scale: size, ...rest } = await benchSync({ scale });
      return { scale: size, ...rest };
    },
  },
  {
    name: 'rollup',
    run: async (scale) => ({ rollup: await benchRollup({ scale }) }),
  },
  {
    name: 'report',
    run: async (scale) => {
      const report = await benchReport({ scale });
      return {
        report: {
          allFormatsMs: report.allFormatsMs,
          projects: report.projects,
          coldMs: report.coldMs,
          modelMs: report.modelMs,
          renderMs: report.renderMs,
        },
      };
    },
  },
  {
    name: 'writeback',
    run: async (scale) => {
      const writeback = await benchWriteback({ scale });
      return { writeback };
    },
  },
];

function usage(): string {
  return [
    'usage: npm run bench -- [--scale small|full] [--out FILE] [--only NAME,…]',
    '',
    '  --scale small   CI-sized smoke run (under a minute)',
    '  --scale full    100k Jira issues, 2k epics, 10k PRs, 50 repos (default)',
    '  --out FILE      also write the JSON document to FILE',
    `  --only NAMES    run only these scenarios (${SCENARIOS.map((s) => s.name).join(', ')})`,
  ].join('\n');
}

function parse(argv: string[]): { scale: Scale; out: string | undefined; only: Set<string> } {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'full' },
      out: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(`${usage()}\n`);
    process.exit(0);
  }
  if (values.scale !== 'small' && values.scale !== 'full') {
    process.stderr.write(`--scale must be small or full, not "${values.scale}"\n${usage()}\n`);
    process.exit(2);
  }
  const known = new Set(SCENARIOS.map((s) => s.name));
  const only = new Set((values.only ?? '').split(',').filter((s) => s !== ''));
  for (const name of only) {
    if (!known.has(name)) {
      process.stderr.write(`--only: unknown scenario "${name}"\n${usage()}\n`);
      process.exit(2);
    }
  }
  return { scale: values.scale, out: values.out, only };
}

async function main(): Promise<void> {
  const { scale, out, only } = parse(process.argv.slice(2));
  const document: Record<string, unknown> = {
    machine: {
      node: process.version,
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      date: new Date().toISOString(),
    },
  };
  const started = performance.now();
  for (const scenario of SCENARIOS) {
    if (only.size > 0 && !only.has(scenario.name)) continue;
    process.stderr.write(`bench ${scenario.name} (${scale}) …\n`);
    const t0 = performance.now();
    Object.assign(document, await scenario.run(scale));
    process.stderr.write(
      `bench ${scenario.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }
  document['totalSeconds'] = Math.round((performance.now() - started) / 100) / 10;
  const json = JSON.stringify(document, null, 2);
  process.stdout.write(`${json}\n`);
  if (out !== undefined) writeFileSync(out, `${json}\n`);
}

await main();
