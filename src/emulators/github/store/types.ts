/**
 * The GitHub emulator's compact in-memory model. Records hold only what varies between items
 * (numbers, short strings, ids of users/labels); the JSON GitHub sends — dozens of URL fields,
 * embedded users, milestones and repositories — is rendered per request (`../render/`).
 * Timestamps are epoch milliseconds.
 *
 * Exported so tests can compute the results they expect from the seeded data.
 */

export type AccountType = 'User' | 'Bot' | 'Organization';

export interface UserRecord {
  id: number;
  login: string;
  type: AccountType;
  name: string | null;
}

export interface LabelRecord {
  id: number;
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  description: string | null;
  /** GitHub's default labels (`bug`, `enhancement`, …) have `default: true`. */
  isDefault: boolean;
}

export interface MilestoneRecord {
  id: number;
  number: number;
  title: string;
  description: string | null;
  state: 'open' | 'closed';
  creatorId: number | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  dueOn: number | null;
}

/** GitHub's `state_reason`; `not_planned` is closed but not done. */
export type StateReason = 'completed' | 'not_planned' | 'reopened' | 'duplicate';

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';

export interface ReviewRecord {
  id: number;
  userId: number | null;
  state: ReviewState;
  body: string;
  submittedAt: number;
  commitId: string;
}

/** Where the generator put a Jira key in a PR: ground truth for the sync's key extraction. */
export interface SeedMention {
  /** Upper-case, as Jira spells it (`ABC-123`), even when the text has `abc-123`. */
  key: string;
  source: 'title' | 'branch' | 'body';
}

export interface PullRecord {
  /** The pull request's own id (GitHub's pulls API id differs from the issue id). */
  id: number;
  draft: boolean;
  mergedAt: number | null;
  mergedById: number | null;
  mergeCommitSha: string | null;
  headRef: string;
  headSha: string;
  /** `null`: the fork the PR came from was deleted (GitHub then sends `head.repo: null`). */
  headRepoId: number | null;
  baseRef: string;
  baseSha: string;
  requestedReviewerIds: number[];
  reviews: ReviewRecord[];
  additions: number;
  deletions: number;
  changedFiles: number;
  commits: number;
  /** Not rendered: what the generator meant to mention (empty for hand-made PRs). */
  seedMentions: SeedMention[];
}

/** An issue, or a pull request (GitHub keeps both in one numbered list per repository). */
export interface ItemRecord {
  /** The issue id (database id); stable across edits. */
  id: number;
  number: number;
  title: string;
  body: string | null;
  /** `null`: the author's account was deleted. */
  authorId: number | null;
  state: 'open' | 'closed';
  stateReason: StateReason | null;
  labelIds: number[];
  milestoneNumber: number | null;
  assigneeIds: number[];
  locked: boolean;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  closedById: number | null;
  commentIds: number[];
  pull: PullRecord | null;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  userId: number | null;
  body: string;
  createdAt: number;
  updatedAt: number;
}

/** What a client gets for a number that no longer lives in this repository. */
export type Tombstone =
  { kind: 'deleted' } | { kind: 'transferred'; repoId: number; number: number };

export interface RepoRecord {
  id: number;
  ownerId: number;
  name: string;
  description: string | null;
  private: boolean;
  defaultBranch: string;
  language: string | null;
  createdAt: number;
  updatedAt: number;
  pushedAt: number;
  labels: LabelRecord[];
  milestones: MilestoneRecord[];
  /** By number; issues and pull requests share one number sequence. */
  items: Map<number, ItemRecord>;
  comments: Map<number, CommentRecord>;
  tombstones: Map<number, Tombstone>;
  nextNumber: number;
  /** Bumped on every change, so cached list views and counts know they are stale. */
  version: number;
}

/** Next free ids, global across repositories as on GitHub. */
export interface IdCounters {
  repo: number;
  issue: number;
  pull: number;
  comment: number;
  label: number;
  milestone: number;
  review: number;
  user: number;
}

/** Everything the emulator serves; what the seeded generator produces. */
export interface GitHubData {
  /** The organisation that owns the repositories. */
  orgId: number;
  users: UserRecord[];
  repos: RepoRecord[];
  /** The generator's "now": the emulator clock starts here so the data looks recent. */
  now: number;
  ids: IdCounters;
}
