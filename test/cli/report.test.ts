import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../src/db/open.js';
import { runCli } from '../helpers/cli.js';
import { createSeededDb } from '../report/fixtures/seeded-db.js';

let args: string[];
beforeAll(() => {
  const seeded = createSeededDb();
  closeDatabase(seeded.db);
  // The parsed config is valid config input too (JSON is YAML).
  const config = join(seeded.dir, 'northstar.yaml');
  writeFileSync(config, JSON.stringify(seeded.org.config));
  args = ['--config', config, '--db', seeded.file];
});

describe('northstar report', () => {
  it('writes the chosen formats and prints {"week", "files"} with --json', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ns-cli-report-')), 'out');
    const result = await runCli([
      ...args,
      'report',
      '--week',
      '2026-W48',
      '--format',
      'md, html',
      '--out',
      out,
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { week: string; files: string[] };
    expect(printed).toEqual({
      week: '2026-W48',
      files: [join(out, 'northstar-2026-W48.md'), join(out, 'northstar-2026-W48.html')],
    });
    expect(printed.files.every((f) => existsSync(f))).toBe(true);
  });

  it('exits 2 on a week that is not an ISO week', async () => {
    const result = await runCli([...args, 'report', '--week', '2026-W54']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--week: "2026-W54" is not an ISO week (like 2026-W48)');
  });

  it('exits 2 on an unknown format', async () => {
    const result = await runCli([...args, 'report', '--format', 'md,pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"pdf" is not a report format (md, html, csv or json)');
  });
});
