/**
 * The filters and orderings of GitHub's issue and pull request lists, over one repository.
 * A filtered, sorted view is cached per repository version: paging through 100 pages of a big
 * repository sorts once, and the pages stay consistent while nothing changes.
 * https://docs.github.com/en/rest/issues/issues#list-repository-issues
 * https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
 */
import type { GitHubStore } from './store.js';
import type { ItemRecord, PullRecord, RepoRecord } from './types.js';

export type Direction = 'asc' | 'desc';

export interface IssueFilter {
  state: 'open' | 'closed' | 'all';
  /** Every one of these label names (case-insensitive). */
  labels: string[];
  /** A milestone number, `*` (any) or `none`; undefined: no filter. */
  milestone?: string;
  /** A login, `*` or `none`. */
  assignee?: string;
  creator?: string;
  sort: 'created' | 'updated' | 'comments';
  direction: Direction;
  /** Epoch ms: only items updated at or after this time. */
  since?: number;
}

export interface PullFilter {
  state: 'open' | 'closed' | 'all';
  /** `user:ref` or `ref`. */
  head?: string;
  base?: string;
  sort: 'created' | 'updated' | 'popularity' | 'long-running';
  direction: Direction;
}

type PullItem = ItemRecord & { pull: PullRecord };

interface CachedView {
  version: number;
  items: ItemRecord[];
}

const MAX_CACHED_VIEWS = 500;

export class ListQueries {
  private readonly views = new Map<string, CachedView>();

  constructor(private readonly store: GitHubStore) {}

  issues(repo: RepoRecord, filter: IssueFilter): ItemRecord[] {
    return this.cached(`${repo.id}:issues:${JSON.stringify(filter)}`, repo, () => {
      const match = issueMatcher(this.store, repo, filter);
      const items = [...repo.items.values()].filter(match);
      const key =
        filter.sort === 'updated'
          ? (i: ItemRecord) => i.updatedAt
          : filter.sort === 'comments'
            ? (i: ItemRecord) => i.commentIds.length
            : (i: ItemRecord) => i.createdAt;
      return sortBy(items, key, filter.direction);
    });
  }

  pulls(repo: RepoRecord, filter: PullFilter): PullItem[] {
    return this.cached(`${repo.id}:pulls:${JSON.stringify(filter)}`, repo, () => {
      const owner = this.store.owner(repo).login.toLowerCase();
      const head = filter.head?.toLowerCase();
      const items = [...repo.items.values()].filter((item): item is PullItem => {
        if (!item.pull) return false;
        if (filter.state !== 'all' && item.state !== filter.state) return false;
        if (filter.base !== undefined && item.pull.baseRef !== filter.base) return false;
        if (head !== undefined) {
          const ref = item.pull.headRef.toLowerCase();
          if (head !== ref && head !== `${owner}:${ref}`) return false;
        }
        return true;
      });
      const key =
        filter.sort === 'updated'
          ? (i: ItemRecord) => i.updatedAt
          : filter.sort === 'popularity'
            ? (i: ItemRecord) => i.commentIds.length
            : (i: ItemRecord) => i.createdAt;
      return sortBy(items, key, filter.direction);
    }) as PullItem[];
  }

  private cached(key: string, repo: RepoRecord, build: () => ItemRecord[]): ItemRecord[] {
    const hit = this.views.get(key);
    if (hit?.version === repo.version) return hit.items;
    if (this.views.size >= MAX_CACHED_VIEWS) this.views.clear();
    const items = build();
    this.views.set(key, { version: repo.version, items });
    return items;
  }
}

function issueMatcher(
  store: GitHubStore,
  repo: RepoRecord,
  filter: IssueFilter,
): (item: ItemRecord) => boolean {
  const labelIds = filter.labels.map((name) => store.labelByName(repo, name)?.id ?? -1);
  const assignee = userFilter(store, filter.assignee);
  const creator = filter.creator === undefined ? undefined : store.userByLogin(filter.creator);
  // `since` compares at GitHub's one-second precision, so it agrees with the rendered updated_at.
  const since = filter.since;
  return (item) => {
    if (filter.state !== 'all' && item.state !== filter.state) return false;
    if (since !== undefined && Math.floor(item.updatedAt / 1000) * 1000 < since) return false;
    for (const id of labelIds) if (!item.labelIds.includes(id)) return false;
    if (filter.milestone === 'none' && item.milestoneNumber !== null) return false;
    if (filter.milestone === '*' && item.milestoneNumber === null) return false;
    if (
      filter.milestone !== undefined &&
      filter.milestone !== '*' &&
      filter.milestone !== 'none' &&
      String(item.milestoneNumber) !== filter.milestone
    )
      return false;
    if (assignee === 'none' && item.assigneeIds.length > 0) return false;
    if (assignee === '*' && item.assigneeIds.length === 0) return false;
    if (typeof assignee === 'number' && !item.assigneeIds.includes(assignee)) return false;
    if (filter.creator !== undefined && item.authorId !== (creator?.id ?? -1)) return false;
    return true;
  };
}

function userFilter(store: GitHubStore, value: string | undefined): number | '*' | 'none' | null {
  if (value === undefined) return null;
  if (value === '*' || value === 'none') return value;
  return store.userByLogin(value)?.id ?? -1;
}

/** Stable order: ties broken by number, in the same direction. */
function sortBy<T extends ItemRecord>(
  items: T[],
  key: (item: T) => number,
  direction: Direction,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return items.sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
}
