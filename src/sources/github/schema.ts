/**
 * zod schemas of the GitHub REST answers northstar reads (issues list, pulls list), one item at
 * a time so a malformed item is quarantined and the page goes on. Deleted accounts and forks are
 * `null` (`user`, `head.repo`); PR bodies can be `null`.
 * https://docs.github.com/en/rest/issues/issues#list-repository-issues
 */
import { z } from 'zod';

const Login = z.object({ login: z.string() }).nullable();
const Label = z.union([z.string(), z.object({ name: z.string().nullable().optional() })]);
const Milestone = z.object({ title: z.string() }).nullable().optional();

export const GitHubIssueItem = z.object({
  id: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  state: z.enum(['open', 'closed']),
  state_reason: z.string().nullable().optional(),
  labels: z.array(Label),
  milestone: Milestone,
  assignees: z
    .array(z.object({ login: z.string() }))
    .nullable()
    .optional(),
  user: Login,
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable(),
  html_url: z.string(),
  pull_request: z.unknown().optional(),
});
export type GitHubIssueItem = z.infer<typeof GitHubIssueItem>;

export const GitHubPullItem = z.object({
  id: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullable().optional(),
  state: z.enum(['open', 'closed']),
  draft: z.boolean().optional(),
  user: Login,
  head: z.object({ ref: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
  base: z.object({ ref: z.string() }),
  labels: z.array(Label),
  milestone: Milestone,
  requested_reviewers: z.array(z.unknown()).nullable().optional(),
  requested_teams: z.array(z.unknown()).nullable().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable(),
  merged_at: z.string().nullable(),
  html_url: z.string(),
});
export type GitHubPullItem = z.infer<typeof GitHubPullItem>;
