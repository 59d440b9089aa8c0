import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../helpers/cli.js';

interface EmulateLine {
  jira: { url: string; email: string; apiToken: string; projects: string[] };
  github: { url: string; token: string; repos: string[] };
}

const SMALL = ['--issues', '600', '--prs', '120'];

describe('northstar emulate', () => {
  it(
    'prints one JSON line, serves both APIs with those credentials, writes a valid config and stops on SIGTERM with exit 0',
    { timeout: 90_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'northstar-emulate-'));
      const config = join(dir, 'nested', 'folder', 'northstar.yaml');
      const cli = startCli(
        ['emulate', '--json', '--seed', 'cli', ...SMALL, '--write-config', config],
        {
          env: { LOG_LEVEL: 'info' },
        },
      );
      try {
        const line = JSON.parse(await cli.firstLine()) as EmulateLine;
        expect(Object.keys(line)).toEqual(['jira', 'github']);
        expect(Object.keys(line.jira)).toEqual(['url', 'email', 'apiToken', 'projects']);
        expect(Object.keys(line.github)).toEqual(['url', 'token', 'repos']);
        expect(line.jira.projects.length).toBeGreaterThanOrEqual(3);
        expect(line.github.repos.every((r) => /^[\w-]+\/[\w.-]+$/.test(r))).toBe(true);

        const basic = Buffer.from(`${line.jira.email}:${line.jira.apiToken}`).toString('base64');
        const myself = await fetch(`${line.jira.url}/rest/api/3/myself`, {
          headers: { authorization: `Basic ${basic}` },
        });
        expect(myself.status).toBe(200);
        expect(((await myself.json()) as { emailAddress?: string }).emailAddress).toBe(
          line.jira.email,
        );
        const user = await fetch(`${line.github.url}/user`, {
          headers: { authorization: `token ${line.github.token}` },
        });
        expect(user.status).toBe(200);
        expect(((await user.json()) as { login: string }).login).toBe('northstar-bot');
        const wrong = await fetch(`${line.github.url}/user`, {
          headers: { authorization: 'token nope' },
        });
        expect(wrong.status).toBe(401);

        // The config is there before the line is printed, and `config check` accepts it as is.
        expect(existsSync(config)).toBe(true);
        const check = await runCli(['--config', config, 'config', 'check', '--json']);
        expect(check.stderr).toBe('');
        expect(check.code).toBe(0);
        expect(JSON.parse(check.stdout)).toMatchObject({
          valid: true,
          githubRepos: expect.any(Number),
        });
      } finally {
        cli.child.kill('SIGTERM');
      }
      const result = await cli.done;
      expect(result.code).toBe(0);
      expect(result.signal).toBeNull();
      // Exactly one line on stdout; the logs went to stderr.
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('emulators stopping');
      expect(result.stderr).toContain('SIGTERM');
    },
  );

  it('prints URLs, credentials and the exports in human form, and stops on SIGINT with exit 0', async () => {
    const cli = startCli(['emulate', ...SMALL]);
    try {
      await cli.firstLine();
      await expect.poll(() => cli.stdout(), { timeout: 10_000 }).toContain('Serving until');
    } finally {
      cli.child.kill('SIGINT');
    }
    const result = await cli.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Jira {5}http:\/\/127\.0\.0\.1:\d+ {3}email \S+ {3}API token \S+$/m,
    );
    expect(result.stdout).toMatch(/^GitHub {3}http:\/\/127\.0\.0\.1:\d+ {3}token \S+$/m);
    expect(result.stdout).toContain('export JIRA_BASE_URL=http://127.0.0.1:');
    expect(result.stdout).toMatch(/org {6}seed "demo": \d+ big bets, \d+ programs, \d+ projects/);
  });

  it.each([
    [['--jira-port', 'abc'], '--jira-port: must be a whole number'],
    [['--github-port', '70000'], '--github-port: Too big'],
    [
      ['--jira-port', '4555', '--github-port', '4555'],
      '--github-port: must differ from --jira-port',
    ],
    [['--issues', '0'], '--issues: Too small'],
    [['--seed', ''], '--seed: must not be empty'],
  ])('rejects %j with exit 2', async (flags, message) => {
    const result = await runCli(['emulate', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('fails with exit 1 when a port is taken', async () => {
    const first = startCli(['emulate', '--json', ...SMALL]);
    try {
      const line = JSON.parse(await first.firstLine()) as EmulateLine;
      const port = new URL(line.jira.url).port;
      const second = await runCli(['emulate', '--jira-port', port, ...SMALL]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('cannot listen');
      expect(second.stderr).toContain('EADDRINUSE');
    } finally {
      first.child.kill('SIGTERM');
    }
    expect((await first.done).code).toBe(0);
  });
});
