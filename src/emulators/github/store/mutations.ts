/**
 * Changes to issues, pull requests and comments, as GitHub applies them: every change bumps the
 * item's `updated_at` (so `since` and `sort=updated` see it), closing records `state_reason`
 * (`not_planned` is closed but not done), reopening sets `state_reason: reopened`, merging sets
 * `merged_at`, and a transferred issue leaves a tombstone that answers 301 at its old address.
 * https://docs.github.com/en/rest/issues/issues#update-an-issue
 */
import { HttpError } from '../../core/index.js';
import { HUMAN_LOGIN } from '../accounts.js';
import { githubError } from '../http/errors.js';
import type { GitHubStore } from './store.js';
import type { ItemRecord, RepoRecord, StateReason } from './types.js';

export interface Target {
  repo: RepoRecord;
  item: ItemRecord;
}

export interface NewIssue {
  title: string;
  body?: string | null;
  /** Login of the author; `null` for an account that has since been deleted. */
  author?: string | null;
  labels?: string[];
  milestone?: number | null;
  assignees?: string[];
}

export interface NewPull extends NewIssue {
  head: string;
  base?: string;
  draft?: boolean;
  /** The PR came from a fork that was deleted (`head.repo: null`). */
  headRepoDeleted?: boolean;
  requestedReviewers?: string[];
}

export interface ItemPatch {
  title?: string;
  body?: string | null;
  labels?: string[];
  milestone?: number | null;
  assignees?: string[];
  /** The author deleted their account: `user` becomes `null`. */
  authorDeleted?: boolean;
  headRepoDeleted?: boolean;
  requestedReviewers?: string[];
}

export function createIssue(store: GitHubStore, repo: RepoRecord, input: NewIssue): ItemRecord {
  const now = store.now();
  const item: ItemRecord = {
    id: store.ids.issue++,
    number: repo.nextNumber++,
    title: input.title,
    body: input.body ?? null,
    authorId: input.author === null ? null : store.ensureUser(input.author ?? HUMAN_LOGIN).id,
    state: 'open',
    stateReason: null,
    labelIds: labelIds(store, repo, input.labels ?? []),
    milestoneNumber: checkMilestone(repo, input.milestone ?? null),
    assigneeIds: (input.assignees ?? []).map((login) => store.ensureUser(login).id),
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedById: null,
    commentIds: [],
    pull: null,
  };
  repo.items.set(item.number, item);
  store.touch(repo, item);
  return item;
}

export function createPull(store: GitHubStore, repo: RepoRecord, input: NewPull): ItemRecord {
  const item = createIssue(store, repo, input);
  item.pull = {
    id: store.ids.pull++,
    draft: input.draft ?? false,
    mergedAt: null,
    mergedById: null,
    mergeCommitSha: null,
    headRef: input.head,
    headSha: fakeSha(item.id * 7 + 1),
    headRepoId: input.headRepoDeleted ? null : repo.id,
    baseRef: input.base ?? repo.defaultBranch,
    baseSha: fakeSha(item.id * 7 + 2),
    requestedReviewerIds: (input.requestedReviewers ?? []).map((l) => store.ensureUser(l).id),
    reviews: [],
    additions: 10,
    deletions: 2,
    changedFiles: 1,
    commits: 1,
    seedMentions: [],
  };
  return item;
}

export function updateItem(store: GitHubStore, target: Target, patch: ItemPatch): ItemRecord {
  const { repo, item } = target;
  if (patch.title !== undefined) item.title = patch.title;
  if (patch.body !== undefined) item.body = patch.body;
  if (patch.labels !== undefined) item.labelIds = labelIds(store, repo, patch.labels);
  if (patch.milestone !== undefined) item.milestoneNumber = checkMilestone(repo, patch.milestone);
  if (patch.assignees !== undefined)
    item.assigneeIds = patch.assignees.map((login) => store.ensureUser(login).id);
  if (patch.authorDeleted) item.authorId = null;
  if (patch.headRepoDeleted !== undefined || patch.requestedReviewers !== undefined) {
    const pull = requirePull(item);
    if (patch.headRepoDeleted !== undefined)
      pull.headRepoId = patch.headRepoDeleted ? null : repo.id;
    if (patch.requestedReviewers !== undefined)
      pull.requestedReviewerIds = patch.requestedReviewers.map((l) => store.ensureUser(l).id);
  }
  store.touch(repo, item);
  return item;
}

