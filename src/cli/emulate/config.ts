/**
 * Writes the seeded org as a northstar config (YAML) that points at the running emulators.
 *
 * Base URLs are written literally (the emulators'), so the file can never point at a real site,
 * whatever the shell exports. Credentials are `${VAR:-default}` references to the variables
 * northstar always reads (`JIRA_EMAIL`, `JIRA_API_TOKEN`, `GITHUB_TOKEN`), so nothing secret is
 * ever written; at worst a real token is offered to the local emulator. The defaults
 * are the emulators' URLs and their fixed, published credentials — they open nothing but a
 * local emulator — so the file works as written (`northstar config check`, `run`) with no
 * environment at all. Pass no credentials to get bare `${JIRA_API_TOKEN}` references instead.
 * `northstar demo` does not rely on the defaults: it sets all five variables for its own run
 * (`emulatorEnvironment`), so real credentials in the caller's shell are not used.
 *
 * Lives in the CLI because it knows the config's shape and the emulators' data: `src/emulators`
 * may not import `src/config`. Tests parse the output with `parseConfigText`.
 */
import { Document, isMap, isSeq } from 'yaml';
import type { OrgEmulators, OrgLayout, OrgProject } from '../../emulators/org/index.js';

export interface OrgConfigOptions {
  jiraUrl: string;
  githubUrl: string;
  /** Emulator credentials to use as defaults; without them the variables must be set. */
  jiraEmail?: string;
  jiraApiToken?: string;
  githubToken?: string;
  /** Where the scheduled report is written (default: the config's `reports`). */
  reportOutDir?: string;
}

/** The environment a northstar run against the emulators needs (what `demo` passes). */
export function emulatorEnvironment(running: OrgEmulators): Record<string, string> {
  return {
    JIRA_BASE_URL: running.jira.url,
    JIRA_EMAIL: running.jira.email,
    JIRA_API_TOKEN: running.jira.apiToken,
    GITHUB_API_URL: running.github.url,
    GITHUB_TOKEN: running.github.token,
  };
}

/** The options that write the running emulators' URLs and credentials as defaults. */
export function orgConfigOptions(running: OrgEmulators): OrgConfigOptions {
  return {
    jiraUrl: running.jira.url,
    githubUrl: running.github.url,
    jiraEmail: running.jira.email,
    jiraApiToken: running.jira.apiToken,
    githubToken: running.github.token,
  };
}

function ref(name: string, fallback: string | undefined): string {
  return fallback === undefined ? `\${${name}}` : `\${${name}:-${fallback}}`;
}

function projectNode(project: OrgProject): Record<string, unknown> {
  return {
    id: project.id,
    name: project.name,
    owner: project.owner,
    ...(project.targetDate ? { targetDate: project.targetDate } : {}),
    ...(project.status ? { status: project.status } : {}),
    jira: project.jira,
    ...(project.github ? { github: githubNode(project.github) } : {}),
  };
}

/** Empty filters are the default: leave them out. */
function githubNode(github: NonNullable<OrgProject['github']>): Record<string, unknown> {
  return {
    repos: github.repos,
    ...(github.labels.length > 0 ? { labels: github.labels } : {}),
    ...(github.milestones.length > 0 ? { milestones: github.milestones } : {}),
    ...(github.trackingIssue ? { trackingIssue: github.trackingIssue } : {}),
  };
}

/** Why this project looks the way it does: read by people, ignored by the loader. */
function planComment(project: OrgProject): string {
  const p = project.plan;
  const parts = [
    `${p.jiraProject}: ${p.openItems} open, ${p.doneItems} done, ${p.weeklyThroughput}/week`,
    p.schedule === 'none' ? 'no target' : `target ${p.schedule}`,
  ];
  if (p.epicLinkOnlyChildren > 0) parts.push(`${p.epicLinkOnlyChildren} via Epic Link only`);
  if (project.status)
    parts.push(`declared ${project.status}${p.statusDisagrees ? ' (disagrees)' : ''}`);
  return ` ${parts.join(' · ')}`;
}

export function renderOrgConfig(org: OrgLayout, options: OrgConfigOptions): string {
  const projects = org.bets.flatMap((b) => b.programs.flatMap((p) => p.projects));
  const programs = org.bets.flatMap((b) => b.programs);
  const content = {
    jira: {
      // Literal, not `${JIRA_BASE_URL:-…}`: a shell that exports a real site must never turn this
      // made-up mapping into comments on real epics that happen to share a key.
      baseUrl: options.jiraUrl,
      email: ref('JIRA_EMAIL', options.jiraEmail),
      apiToken: ref('JIRA_API_TOKEN', options.jiraApiToken),
    },
    github: {
      baseUrl: options.githubUrl,
      token: ref('GITHUB_TOKEN', options.githubToken),
    },
    bets: org.bets.map((bet) => ({
      id: bet.id,
      name: bet.name,
      owner: bet.owner,
      ...(bet.targetDate ? { targetDate: bet.targetDate } : {}),
      programs: bet.programs.map((program) => ({
        id: program.id,
        name: program.name,
        owner: program.owner,
        ...(program.targetDate ? { targetDate: program.targetDate } : {}),
        ...(program.trackingIssue ? { trackingIssue: program.trackingIssue } : {}),
        projects: program.projects.map(projectNode),
      })),
    })),
    ...(options.reportOutDir !== undefined ? { report: { outDir: options.reportOutDir } } : {}),
  };
  const doc = new Document(content);
  doc.commentBefore = [
    ` northstar config for the seeded org "${org.seed}" (data as of ${org.now}):`,
    ` ${org.bets.length} big bets, ${programs.length} programs, ${projects.length} projects over`,
    ` Jira ${org.jiraProjects.join(', ')} and ${org.repos.length} GitHub repositories.`,
    ' Written by `northstar emulate --write-config`; the emulators must be running.',
    '',
    " ${VAR:-default}: the environment wins. The defaults are the emulators' own URLs and",
    ' fixed credentials (not secrets: they open only the local emulators). If your shell',
    ' exports real JIRA_* / GITHUB_* variables, unset them for runs against the emulators.',
  ].join('\n');
  annotateProjects(doc, org);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A comment above each project, and short lists on one line (`epics: [INFRA-1, INFRA-7]`). */
function annotateProjects(doc: Document, org: OrgLayout): void {
  org.bets.forEach((bet, b) => {
    bet.programs.forEach((program, p) => {
      const list = doc.getIn(['bets', b, 'programs', p, 'projects'], true);
      if (!isSeq(list)) return;
      program.projects.forEach((project, j) => {
        const node = list.items[j];
        if (!isMap(node)) return;
        node.commentBefore = planComment(project);
        for (const path of LIST_PATHS) {
          const seq = node.getIn(path, true);
          if (isSeq(seq)) seq.flow = true;
        }
      });
    });
  });
}

const LIST_PATHS = [
  ['jira', 'epics'],
  ['github', 'repos'],
  ['github', 'labels'],
  ['github', 'milestones'],
];
