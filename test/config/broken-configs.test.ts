/**
 * Broken configs: each must exit 2 through the real CLI, name the YAML path and line, and never
 * print a secret value.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../src/config/index.js';
import { runCli, type CliResult } from '../helpers/cli.js';

const SECRET = 'tok-3f9a8b7c6d5e4f3a2b1c';
const EMAIL = 'robot-secret@example.com';
const ENV = { JIRA_API_TOKEN: SECRET, JIRA_EMAIL: EMAIL, GITHUB_TOKEN: `gh-${SECRET}` };

const VALID = `jira:
  baseUrl: https://acme.atlassian.net
  email: \${JIRA_EMAIL}
  apiToken: \${JIRA_API_TOKEN}
github:
  token: \${GITHUB_TOKEN}
schedule:
  sync: "*/15 * * * *"
bets:
  - id: bet-one
    name: Bet one
    targetDate: 2027-06-30
    programs:
      - id: prog-one
        name: Program one
        projects:
          - id: proj-one
            name: Project one
            jira:
              epics: [INFRA-123]
            github:
              repos: [acme/web]
              trackingIssue: acme/web#42
`;

interface BrokenCase {
  name: string;
  yaml: string;
  env?: Record<string, string>;
  path: string;
  line: number;
  message: RegExp;
}

const replace = (from: string, to: string): string => {
  if (!VALID.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return VALID.replace(from, to);
};

const CASES: BrokenCase[] = [
  {
    name: 'YAML syntax error',
    yaml: replace('    name: Bet one', '    name: Bet one\n    name: Bet two'),
    path: '(file)',
    line: 12,
    message: /YAML syntax error: Map keys must be unique/,
  },
  {
    name: 'unknown key (typo)',
    yaml: replace(
      '            name: Project one',
      '            name: Project one\n            targt: 2027-01-01',
    ),
    path: 'bets[0].programs[0].projects[0].targt',
    line: 19,
    message: /unknown key "targt"/,
  },
  {
    name: 'duplicate id',
    yaml: replace('          - id: proj-one', '          - id: prog-one'),
    path: 'bets[0].programs[0].projects[0].id',
    line: 17,
    message: /duplicate id "prog-one" \(first used at bets\[0\]\.programs\[0\]\)/,
  },
  {
    name: 'bad Jira key',
    yaml: replace('epics: [INFRA-123]', 'epics: [infra-12]'),
    path: 'bets[0].programs[0].projects[0].jira.epics[0]',
    line: 20,
    message: /"infra-12" is not a Jira issue key/,
  },
  {
    name: 'bad repository',
    yaml: replace('repos: [acme/web]', 'repos: [acme]'),
    path: 'bets[0].programs[0].projects[0].github.repos[0]',
    line: 22,
    message: /"acme" is not a GitHub repository/,
  },
  {
    name: 'bad tracking issue reference',
    yaml: replace('trackingIssue: acme/web#42', 'trackingIssue: acme/web/42'),
    path: 'bets[0].programs[0].projects[0].github.trackingIssue',
    line: 23,
    message: /is not a GitHub issue reference/,
  },
  {
    name: 'bad cron',
    yaml: replace('sync: "*/15 * * * *"', 'sync: "every 15 minutes"'),
    path: 'schedule.sync',
    line: 8,
    message: /not a 5-field cron expression/,
  },
  {
    name: 'bad date',
    yaml: replace('targetDate: 2027-06-30', 'targetDate: 2027-02-30'),
    path: 'bets[0].targetDate',
    line: 12,
    message: /"2027-02-30" is not a date/,
  },
  {
    name: 'missing env var without default',
    yaml: VALID,
    env: { JIRA_EMAIL: EMAIL, GITHUB_TOKEN: `gh-${SECRET}` },
    path: 'jira.apiToken',
    line: 4,
    message: /environment variable JIRA_API_TOKEN is not set/,
  },
  {
    name: 'wrong type',
    yaml: replace('targetDate: 2027-06-30', 'targetDate: 20270630'),
    path: 'bets[0].targetDate',
    line: 12,
    message: /expected string, received number/,
  },
  {
    name: 'wrong type (number for list)',
    yaml: replace('epics: [INFRA-123]', 'epics: 123'),
    path: 'bets[0].programs[0].projects[0].jira.epics',
    line: 20,
    message: /expected array, received number/,
  },
  {
    name: 'empty bets',
    yaml: VALID.slice(0, VALID.indexOf('bets:')) + 'bets: []\n',
    path: 'bets',
    line: 9,
    message: /declare at least one big bet/,
  },
  {
    name: 'bad id format',
    yaml: replace('id: bet-one', 'id: Bet_One'),
    path: 'bets[0].id',
    line: 10,
    message: /"Bet_One" is not an id/,
  },
  {
    name: 'project uses GitHub but no github section',
    yaml: replace('github:\n  token: ${GITHUB_TOKEN}\n', ''),
    path: 'bets[0].programs[0].projects[0].github',
    line: 19,
    message: /no top-level "github:" section/,
  },
  {
    name: 'required key missing',
    yaml: replace('            name: Project one\n', ''),
    path: 'bets[0].programs[0].projects[0].name',
    line: 17,
    message: /is required/,
  },
  {
    name: 'non-http base URL',
    yaml: replace('baseUrl: https://acme.atlassian.net', 'baseUrl: ftp://acme.atlassian.net'),
    path: 'jira.baseUrl',
    line: 2,
    message: /http\(s\) URL/,
  },
  {
    name: 'empty secret from the environment',
    yaml: replace('apiToken: ${JIRA_API_TOKEN}', 'apiToken: ${JIRA_API_TOKEN:-}'),
    env: { JIRA_EMAIL: EMAIL, GITHUB_TOKEN: `gh-${SECRET}`, JIRA_API_TOKEN: '' },
    path: 'jira.apiToken',
    line: 4,
    message: /must not be empty/,
  },
];

describe('broken configs', () => {
  it('accepts the valid base fixture', () => {
    const loaded = parseConfigText(VALID, { file: 'x.yaml', env: ENV });
    expect(loaded.config.bets[0]?.programs[0]?.projects[0]?.jira?.epics).toEqual(['INFRA-123']);
    expect(loaded.secrets).toContain(SECRET);
  });

  it.each(CASES)('$name: names the path and line (parser)', (c) => {
    let caught: unknown;
    try {
      parseConfigText(c.yaml, { file: 'x.yaml', env: c.env ?? ENV });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    const match = problems.find(
      (p) => (p.path || '(file)') === c.path && c.message.test(p.message),
    );
    expect(match, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(match?.line).toBe(c.line);
  });

  it('every broken config exits 2 through the CLI, with path and line, and no secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'northstar-config-'));
    // A few at a time: each is a fresh Node process, and CI machines have two cores.
    const results: { c: BrokenCase; file: string; result: CliResult }[] = [];
    for (let start = 0; start < CASES.length; start += 4) {
      const batch = CASES.slice(start, start + 4).map(async (c, offset) => {
        const file = join(dir, `case-${start + offset}.yaml`);
        writeFileSync(file, c.yaml);
        return {
          c,
          file,
          result: await runCli(['config', 'check', '--config', file], { env: c.env ?? ENV }),
        };
      });
      results.push(...(await Promise.all(batch)));
    }
    for (const { c, file, result } of results) {
      const output = result.stdout + result.stderr;
      expect(result.code, `${c.name}: ${output}`).toBe(2);
      expect(output).toContain(`${file}:${c.line}`);
      expect(output).toContain(c.path);
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain(EMAIL);
    }
  }, 300_000);

  it('--json prints the problems as one JSON document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'northstar-config-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, replace('epics: [INFRA-123]', 'epics: [infra-12]'));
    const result = await runCli(['config', 'check', '--json', '--config', file], { env: ENV });
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as {
      valid: boolean;
      problems: { path: string; line: number }[];
    };
    expect(doc.valid).toBe(false);
    expect(doc.problems).toContainEqual(
      expect.objectContaining({ path: 'bets[0].programs[0].projects[0].jira.epics[0]', line: 20 }),
    );
  });
});
