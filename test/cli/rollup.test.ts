import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../src/db/open.js';
import { runCli } from '../helpers/cli.js';
import { tempDb } from '../rollup/fixtures/db.js';
import { configWith, seedSmallOrg } from '../rollup/fixtures/small-org.js';

let args: string[];
let dbFile: string;
beforeAll(() => {
  const { db, file } = tempDb();
  seedSmallOrg(db);
  closeDatabase(db);
  dbFile = file;
  const config = join(dirname(file), 'northstar.yaml');
  // The parsed config is valid config input too (JSON is YAML).
  writeFileSync(config, JSON.stringify(configWith('2027-03-31')));
  args = ['--config', config, '--db', file];
});

interface NodeJson {
  id: string;
  name: string;
  health: string;
  counts: { total: number; todo: number; inProgress: number; done: number };
  points: { total: number; done: number; coverage: number };
  progress: { byCount: number; byPoints: number | null };
  forecast: {
    p50: string | null;
    p85: string | null;
    p95: string | null;
    probOnTime: number | null;
  };
  programs?: NodeJson[];
  projects?: NodeJson[];
}

describe('northstar rollup', () => {
  it('prints the bet → program → project tree with --json', async () => {
    const result = await runCli([...args, 'rollup', '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { generatedAt: string; bets: NodeJson[] };
    expect(Number.isNaN(Date.parse(printed.generatedAt))).toBe(false);
    const bet = printed.bets[0]!;
    const program = bet.programs![0]!;
    const [pa, pb] = program.projects!;
    expect(bet).toMatchObject({ id: 'bet', name: 'Bet' });
    expect(program.id).toBe('prog');
    expect(pa).toMatchObject({
      id: 'pa',
      name: 'A',
      counts: { total: 13, todo: 2, inProgress: 1, done: 10 },
    });
    expect(pb?.counts.total).toBe(2);
    for (const node of [bet, program, pa!, pb!]) {
      expect(Object.keys(node)).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'health',
          'counts',
          'points',
          'progress',
          'forecast',
        ]),
      );
      expect(Object.keys(node.forecast)).toEqual(
        expect.arrayContaining(['p50', 'p85', 'p95', 'probOnTime']),
      );
      expect(Object.keys(node.points)).toEqual(
        expect.arrayContaining(['total', 'done', 'coverage']),
      );
      expect(Object.keys(node.progress)).toEqual(expect.arrayContaining(['byCount', 'byPoints']));
    }
    expect(program.counts.total).toBe(pa!.counts.total + pb!.counts.total);
    expect(pa!.forecast.p50).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prints a table otherwise, and has --help', async () => {
    const result = await runCli([...args, 'rollup']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^node\s+health\s+done\/total\s+progress/);
    expect(lines.find((l) => l.includes('[pa]'))).toMatch(/^\s{4}A \[pa\]\s+\w+.*10\/13\s+77%/);
    const help = await runCli(['rollup', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--json');
    expect(dbFile).toBeTruthy();
  });
});