/** Pull requests close with `state_reason: null`; issues as completed, not planned or duplicate. */
export function closeItem(
  store: GitHubStore,
  target: Target,
  options: { reason?: Exclude<StateReason, 'reopened'>; by?: string } = {},
): ItemRecord {
  const { repo, item } = target;
  if (item.state === 'closed') return item;
  const now = store.touch(repo, item);
  item.state = 'closed';
  item.stateReason = item.pull ? null : (options.reason ?? 'completed');
  item.closedAt = now;
  item.closedById = store.ensureUser(options.by ?? HUMAN_LOGIN).id;
  if (item.pull) item.pull.draft = false;
  return item;
}

export function reopenItem(store: GitHubStore, target: Target): ItemRecord {
  const { repo, item } = target;
  if (item.pull?.mergedAt != null) throw conflict('A merged pull request cannot be reopened.');
  if (item.state === 'open') return item;
  store.touch(repo, item);
  item.state = 'open';
  item.stateReason = item.pull ? null : 'reopened';
  item.closedAt = null;
  item.closedById = null;
  return item;
}

export function mergePull(store: GitHubStore, target: Target, by = HUMAN_LOGIN): ItemRecord {
  const { repo, item } = target;
  const pull = requirePull(item);
  if (item.state !== 'open') throw conflict('Pull Request is not mergeable');
  const now = store.touch(repo, item);
  const merger = store.ensureUser(by).id;
  item.state = 'closed';
  item.closedAt = now;
  item.closedById = merger;
  pull.draft = false;
  pull.mergedAt = now;
  pull.mergedById = merger;
  pull.mergeCommitSha = fakeSha(item.id * 7 + 3);
  pull.requestedReviewerIds = [];
  return item;
}

export function setDraft(store: GitHubStore, target: Target, draft: boolean): ItemRecord {
  const pull = requirePull(target.item);
  if (target.item.state !== 'open') throw conflict('Only open pull requests can change draft.');
  pull.draft = draft;
  store.touch(target.repo, target.item);
  return target.item;
}

/** GitHub only lets admins delete issues; pull requests go only with their repository. */
export function deleteItem(store: GitHubStore, target: Target): void {
  const { repo, item } = target;
  for (const id of item.commentIds) repo.comments.delete(id);
  repo.items.delete(item.number);
  repo.tombstones.set(item.number, { kind: 'deleted' });
  store.touch(repo);
}

/** Moves an issue to another repository: new number there, a 301 at the old address. */
export function transferIssue(store: GitHubStore, target: Target, to: RepoRecord): ItemRecord {
  const { repo, item } = target;
  if (item.pull) throw conflict('Pull requests cannot be transferred.');
  const labels = item.labelIds
    .map((id) => repo.labels.find((label) => label.id === id)?.name)
    .filter((name): name is string => name !== undefined);
  repo.items.delete(item.number);
  const moved: ItemRecord = {
    ...item,
    number: to.nextNumber++,
    labelIds: labelIds(store, to, labels),
    milestoneNumber: null,
  };
  for (const id of item.commentIds) {
    const comment = repo.comments.get(id);
    repo.comments.delete(id);
    if (comment) to.comments.set(id, { ...comment, issueNumber: moved.number });
  }
  to.items.set(moved.number, moved);
  repo.tombstones.set(item.number, { kind: 'transferred', repoId: to.id, number: moved.number });
  store.touch(repo);
  store.touch(to, moved);
  return moved;
}

/** Label names to ids; like the REST API, names that do not exist yet are created. */
function labelIds(store: GitHubStore, repo: RepoRecord, names: string[]): number[] {
  return names.map((name) => {
    const found = store.labelByName(repo, name);
    if (found) return found.id;
    const label = {
      id: store.ids.label++,
      name,
      color: 'ededed',
      description: null,
      isDefault: false,
    };
    repo.labels.push(label);
    return label.id;
  });
}

function checkMilestone(repo: RepoRecord, number: number | null): number | null {
  if (number === null) return null;
  if (!repo.milestones.some((m) => m.number === number))
    throw new HttpError(
      githubError(422, 'Validation Failed', [
        { resource: 'Issue', field: 'milestone', code: 'invalid' },
      ]),
    );
  return number;
}

function requirePull(item: ItemRecord): NonNullable<ItemRecord['pull']> {
  if (!item.pull) throw conflict(`#${item.number} is an issue, not a pull request.`);
  return item.pull;
}

function conflict(message: string): HttpError {
  return new HttpError(githubError(422, message));
}

/** A 40-hex-digit commit id derived from a number: deterministic, distinct per input. */
export function fakeSha(n: number): string {
  let out = '';
  let x = (n * 2654435761) >>> 0;
  while (out.length < 40) {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}
