/**
 * What the comment adapters need from Jira's and GitHub's answers, checked at the boundary.
 *
 * Why it matters here: Octokit hands back the raw text when a JSON body cannot be parsed (a body
 * cut off half-way arrives as a string with status 201), and reading a string as a comment list
 * finds "no comment" — which would make the sticky logic post a second one. An answer that is
 * not JSON at all is treated as a broken transfer (retry); JSON of the wrong shape as an
 * unexpected payload (retrying would get the same).
 */
import { z } from 'zod';
import { InvalidPayloadError, TransientError, type SourceName } from '../lib/errors/index.js';

/** https://docs.github.com/en/rest/issues/comments — the fields the adapter reads. */
export const GitHubComment = z.object({
  id: z.number(),
  body: z.string().nullish(),
  created_at: z.string(),
  issue_url: z.string(),
  user: z.object({ login: z.string() }).nullable(),
});
export type GitHubComment = z.infer<typeof GitHubComment>;

export const GitHubCommentList = z.array(GitHubComment);

/** https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/ */
export const JiraComment = z.object({
  id: z.string().min(1),
  created: z.string(),
  body: z.unknown(),
  author: z.object({ accountId: z.string().optional() }).optional(),
});
export type JiraComment = z.infer<typeof JiraComment>;

export const JiraCommentPage = z.object({
  comments: z.array(JiraComment),
  total: z.number().optional(),
});
export type JiraCommentPage = z.infer<typeof JiraCommentPage>;

export function parseAnswer<T>(
  schema: z.ZodType<T>,
  data: unknown,
  where: { source: SourceName; resource: string },
): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  if (typeof data === 'string' || data === undefined || data === null) {
    return failTransient(where, data);
  }
  throw new InvalidPayloadError(where.source, where.resource, z.prettifyError(parsed.error));
}

function failTransient(where: { source: SourceName; resource: string }, data: unknown): never {
  const length = typeof data === 'string' ? `${data.length} characters` : String(data);
  throw new TransientError(where.source, `${where.resource}: the answer was not JSON (${length})`);
}
