/**
 * Payloads of the sync jobs (validated with zod when a job starts: they cross Redis). A run is
 * a chain: `sync-start` → per source unit, fetch one page (`sync-jira` / `sync-github`, no
 * database) → `ingest-page` (one transaction) → the next page's fetch … → at the end of the unit,
 * `compute-rollups` of the projects it affects.
 */
import { z } from 'zod';
import type {
  GitHubIssue,
  JiraIssue,
  JiraStatusTransition,
  PullRequest,
} from '../../domain/items.js';

export const SourceName = z.enum(['jira', 'github']);

export const SyncRun = z.object({
  full: z.boolean(),
  /** This machine's clock when the run started: rows written by the run have `synced_at ≥` it. */
  startedAt: z.string(),
});
export type SyncRun = z.infer<typeof SyncRun>;

export const JiraUnit = z.object({
  /** `epics:<PROJECT>` or `jql:<project-id>`. */
  id: z.string(),
  /** The unit's selection, without ordering (`key in (…) OR parent in (…)`, or a config JQL). */
  scope: z.string(),
  projectIds: z.array(z.string()),
});
export type JiraUnit = z.infer<typeof JiraUnit>;

export const JiraRun = z.object({
  /** The site's clock at the start of the run: the unit's next watermark. */
  serverTime: z.string(),
  /** Incremental: select `updated >=` this instant (watermark − overlap). Null: everything. */
  since: z.string().nullable(),
  timeZone: z.string(),
});
export type JiraRun = z.infer<typeof JiraRun>;

const JiraUnitStep = { run: SyncRun, unit: JiraUnit, jira: JiraRun, token: z.string().nullable() };

export const SyncJiraPayload = z.discriminatedUnion('step', [
  z.object({ step: z.literal('site'), run: SyncRun }),
  z.object({ step: z.literal('search'), ...JiraUnitStep }),
  z.object({
    step: z.literal('changelog'),
    ...JiraUnitStep,
    issueIds: z.array(z.string()).min(1).max(1000),
  }),
  z.object({ step: z.literal('sweep'), ...JiraUnitStep, afterId: z.string().nullable() }),
]);
export type SyncJiraPayload = z.infer<typeof SyncJiraPayload>;

export const GitHubUnit = z.object({
  /** `repo:<owner>/<name>:issues` or `…:pulls`. */
  id: z.string(),
  repo: z.string(),
  kind: z.enum(['issues', 'pulls']),
  projectIds: z.array(z.string()),
});
export type GitHubUnit = z.infer<typeof GitHubUnit>;

export const SyncGitHubPayload = z.object({
  run: SyncRun,
  unit: GitHubUnit,
  /** Incremental: stop at items older than this (the newest `updated_at` stored). */
  watermark: z.string().nullable(),
  /** Next page URL (`Link: rel=next`, followed verbatim); null for the first page. */
  url: z.string().nullable(),
  ifNoneMatch: z.string().nullable(),
  /** The first page's ETag, saved only when the whole unit has been read. */
  firstEtag: z.string().nullable(),
});
export type SyncGitHubPayload = z.infer<typeof SyncGitHubPayload>;

/** An API budget reading (`x-ratelimit-*`) as the transport saw it. */
export const BudgetReading = z.object({
  source: SourceName,
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
  resetAt: z.string().nullable(),
  observedAt: z.string(),
});

const Quarantined = z.object({
  source: SourceName,
  itemRef: z.string(),
  reason: z.string(),
  payload: z.string(),
});

const objectWith = <T>(key: string, type: 'string' | 'number') =>
  z.custom<T>(
    (v) =>
      typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[key] === type,
    { error: `an item without a ${type} ${key}` },
  );

const JiraChangelog = z.object({
  issueId: z.string(),
  transitions: z.array(z.custom<JiraStatusTransition>((v) => typeof v === 'object' && v !== null)),
});

export const IngestPagePayload = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('jira-site'),
    run: SyncRun,
    serverTime: z.string(),
    timeZone: z.string(),
    epicLinkField: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('jira-issues'),
    ...JiraUnitStep,
    issues: z.array(objectWith<JiraIssue>('id', 'string')),
    quarantined: z.array(Quarantined),
  }),
  z.object({
    kind: z.literal('jira-changelogs'),
    ...JiraUnitStep,
    issueIds: z.array(z.string()),
    changelogs: z.array(JiraChangelog),
  }),
  z.object({
    kind: z.literal('jira-ids'),
    ...JiraUnitStep,
    afterId: z.string().nullable(),
    ids: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('github-page'),
    run: SyncRun,
    unit: GitHubUnit,
    watermark: z.string().nullable(),
    first: z.boolean(),
    notModified: z.boolean(),
    issues: z.array(objectWith<GitHubIssue>('id', 'number')),
    pulls: z.array(objectWith<PullRequest>('id', 'number')),
    quarantined: z.array(Quarantined),
    next: z.string().nullable(),
    firstEtag: z.string().nullable(),
    oldestUpdatedAt: z.string().nullable(),
    /** GitHub's budget after this page, stored for `northstar status`. */
    budget: BudgetReading.nullable().optional(),
  }),
]);
export type IngestPagePayload = z.infer<typeof IngestPagePayload>;

/** What one ingested page adds to its unit's counts (`northstar sync --json`). */
export interface PageCounts {
  source: 'jira' | 'github';
  unit: string;
  fetched: number;
  written: number;
  unchanged: number;
  removed: number;
  quarantined: number;
}
