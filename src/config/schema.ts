/**
 * The config file's shape (see BRIEF "Config shape"). Every object is strict: an unknown key is a
 * typo and must not be silently ignored. Format checks carry messages a person can act on.
 *
 * `config/northstar.schema.json` is generated from these schemas (`npm run config:schema`), and a
 * test keeps it in sync.
 */
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { formatPath } from './path.js';

const JIRA_KEY = /^[A-Z][A-Z0-9_]{0,9}-[1-9][0-9]*$/;
const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const ISSUE_REF = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100})#([1-9][0-9]*)$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isCron(value: string): boolean {
  // Five fields (minute hour day month weekday), as BullMQ job schedulers and crontab read them.
  if (value.trim().split(/\s+/).length !== 5) return false;
  try {
    CronExpressionParser.parse(value, { tz: 'UTC' });
    return true;
  } catch {
    return false;
  }
}

export const JiraKey = z.string().regex(JIRA_KEY, {
  error: (i) => `${JSON.stringify(i.input)} is not a Jira issue key (like INFRA-123)`,
});

export const RepoName = z.string().regex(REPO, {
  error: (i) => `${JSON.stringify(i.input)} is not a GitHub repository (owner/repo)`,
});

export const IssueRef = z.string().regex(ISSUE_REF, {
  error: (i) => `${JSON.stringify(i.input)} is not a GitHub issue reference (owner/repo#N)`,
});

export const CalendarDate = z.string().refine(isCalendarDate, {
  error: (i) => `${JSON.stringify(i.input)} is not a date (YYYY-MM-DD)`,
});

export const CronExpression = z.string().refine(isCron, {
  error: (i) => `${JSON.stringify(i.input)} is not a 5-field cron expression (like "*/15 * * * *")`,
});

export const NodeId = z.string().regex(ID, {
  error: (i) => `${JSON.stringify(i.input)} is not an id (lowercase letters, digits and dashes)`,
});

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A secret: never echoed back in an error message. */
const Secret = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' });

const DeclaredStatus = z.enum(['green', 'amber', 'red']);

export const JiraConfig = z.strictObject({
  baseUrl: HttpUrl,
  email: Secret,
  apiToken: Secret,
  fields: z
    .strictObject({
      storyPoints: z.string().min(1).optional(),
      epicLink: z.string().min(1).optional(),
      sprint: z.string().min(1).optional(),
    })
    .default({}),
  /** Page size asked for in searches (Jira caps it; 100 is the usual maximum with fields). */
  pageSize: z.int().min(1).max(5000).default(100),
});
export type JiraConfig = z.infer<typeof JiraConfig>;

export const GitHubConfig = z.strictObject({
  baseUrl: HttpUrl.default('https://api.github.com'),
  token: Secret,
  /** The public web URL for search links (GitHub Enterprise: https://host). */
  webUrl: HttpUrl.optional(),
});
export type GitHubConfig = z.infer<typeof GitHubConfig>;

/**
 * Which jobs the worker schedules. Without a `schedule:` section all three run on the defaults;
 * a `schedule:` section lists exactly the schedules wanted (an entry left out is not scheduled,
 * and the worker removes its scheduler on the next start).
 */
export const ScheduleConfig = z.strictObject({
  sync: CronExpression.optional(),
  writeback: CronExpression.optional(),
  report: CronExpression.optional(),
});
export type ScheduleConfig = z.infer<typeof ScheduleConfig>;

export const RollupConfig = z.strictObject({
  staleAfterDays: z.int().min(1).max(365).default(14),
  reviewWaitDays: z.number().min(0).max(60).default(2),
  forecast: z
    .strictObject({
      trials: z.int().min(100).max(1_000_000).default(10_000),
      historyWeeks: z.int().min(1).max(104).default(12),
      seed: z.int().default(42),
    })
    .default({ trials: 10_000, historyWeeks: 12, seed: 42 }),
  /** How programs and bets derive health from their children. */
  aggregateHealth: z.enum(['worst', 'forecast']).default('worst'),
});
export type RollupConfig = z.infer<typeof RollupConfig>;

export const WritebackConfig = z.strictObject({
  enabled: z.boolean().default(true),
  /** Recreate a sticky comment that a person deleted (false: leave the target alone). */
  recreateDeleted: z.boolean().default(false),
});
export type WritebackConfig = z.infer<typeof WritebackConfig>;

