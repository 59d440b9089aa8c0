/**
 * Lookups over the emulator's data plus the bookkeeping every change needs: a new `updated_at`
 * (GitHub bumps it on every edit, label change, state change and new comment) and a new repo
 * version so cached list views are rebuilt. The changes themselves live in `mutations.ts`.
 */
import type { Clock } from '../../../lib/clock.js';
import type {
  GitHubData,
  IdCounters,
  ItemRecord,
  LabelRecord,
  RepoRecord,
  UserRecord,
} from './types.js';

export class GitHubStore {
  readonly ids: IdCounters;
  private readonly usersById = new Map<number, UserRecord>();
  private readonly usersByLogin = new Map<string, UserRecord>();
  private readonly reposById = new Map<number, RepoRecord>();
  private readonly reposByName = new Map<string, RepoRecord>();
  readonly orgId: number;

  constructor(
    data: GitHubData,
    readonly clock: Clock,
  ) {
    this.ids = data.ids;
    this.orgId = data.orgId;
    for (const user of data.users) this.addUser(user);
    for (const repo of data.repos) this.addRepo(repo);
  }

  addUser(user: UserRecord): void {
    this.usersById.set(user.id, user);
    this.usersByLogin.set(user.login.toLowerCase(), user);
  }

  addRepo(repo: RepoRecord): void {
    this.reposById.set(repo.id, repo);
    this.reposByName.set(this.fullName(repo).toLowerCase(), repo);
  }

  user(id: number | null): UserRecord | null {
    return id === null ? null : (this.usersById.get(id) ?? null);
  }

  userByLogin(login: string): UserRecord | undefined {
    return this.usersByLogin.get(login.toLowerCase());
  }

  /** A user by login, created on first use (a "human" the tests invent). */
  ensureUser(login: string): UserRecord {
    const existing = this.userByLogin(login);
    if (existing) return existing;
    const user: UserRecord = { id: this.ids.user++, login, type: 'User', name: null };
    this.addUser(user);
    return user;
  }

  users(): IterableIterator<UserRecord> {
    return this.usersById.values();
  }

  owner(repo: RepoRecord): UserRecord {
    const owner = this.usersById.get(repo.ownerId);
    if (!owner) throw new Error(`repo ${repo.name} has no owner ${repo.ownerId}`);
    return owner;
  }

  fullName(repo: RepoRecord): string {
    return `${this.owner(repo).login}/${repo.name}`;
  }

  /** Case-insensitive, like GitHub. */
  repo(owner: string, name: string): RepoRecord | undefined {
    return this.reposByName.get(`${owner}/${name}`.toLowerCase());
  }

  repoByFullName(fullName: string): RepoRecord | undefined {
    return this.reposByName.get(fullName.toLowerCase());
  }

  repoById(id: number): RepoRecord | undefined {
    return this.reposById.get(id);
  }

  repos(): RepoRecord[] {
    return [...this.reposById.values()];
  }

  item(repo: RepoRecord, number: number): ItemRecord | undefined {
    return repo.items.get(number);
  }

  labelByName(repo: RepoRecord, name: string): LabelRecord | undefined {
    const wanted = name.toLowerCase();
    return repo.labels.find((label) => label.name.toLowerCase() === wanted);
  }

  now(): number {
    return this.clock.now().getTime();
  }

  /**
   * Record that `item` changed now. The repository's own `updated_at` stays: on GitHub it
   * follows changes to the repository object, not to its issues.
   */
  touch(repo: RepoRecord, item?: ItemRecord): number {
    const now = this.now();
    if (item) item.updatedAt = Math.max(now, item.updatedAt);
    repo.version++;
    return now;
  }
}
