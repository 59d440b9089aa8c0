import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderOrgConfig } from '../../../src/cli/emulate/config.js';
import { buildHierarchy, parseConfigText } from '../../../src/config/index.js';
import { generateOrg, type OrgLayout } from '../../../src/emulators/org/index.js';

const URLS = { jiraUrl: 'http://127.0.0.1:4100', githubUrl: 'http://127.0.0.1:4200' };
const CREDENTIALS = {
  jiraEmail: 'northstar-bot@example.com',
  jiraApiToken: 'emulator-api-token',
  githubToken: 'ghp_emulator',
};

const projectsOf = (org: OrgLayout) =>
  org.bets.flatMap((b) => b.programs.flatMap((p) => p.projects));

describe('renderOrgConfig', () => {
  const { org } = generateOrg({ seed: 'config' });

  it('writes a config the loader accepts as is, mapping exactly the seeded org', () => {
    const text = renderOrgConfig(org, { ...URLS, ...CREDENTIALS });
    const { config } = parseConfigText(text, { file: 'org.yaml', env: {} });
    expect(config.jira?.baseUrl).toBe(URLS.jiraUrl);
    expect(config.github?.baseUrl).toBe(URLS.githubUrl);
    expect(config.jira?.apiToken).toBe(CREDENTIALS.jiraApiToken);
    const hierarchy = buildHierarchy(config);
    expect(hierarchy.bets.map((b) => b.id)).toEqual(org.bets.map((b) => b.id));
    const loaded = hierarchy.bets.flatMap((b) => b.programs.flatMap((p) => p.projects));
    expect(
      loaded.map((p) => ({
        id: p.id,
        epics: p.jira.epics,
        jql: p.jira.jql,
        repos: p.github.repos,
        labels: p.github.labels,
        milestones: p.github.milestones,
        tracking: p.github.trackingIssue,
        target: p.targetDate,
        status: p.declaredStatus,
      })),
    ).toEqual(
      projectsOf(org).map((p) => ({
        id: p.id,
        epics: p.jira.epics,
        jql: p.jira.jql ?? null,
        repos: p.github?.repos ?? [],
        labels: p.github?.labels ?? [],
        milestones: p.github?.milestones ?? [],
        tracking: p.github?.trackingIssue ?? null,
        target: p.targetDate ?? null,
        status: p.status ?? null,
      })),
    );
    expect(hierarchy.bets.flatMap((b) => b.programs.map((p) => p.trackingIssue))).toEqual(
      org.bets.flatMap((b) => b.programs.map((p) => p.trackingIssue ?? null)),
    );
  });

  it('points at the emulators literally; credentials come from the environment first, emulator ones are only defaults', () => {
    const text = renderOrgConfig(org, { ...URLS, ...CREDENTIALS });
    const raw = parse(text) as { jira: Record<string, string>; github: Record<string, string> };
    expect(raw.jira).toEqual({
      baseUrl: 'http://127.0.0.1:4100',
      email: '${JIRA_EMAIL:-northstar-bot@example.com}',
      apiToken: '${JIRA_API_TOKEN:-emulator-api-token}',
    });
    expect(raw.github).toEqual({
      baseUrl: 'http://127.0.0.1:4200',
      token: '${GITHUB_TOKEN:-ghp_emulator}',
    });
    const env = {
      JIRA_BASE_URL: 'http://127.0.0.1:4999',
      JIRA_API_TOKEN: 'from-env',
      GITHUB_TOKEN: 'gh-from-env',
    };
    const loaded = parseConfigText(text, { file: 'org.yaml', env });
    // An exported real site never redirects this made-up mapping.
    expect(loaded.config.jira?.baseUrl).toBe('http://127.0.0.1:4100');
    expect(loaded.config.jira?.apiToken).toBe('from-env');
    // Values read through ${…} under secret keys are redacted from logs.
    expect(loaded.secrets).toEqual(
      expect.arrayContaining(['from-env', 'gh-from-env', CREDENTIALS.jiraEmail]),
    );
  });

  it('without credentials writes bare references, so nothing secret can be in the file', () => {
    const text = renderOrgConfig(org, URLS);
    expect(text).toContain('apiToken: ${JIRA_API_TOKEN}\n');
    expect(text).toContain('token: ${GITHUB_TOKEN}\n');
    expect(text).toContain('email: ${JIRA_EMAIL}\n');
    expect(() => parseConfigText(text, { file: 'org.yaml', env: {} })).toThrow(
      /JIRA_API_TOKEN is not set/,
    );
    const env = { JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 't', GITHUB_TOKEN: 'g' };
    expect(parseConfigText(text, { file: 'org.yaml', env }).config.github?.token).toBe('g');
  });

  it('explains each project in a comment: its work, its target plan, a disagreeing status', () => {
    const text = renderOrgConfig(org, URLS);
    const disagreeing = projectsOf(org).find((p) => p.plan.statusDisagrees);
    expect(disagreeing).toBeDefined();
    expect(text).toMatch(
      new RegExp(
        `# [A-Z]+: \\d+ open, \\d+ done, [\\d.]+/week · target [a-z-]+.*declared ${disagreeing?.status ?? ''} \\(disagrees\\)\\n\\s+- id: ${disagreeing?.id ?? ''}\\n`,
      ),
    );
  });

  it('stays valid at benchmark scale (100k issues: ~500 projects)', { timeout: 120_000 }, () => {
    const big = generateOrg({ seed: 'bench', issues: 100_000, prs: 10_000 });
    const started = performance.now();
    const text = renderOrgConfig(big.org, { ...URLS, ...CREDENTIALS });
    const { config } = parseConfigText(text, { file: 'big.yaml', env: {} });
    const ms = performance.now() - started;
    console.log(
      `500-project config: ${text.length} characters, rendered and parsed in ${ms.toFixed(0)} ms`,
    );
    const projects = config.bets.flatMap((b) => b.programs.flatMap((p) => p.projects));
    expect(projects).toHaveLength(projectsOf(big.org).length);
    expect(projects.length).toBeGreaterThan(400);
  });
});
