import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { configYaml } from '../../writeback/fixtures/config.js';

describe('northstar writeback', () => {
  it('skips every target while there is no rollup, without touching the network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'northstar-wb-cli-'));
    const config = join(dir, 'northstar.yaml');
    // Unroutable hosts: any request would fail the command.
    writeFileSync(
      config,
      configYaml({ jiraUrl: 'http://127.0.0.1:9', githubUrl: 'http://127.0.0.1:9' }),
    );
    const result = await runCli([
      '--config',
      config,
      '--db',
      join(dir, 'db.sqlite'),
      'writeback',
      '--dry-run',
      '--json',
    ]);
    // The fixture names INFRA-123 for two projects: that is logged, and the first one gets it.
    expect(result.stderr).toContain('several nodes name the same comment target');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      targets: [
        'INFRA-1',
        'acme/infra#7',
        'INFRA-123',
        'INFRA-130',
        'acme/scheduler#42',
        'INFRA-140',
      ].map((target) => ({ target, action: 'skip', commentId: null })),
      writes: 0,
    });
    const human = await runCli([
      '--config',
      config,
      '--db',
      join(dir, 'db.sqlite'),
      'writeback',
      '--dry-run',
    ]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('would skip   INFRA-123 — no rollup for this node yet');
    expect(human.stdout).toContain('dry run: nothing written (0 would change)');
  });
});
