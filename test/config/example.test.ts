import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText } from '../../src/config/index.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

describe('shipped config files', () => {
  it('the example config passes `config check` with exit 0', async () => {
    const result = await runCli([
      'config',
      'check',
      '--json',
      '--config',
      'config/northstar.example.yaml',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      valid: true,
      bets: 1,
      programs: 2,
      projects: 3,
    });
  });

  it('config/northstar.schema.json is in sync with the zod schema (npm run config:schema)', () => {
    const committed = readFileSync(`${REPO_ROOT}/config/northstar.schema.json`, 'utf8');
    expect(committed).toBe(configJsonSchemaText());
  });
});
