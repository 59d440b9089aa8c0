/**
 * GitHub's repository objects: `repository` (embedded as `head.repo` / `base.repo` in every pull
 * request) and `full-repository` (GET /repos/{owner}/{repo}, which adds counts and settings).
 * https://docs.github.com/en/rest/repos/repos#get-a-repository
 */
import type { RepoRecord } from '../store/types.js';
import { iso, nodeId, type Urls } from './urls.js';

type Json = Record<string, unknown>;

export interface RepositoryInputs {
  urls: Urls;
  fullName: string;
  owner: Json;
  ownerIsOrg: boolean;
}

export function renderRepository(
  inputs: RepositoryInputs,
  repo: RepoRecord,
): { simple: Json; full: Json } {
  const { urls, fullName, owner } = inputs;
  const api = urls.repo(fullName);
  const html = urls.htmlRepo(fullName);
  let openIssues = 0;
  for (const item of repo.items.values()) if (item.state === 'open') openIssues++;
  const host = new URL(urls.html).host;
  const simple: Json = {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner,
    html_url: html,
    description: repo.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${fullName}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${fullName}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: repo.language,
    forks_count: 0,
    stargazers_count: repo.id % 40,
    watchers_count: repo.id % 40,
    size: 1024 + (repo.id % 9000),
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: iso(repo.pushedAt),
    created_at: iso(repo.createdAt),
    updated_at: iso(repo.updatedAt),
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    forks: 0,
    open_issues: openIssues,
    watchers: repo.id % 40,
  };
  const full: Json = {
    ...simple,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: true,
    network_count: 0,
    subscribers_count: 3,
    ...(inputs.ownerIsOrg ? { organization: owner } : {}),
  };
  return { simple, full };
}
