/**
 * Renders the objects that items embed (users, labels, milestones, repositories) and caches
 * them: a page of 100 pull requests embeds 200 repository objects and hundreds of users, and
 * these only change when their repository's version does. Cached objects are shared between
 * responses, so nothing downstream may mutate them (malformed-item faults replace top-level
 * properties of the item instead).
 */
import type { GitHubStore } from '../store/store.js';
import type { LabelRecord, MilestoneRecord, RepoRecord, UserRecord } from '../store/types.js';
import { renderRepository } from './repository.js';
import { iso, isoOrNull, nodeId, type Urls } from './urls.js';

export type Json = Record<string, unknown>;

interface Versioned<T> {
  version: number;
  value: T;
}

export class RenderContext {
  private readonly userCache = new Map<number, Json>();
  private readonly repoCache = new Map<number, Versioned<{ simple: Json; full: Json }>>();
  private readonly milestoneCache = new Map<number, Versioned<Map<number, Json>>>();
  private readonly labelCache = new Map<number, Versioned<Map<number, Json>>>();

  constructor(
    readonly store: GitHubStore,
    readonly urls: Urls,
  ) {}

  fullName(repo: RepoRecord): string {
    return this.store.fullName(repo);
  }

  user(id: number | null): Json | null {
    const user = this.store.user(id);
    if (!user) return null;
    let json = this.userCache.get(user.id);
    if (!json) {
      json = simpleUser(this.urls, user);
      this.userCache.set(user.id, json);
    }
    return json;
  }

  users(ids: number[]): Json[] {
    return ids.map((id) => this.user(id)).filter((u): u is Json => u !== null);
  }

  /** `repository` (embedded in pull requests) and `full-repository` (GET /repos/{o}/{r}). */
  repository(repo: RepoRecord): { simple: Json; full: Json } {
    const cached = this.repoCache.get(repo.id);
    if (cached?.version === repo.version) return cached.value;
    const owner = this.store.owner(repo);
    const value = renderRepository(
      {
        urls: this.urls,
        fullName: this.fullName(repo),
        owner: this.user(owner.id) ?? {},
        ownerIsOrg: owner.type === 'Organization',
      },
      repo,
    );
    this.repoCache.set(repo.id, { version: repo.version, value });
    return value;
  }

  labels(repo: RepoRecord, ids: number[]): Json[] {
    const all = this.versioned(this.labelCache, repo, () => {
      const map = new Map<number, Json>();
      for (const label of repo.labels) map.set(label.id, this.label(repo, label));
      return map;
    });
    return ids.map((id) => all.get(id)).filter((l): l is Json => l !== undefined);
  }

  label(repo: RepoRecord, label: LabelRecord): Json {
    return {
      id: label.id,
      node_id: nodeId('LA', label.id),
      url: `${this.urls.repo(this.fullName(repo))}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      color: label.color,
      default: label.isDefault,
      description: label.description,
    };
  }

  milestone(repo: RepoRecord, number: number | null): Json | null {
    if (number === null) return null;
    const all = this.versioned(this.milestoneCache, repo, () => {
      const counts = new Map<number, { open: number; closed: number }>();
      for (const item of repo.items.values()) {
        if (item.milestoneNumber === null || item.pull) continue;
        const c = counts.get(item.milestoneNumber) ?? { open: 0, closed: 0 };
        if (item.state === 'open') c.open++;
        else c.closed++;
        counts.set(item.milestoneNumber, c);
      }
      const map = new Map<number, Json>();
      for (const m of repo.milestones)
        map.set(m.number, this.renderMilestone(repo, m, counts.get(m.number)));
      return map;
    });
    return all.get(number) ?? null;
  }

  private renderMilestone(
    repo: RepoRecord,
    m: MilestoneRecord,
    counts: { open: number; closed: number } = { open: 0, closed: 0 },
  ): Json {
    const full = this.fullName(repo);
    return {
      url: `${this.urls.repo(full)}/milestones/${m.number}`,
      html_url: `${this.urls.htmlRepo(full)}/milestone/${m.number}`,
      labels_url: `${this.urls.repo(full)}/milestones/${m.number}/labels`,
      id: m.id,
      node_id: nodeId('MI', m.id),
      number: m.number,
      title: m.title,
      description: m.description,
      creator: this.user(m.creatorId),
      open_issues: counts.open,
      closed_issues: counts.closed,
      state: m.state,
      created_at: iso(m.createdAt),
      updated_at: iso(m.updatedAt),
      due_on: isoOrNull(m.dueOn),
      closed_at: isoOrNull(m.closedAt),
    };
  }

  /** GitHub derives this from the author's relation to the repository. */
  authorAssociation(userId: number | null): string {
    if (userId === null) return 'NONE';
    if (userId === this.store.orgId) return 'OWNER';
    return userId % 5 === 0 ? 'CONTRIBUTOR' : 'MEMBER';
  }

  private versioned<T>(cache: Map<number, Versioned<T>>, repo: RepoRecord, build: () => T): T {
    const hit = cache.get(repo.id);
    if (hit?.version === repo.version) return hit.value;
    const value = build();
    cache.set(repo.id, { version: repo.version, value });
    return value;
  }
}

function simpleUser(urls: Urls, user: UserRecord): Json {
  const url = urls.user(user.login);
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Organization' ? 'O' : 'U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${urls.html}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}
