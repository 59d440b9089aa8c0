/**
 * The page-size and batch limits the emulator enforces, with where each comes from. Atlassian
 * says "the default and maximum sizes of paged data are not considered part of the API and may
 * change without notice" (https://confluence.atlassian.com/jirakb/changing-maxresults-parameter-for-jira-rest-api-779160706.html),
 * so clients must follow what a page says, never assume a size; every value can be overridden
 * per emulator run (`startJiraEmulator({ limits })`) to prove that.
 */

export interface JiraLimits {
  /** Enhanced search default `maxResults` (spec: default 50). */
  searchDefault: number;
  /** Enhanced search cap when only `id` / `key` are requested (spec: "It returns max 5000"). */
  searchMaxIdsOnly: number;
  /**
   * Cap when fields are requested: "API may return fewer items per page where a large number of
   * fields … are requested" (spec); 100 is the long-standing Jira Cloud cap for field searches.
   */
  searchMaxWithFields: number;
  /**
   * Cap with `expand=changelog`: pages with changelogs are smaller. Atlassian publishes no
   * number; 40 matches the 40-changelog inline limit the enhanced APIs document (bulkfetch).
   */
  searchMaxWithChangelog: number;
  /** Histories inline with `expand=changelog` in search and GET issue (project brief: 100). */
  inlineChangelogSearch: number;
  /**
   * Histories inline in /issue/bulkfetch: "changelog … This returns a maximum of 40
   * changelogs" (BulkFetchIssueRequestBean.expand in the spec).
   */
  inlineChangelogBulkFetch: number;
  /** /issue/bulkfetch: "You can request up to 100 issues." */
  bulkFetchIssues: number;
  /** /changelog/bulkfetch: up to 1000 issues, 10 field ids; maxResults default 1000, max 10000. */
  changelogBulkIssues: number;
  changelogBulkFieldIds: number;
  changelogBulkDefault: number;
  changelogBulkMax: number;
  /** /issue/{key}/changelog: maxResults default 100 (spec), also the cap. */
  issueChangelogMax: number;
  /** /project/search: default 50, maximum 100 (spec). */
  projectSearchDefault: number;
  projectSearchMax: number;
  /** Comments list: maxResults default 100 (spec); also used as the cap. */
  commentsMax: number;
  /** Comment bodies: "It exceeds the allowed limit of 32,767 characters." */
  commentMaxChars: number;
}

export const DEFAULT_LIMITS: JiraLimits = {
  searchDefault: 50,
  searchMaxIdsOnly: 5000,
  searchMaxWithFields: 100,
  searchMaxWithChangelog: 40,
  inlineChangelogSearch: 100,
  inlineChangelogBulkFetch: 40,
  bulkFetchIssues: 100,
  changelogBulkIssues: 1000,
  changelogBulkFieldIds: 10,
  changelogBulkDefault: 1000,
  changelogBulkMax: 10_000,
  issueChangelogMax: 100,
  projectSearchDefault: 50,
  projectSearchMax: 100,
  commentsMax: 100,
  commentMaxChars: 32_767,
};
