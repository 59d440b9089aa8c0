/**
 * `ingest-page`: writes one fetched page into SQLite in one transaction, saves the cursor after
 * the data (same transaction), then asks for the next fetch — or, at the end of a source unit,
 * the rollup of the projects it affects. Runs only where the database lives; idempotent (a page
 * ingested twice leaves the same rows and asks for the same next job).
 */
import type { JobDefinition } from './types.js';
import { IngestPagePayload, type PageCounts } from './sync/payloads.js';
import { ingestGitHubPage } from './sync/ingest-github.js';
import {
  ingestJiraChangelogs,
  ingestJiraIds,
  ingestJiraIssues,
  ingestJiraSite,
} from './sync/ingest-jira.js';

export type IngestPageResult = PageCounts | null;

export function createIngestPageJob(): JobDefinition<IngestPagePayload, IngestPageResult> {
  return {
    name: 'ingest-page',
    queue: 'ingest',
    payload: IngestPagePayload,
    async handle(payload, ctx) {
      if (payload.kind === 'jira-site') {
        for (const request of ingestJiraSite(payload, ctx)) await ctx.enqueue(request);
        return null;
      }
      const { counts, next } =
        payload.kind === 'jira-issues'
          ? ingestJiraIssues(payload, ctx)
          : payload.kind === 'jira-changelogs'
            ? ingestJiraChangelogs(payload, ctx)
            : payload.kind === 'jira-ids'
              ? ingestJiraIds(payload, ctx)
              : ingestGitHubPage(payload, ctx);
      for (const request of next) await ctx.enqueue(request);
      return counts;
    },
  };
}
