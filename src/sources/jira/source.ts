/**
 * Reads a Jira site through jira.js: the site facts (once per process), one search page of a
 * JQL (issues with an explicit `fields` list, or ids only for the removal sweep), and status
 * changelogs in bulk. Each call validates the answer with zod and returns domain data; HTTP
 * failures arrive as the typed errors of `src/lib/errors`. No database, no queue.
 */
import type { Version3Client } from 'jira.js';
import type { JiraIssue, JiraStatusTransition, QuarantinedItem } from '../../domain/items.js';
import { InvalidPayloadError } from '../../lib/errors/index.js';
import { unwrapSourceError } from './client.js';
import { statusTransitions } from './map-changelog.js';
import { mapJiraIssue } from './map-issue.js';
import {
  JiraBulkChangelogPage,
  JiraFieldList,
  JiraIdHit,
  JiraMyself,
  JiraProjectPage,
  JiraSearchPage,
  JiraServerInfo,
  JiraStatusList,
} from './schema.js';
import {
  discoverFields,
  searchFields,
  statusCategoryMap,
  type FieldOverrides,
  type JiraSite,
} from './site.js';
import type { z } from 'zod';

/** Page sizes Jira allows: 5000 ids, 100 issues with fields, 1000 issues per changelog call. */
export const JIRA_LIMITS = {
  idsPerPage: 5000,
  issuesPerPage: 100,
  changelogIssues: 1000,
  changelogHistories: 10_000,
} as const;

export interface IssuePage {
  issues: JiraIssue[];
  quarantined: (Omit<QuarantinedItem, 'unit'> & { payload: string })[];
  nextPageToken: string | null;
}

export interface IdPage {
  ids: string[];
  nextPageToken: string | null;
}

export interface ChangelogPage {
  changelogs: { issueId: string; transitions: JiraStatusTransition[] }[];
  nextPageToken: string | null;
}

export interface JiraSourceOptions {
  client: Version3Client;
  fieldOverrides: FieldOverrides;
  /** Issues per search page (Jira caps it; the answer decides). */
  pageSize?: number;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, endpoint: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new InvalidPayloadError(
      'jira',
      endpoint,
      `${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw unwrapSourceError(error);
  }
}

export class JiraSource {
  private readonly client: Version3Client;
  private readonly overrides: FieldOverrides;
  private readonly pageSize: number;
  private sitePromise: Promise<JiraSite> | null = null;

  constructor(options: JiraSourceOptions) {
    this.client = options.client;
    this.overrides = options.fieldOverrides;
    this.pageSize = Math.min(
      options.pageSize ?? JIRA_LIMITS.issuesPerPage,
      JIRA_LIMITS.issuesPerPage,
    );
  }

  /** The site facts, read once per process (4 calls) and shared by every job. */
  site(): Promise<JiraSite> {
    this.sitePromise ??= this.readSite().catch((error: unknown) => {
      this.sitePromise = null;
      throw error;
    });
    return this.sitePromise;
  }

  private async readSite(): Promise<JiraSite> {
    const myself = parse(
      JiraMyself,
      await call(() => this.client.myself.getCurrentUser()),
      'GET /myself',
    );
    const [fields, statuses, projectKeys] = await Promise.all([
      call(() => this.client.issueFields.getFields()).then((v) =>
        parse(JiraFieldList, v, 'GET /field'),
      ),
      call(() => this.client.workflowStatuses.getStatuses()).then((v) =>
        parse(JiraStatusList, v, 'GET /status'),
      ),
      this.projectKeys(),
    ]);
    return {
      ...discoverFields(fields, this.overrides),
      timeZone: myself.timeZone ?? 'UTC',
      statusCategories: statusCategoryMap(statuses),
      projectKeys,
    };
  }

  private async projectKeys(): Promise<string[]> {
    const keys: string[] = [];
    for (let startAt = 0; ;) {
      const page = parse(
        JiraProjectPage,
        await call(() => this.client.projects.searchProjects({ startAt, maxResults: 100 })),
        'GET /project/search',
      );
      keys.push(...page.values.map((p) => p.key));
      if (page.isLast !== false || page.values.length === 0) return keys;
      startAt += page.values.length;
    }
  }

  /** The site's clock (the run's watermark comes from it, not from this machine's clock). */
  async serverTime(): Promise<string | null> {
    const info = parse(
      JiraServerInfo,
      await call(() => this.client.serverInfo.getServerInfo()),
      'GET /serverInfo',
    );
    return info.serverTime ?? null;
  }

  async searchIssues(jql: string, token: string | null): Promise<IssuePage> {
    const site = await this.site();
    const page = parse(
      JiraSearchPage,
      await call(() =>
        this.client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
          jql,
          fields: searchFields(site),
          maxResults: this.pageSize,
          ...(token !== null ? { nextPageToken: token } : {}),
        }),
      ),
      'GET /search/jql',
    );
    const out: IssuePage = { issues: [], quarantined: [], nextPageToken: nextToken(page) };
    for (const raw of page.issues) {
      const mapped = mapJiraIssue(raw, site);
      if (mapped.ok) out.issues.push(mapped.issue);
      else out.quarantined.push(mapped.quarantined);
    }
    return out;
  }

  async listIssueIds(jql: string, token: string | null): Promise<IdPage> {
    const page = parse(
      JiraSearchPage,
      await call(() =>
        this.client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
          jql,
          fields: ['id'],
          maxResults: JIRA_LIMITS.idsPerPage,
          ...(token !== null ? { nextPageToken: token } : {}),
        }),
      ),
      'GET /search/jql',
    );
    const ids: string[] = [];
    for (const raw of page.issues) {
      const hit = JiraIdHit.safeParse(raw);
      if (hit.success) ids.push(hit.data.id);
    }
    return { ids, nextPageToken: nextToken(page) };
  }

  async statusChangelogs(
    issueIds: readonly string[],
    token: string | null,
  ): Promise<ChangelogPage> {
    const site = await this.site();
    const categories = new Map(Object.entries(site.statusCategories));
    const page = parse(
      JiraBulkChangelogPage,
      await call(() =>
        this.client.issues.getBulkChangelogs({
          issueIdsOrKeys: [...issueIds],
          fieldIds: ['status'],
          maxResults: JIRA_LIMITS.changelogHistories,
          ...(token !== null ? { nextPageToken: token } : {}),
        }),
      ),
      'POST /changelog/bulkfetch',
    );
    return {
      changelogs: page.issueChangeLogs.map((c) => ({
        issueId: c.issueId,
        transitions: statusTransitions(c.changeHistories, categories),
      })),
      nextPageToken: page.nextPageToken ?? null,
    };
  }
}

function nextToken(page: z.infer<typeof JiraSearchPage>): string | null {
  if (page.isLast === true) return null;
  return page.nextPageToken ?? null;
}
