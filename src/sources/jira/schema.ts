/**
 * zod schemas of the Jira REST v3 answers northstar reads, named like the payloads they check.
 * Envelopes (pages) are checked strictly enough to page safely; each issue is checked on its own
 * so one malformed issue is quarantined while the rest of the page goes on.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
 */
import { z } from 'zod';

export const JiraStatusCategoryKey = z.enum(['new', 'indeterminate', 'done', 'undefined']);

export const JiraStatus = z.object({
  id: z.string().optional(),
  name: z.string(),
  statusCategory: z.object({ key: JiraStatusCategoryKey }),
});

const LinkedIssue = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({ status: JiraStatus.optional() }).optional(),
});

export const JiraIssueLinkBean = z.object({
  type: z.object({
    name: z.string(),
    inward: z.string().optional(),
    outward: z.string().optional(),
  }),
  inwardIssue: LinkedIssue.optional(),
  outwardIssue: LinkedIssue.optional(),
});

const NamedValue = z.object({ name: z.string() }).nullable().optional();

export const JiraIssueBean = z.object({
  id: z.string().regex(/^\d+$/, 'is not a numeric issue id'),
  key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'is not an issue key'),
  fields: z.object({
    summary: z.string(),
    status: JiraStatus,
    issuetype: z.object({ name: z.string(), hierarchyLevel: z.number().optional() }),
    project: z.object({ key: z.string() }),
    resolution: NamedValue,
    resolutiondate: z.string().nullable().optional(),
    assignee: z
      .object({ accountId: z.string(), displayName: z.string().optional() })
      .nullable()
      .optional(),
    priority: NamedValue,
    labels: z.array(z.string()).optional(),
    duedate: z.string().nullable().optional(),
    created: z.string(),
    updated: z.string(),
    parent: z.object({ id: z.string(), key: z.string() }).optional(),
    issuelinks: z.array(JiraIssueLinkBean).optional(),
  }),
});
export type JiraIssueBean = z.infer<typeof JiraIssueBean>;

/** The enhanced search page: issues, an opaque token, `isLast`; no `total`. */
export const JiraSearchPage = z.object({
  issues: z.array(z.unknown()),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

/** `fields=id` hits: ids only (5000 per page). */
export const JiraIdHit = z.object({ id: z.union([z.string(), z.number()]).transform(String) });

export const JiraChangelogItem = z.object({
  field: z.string(),
  fieldId: z.string().optional(),
  from: z.string().nullable().optional(),
  fromString: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  toString: z.string().nullable().optional(),
});

export const JiraHistory = z.object({
  id: z.string(),
  created: z.string(),
  items: z.array(JiraChangelogItem),
});

export const JiraBulkChangelogPage = z.object({
  issueChangeLogs: z.array(
    z.object({ issueId: z.string(), changeHistories: z.array(JiraHistory) }),
  ),
  nextPageToken: z.string().nullable().optional(),
});

export const JiraField = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.object({ type: z.string().optional(), custom: z.string().optional() }).optional(),
});
export const JiraFieldList = z.array(JiraField);

export const JiraMyself = z.object({ accountId: z.string(), timeZone: z.string().optional() });
export const JiraServerInfo = z.object({ serverTime: z.string().optional() });

export const JiraStatusList = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    statusCategory: z.object({ key: JiraStatusCategoryKey }),
  }),
);

export const JiraProjectPage = z.object({
  values: z.array(z.object({ id: z.string(), key: z.string() })),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});