export const SyncConfig = z.strictObject({
  /** Minutes subtracted from the watermark: JQL dates have minute precision, search lags. */
  overlapMinutes: z.int().min(0).max(1440).default(5),
  /** Parallel HTTP requests per source in in-process runs (a worker has `--concurrency`). */
  concurrency: z.int().min(1).max(32).default(4),
  /**
   * Hours between whole reads of each GitHub list: incremental runs stop at the watermark and so
   * cannot see deleted or transferred items; a whole read marks what it did not see removed.
   * 0: only `sync --full` does.
   */
  githubSweepHours: z.int().min(0).max(720).default(24),
});
export type SyncConfig = z.infer<typeof SyncConfig>;

export const ReportConfig = z.strictObject({
  outDir: z.string().min(1).default('reports'),
  formats: z
    .array(z.enum(['md', 'html', 'csv', 'json']))
    .min(1)
    .default(['md', 'html', 'csv', 'json']),
});
export type ReportConfig = z.infer<typeof ReportConfig>;

const NodeFields = {
  id: NodeId,
  name: z.string().min(1, { error: 'must not be empty' }),
  owner: z.string().min(1).optional(),
  targetDate: CalendarDate.optional(),
  /** Status a person declares; shown beside the computed health. */
  status: DeclaredStatus.optional(),
};

export const ProjectConfig = z.strictObject({
  ...NodeFields,
  jira: z
    .strictObject({
      epics: z.array(JiraKey).default([]),
      jql: z.string().min(1).optional(),
    })
    .optional(),
  github: z
    .strictObject({
      repos: z.array(RepoName).min(1, { error: 'needs at least one repository' }),
      labels: z.array(z.string().min(1)).default([]),
      milestones: z.array(z.string().min(1)).default([]),
      trackingIssue: IssueRef.optional(),
    })
    .optional(),
});
export type ProjectConfig = z.infer<typeof ProjectConfig>;

export const ProgramConfig = z.strictObject({
  ...NodeFields,
  /** Optional Jira issue and GitHub tracking issue for a program-level summary comment. */
  jiraIssue: JiraKey.optional(),
  trackingIssue: IssueRef.optional(),
  projects: z.array(ProjectConfig).min(1, { error: 'a program needs at least one project' }),
});
export type ProgramConfig = z.infer<typeof ProgramConfig>;

export const BetConfig = z.strictObject({
  ...NodeFields,
  jiraIssue: JiraKey.optional(),
  trackingIssue: IssueRef.optional(),
  programs: z.array(ProgramConfig).min(1, { error: 'a big bet needs at least one program' }),
});
export type BetConfig = z.infer<typeof BetConfig>;

export const NorthstarConfigObject = z.strictObject({
  $schema: z.string().optional(),
  jira: JiraConfig.optional(),
  github: GitHubConfig.optional(),
  schedule: ScheduleConfig.default({
    sync: '*/15 * * * *',
    writeback: '0 * * * *',
    report: '0 8 * * MON',
  }),
  rollup: RollupConfig.default({
    staleAfterDays: 14,
    reviewWaitDays: 2,
    forecast: { trials: 10_000, historyWeeks: 12, seed: 42 },
    aggregateHealth: 'worst',
  }),
  writeback: WritebackConfig.default({ enabled: true, recreateDeleted: false }),
  sync: SyncConfig.default({ overlapMinutes: 5, concurrency: 4, githubSweepHours: 24 }),
  report: ReportConfig.default({ outDir: 'reports', formats: ['md', 'html', 'csv', 'json'] }),
  bets: z.array(BetConfig).min(1, { error: 'declare at least one big bet' }),
});

/** Cross-field rules: unique ids, and sources that projects use must be configured. */
export const NorthstarConfig = NorthstarConfigObject.superRefine((config, ctx) => {
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]): void => {
    const where = formatPath(path);
    const first = seen.get(id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'id'],
        message: `duplicate id "${id}" (first used at ${first})`,
      });
    } else {
      seen.set(id, where);
    }
  };
  config.bets.forEach((bet, b) => {
    claim(bet.id, ['bets', b]);
    bet.programs.forEach((program, p) => {
      claim(program.id, ['bets', b, 'programs', p]);
      program.projects.forEach((project, j) => {
        const path = ['bets', b, 'programs', p, 'projects', j];
        claim(project.id, path);
        if (project.jira && !config.jira) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'jira'],
            message: 'uses Jira but the file has no top-level "jira:" section',
          });
        }
        if (project.github && !config.github) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'github'],
            message: 'uses GitHub but the file has no top-level "github:" section',
          });
        }
        if (project.jira && project.jira.epics.length === 0 && project.jira.jql === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'jira'],
            message: 'needs "epics" or "jql"',
          });
        }
      });
    });
  });
});
export type NorthstarConfig = z.infer<typeof NorthstarConfig>;
