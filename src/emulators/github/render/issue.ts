/**
 * An issue as the issues API returns it. Pull requests appear here too, told apart by the
 * `pull_request` key (and `draft`): "GitHub's REST API considers every pull request an issue".
 * https://docs.github.com/en/rest/issues/issues#list-repository-issues
 */
import type { ItemRecord, RepoRecord } from '../store/types.js';
import type { Json, RenderContext } from './context.js';
import { iso, isoOrNull, nodeId } from './urls.js';

export function renderIssue(
  ctx: RenderContext,
  repo: RepoRecord,
  item: ItemRecord,
  detail = false,
): Json {
  const full = ctx.fullName(repo);
  const api = `${ctx.urls.repo(full)}/issues/${item.number}`;
  const html = `${ctx.urls.htmlRepo(full)}/${item.pull ? 'pull' : 'issues'}/${item.number}`;
  const assignees = ctx.users(item.assigneeIds);
  const json: Json = {
    url: api,
    repository_url: ctx.urls.repo(full),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    id: item.id,
    node_id: nodeId(item.pull ? 'PR' : 'I', item.id),
    number: item.number,
    title: item.title,
    user: ctx.user(item.authorId),
    labels: ctx.labels(repo, item.labelIds),
    state: item.state,
    locked: item.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: ctx.milestone(repo, item.milestoneNumber),
    comments: item.commentIds.length,
    created_at: iso(item.createdAt),
    updated_at: iso(item.updatedAt),
    closed_at: isoOrNull(item.closedAt),
    author_association: ctx.authorAssociation(item.authorId),
    active_lock_reason: null,
    body: item.body,
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: item.stateReason,
  };
  if (item.pull) {
    const pullApi = `${ctx.urls.repo(full)}/pulls/${item.number}`;
    json['draft'] = item.pull.draft;
    json['pull_request'] = {
      url: pullApi,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: isoOrNull(item.pull.mergedAt),
    };
  }
  if (detail) json['closed_by'] = ctx.user(item.closedById);
  return json;
}
