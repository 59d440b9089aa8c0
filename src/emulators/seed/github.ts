/**
 * The deterministic GitHub half of the seeded organisation: repositories with labels,
 * milestones, tracking issues ("Tracking: …"), issues (some closed as not planned, some
 * reopened, some by deleted users) and pull requests (open / draft / merged / closed, deleted
 * forks, `null` bodies) whose title, branch or body mention Jira keys handed in by the caller.
 *
 * The same options always give the same data. Records are compact (see
 * `../github/store/types.ts`); JSON is rendered per request. 50 repos / 20k issues / 10k PRs
 * take well under a second (`test/bench/seed-github.ts`).
 */
import { Rng } from '../core/index.js';
import type {
  GitHubData,
  IdCounters,
  LabelRecord,
  MilestoneRecord,
  RepoRecord,
  UserRecord,
} from '../github/store/types.js';
import { BOT_LOGIN, HUMAN_LOGIN } from '../github/accounts.js';
import { generateRepoItems } from './github-items.js';

export interface GenerateGitHubOptions {
  seed: string;
  repos: number;
  /** Plain issues across all repos (pull requests not included). */
  issues: number;
  prs: number;
  /**
   * The Jira key for the n-th mention the generator writes (n = 0, 1, 2, … in generation order),
   * or null to leave that mention out. The caller owns the Jira side, so PRs mention real keys;
   * `repo` says where the PR lives, so a caller can prefer the keys of the teams that own it.
   */
  jiraKeys: (index: number, repo: MentionSite) => string | null;
  /** Organisation login (default `acme`). */
  owner?: string;
  /** The data's "now" (default 2026-11-24T12:00:00Z); items spread over `historyDays` before. */
  now?: Date;
  historyDays?: number;
  /** People besides the bot and the human commenter (default 60). */
  people?: number;
}

/** The repository a mention is written in (`index` in generation order, from 0). */
export interface MentionSite {
  index: number;
  name: string;
}

export const DEFAULT_SEED_NOW = new Date('2026-11-24T12:00:00Z');

/** Well-known accounts: the token's user and the "human" who comments in tests. */
export const BOT_USER_ID = 1;
export const HUMAN_USER_ID = 2;

const REPO_NAMES = [
  'scheduler',
  'web',
  'api',
  'billing',
  'search',
  'infra',
  'mobile',
  'auth',
  'data-pipeline',
  'docs',
  'gateway',
  'notifications',
  'analytics',
  'payments',
  'storage',
  'ml-platform',
  'cli',
  'sdk-js',
  'sdk-python',
  'observability',
  'design-system',
  'admin',
  'importer',
  'exporter',
  'feature-flags',
  'identity',
  'reports',
  'workflows',
  'edge',
  'compliance',
];
const FIRST = ['ana', 'raj', 'li', 'jane', 'omar', 'sofia', 'kenji', 'maria', 'tom', 'zoe'];
const LAST = ['smith', 'chen', 'garcia', 'kumar', 'okafor', 'novak', 'silva', 'berg'];

const LABELS: Omit<LabelRecord, 'id'>[] = [
  { name: 'bug', color: 'd73a4a', description: "Something isn't working", isDefault: true },
  { name: 'enhancement', color: 'a2eeef', description: 'New feature or request', isDefault: true },
  { name: 'documentation', color: '0075ca', description: null, isDefault: true },
  { name: 'good first issue', color: '7057ff', description: 'Good for newcomers', isDefault: true },
  { name: 'tech-debt', color: 'fbca04', description: null, isDefault: false },
  { name: 'security', color: 'b60205', description: 'Security-relevant', isDefault: false },
  { name: 'gpu-fleet', color: '0e8a16', description: 'GPU fleet migration', isDefault: false },
  { name: 'p1', color: 'e11d21', description: 'Fix this week', isDefault: false },
  { name: 'p2', color: 'eb6420', description: null, isDefault: false },
  { name: 'team:platform', color: 'c5def5', description: null, isDefault: false },
];

const DAY = 86_400_000;

export function generateGitHubData(options: GenerateGitHubOptions): GitHubData {
  const now = (options.now ?? DEFAULT_SEED_NOW).getTime();
  const historyDays = options.historyDays ?? 180;
  const root = new Rng(`github:${options.seed}`);
  const ids: IdCounters = {
    repo: 700_000_001,
    // Above 2^31 like today's GitHub ids: a client must not squeeze them into 32 bits.
    issue: 2_500_000_001,
    pull: 2_100_000_001,
    comment: 3_000_000_001,
    label: 6_000_000_001,
    milestone: 10_000_001,
    review: 2_300_000_001,
    user: 1,
  };
  const users = makeUsers(root.fork('users'), {
    ids,
    owner: options.owner ?? 'acme',
    people: options.people ?? 60,
  });
  const org = users.find((u) => u.type === 'Organization') as UserRecord;
  const people = users.filter((u) => u.type === 'User' && u.id > HUMAN_USER_ID);

  const weights = Array.from({ length: options.repos }, () => 0.3 + root.next() * 1.4);
  const issueCounts = apportion(options.issues, weights);
  const pullCounts = apportion(options.prs, weights);
  let mention = 0;

  const repos: RepoRecord[] = [];
  for (let r = 0; r < options.repos; r++) {
    const rng = root.fork(`repo:${r}`);
    const base = REPO_NAMES[r % REPO_NAMES.length] as string;
    const name = r < REPO_NAMES.length ? base : `${base}-${Math.floor(r / REPO_NAMES.length) + 1}`;
    const createdAt = now - (historyDays + rng.int(30, 900)) * DAY;
    const repo: RepoRecord = {
      id: ids.repo++,
      ownerId: org.id,
      name,
      description: rng.chance(0.2) ? null : `The ${name} service`,
      private: rng.chance(0.5),
      defaultBranch: rng.chance(0.85) ? 'main' : 'master',
      language: rng.pick(['TypeScript', 'Go', 'Python', 'Kotlin', null]),
      createdAt,
      updatedAt: createdAt,
      pushedAt: now - rng.int(1, 72) * 3_600_000,
      labels: LABELS.map((l) => ({ ...l, id: ids.label++ })),
      milestones: makeMilestones({ ids, now, creatorId: people[0]?.id ?? null }),
      items: new Map(),
      comments: new Map(),
      tombstones: new Map(),
      nextNumber: 1,
      version: 0,
    };
    generateRepoItems({
      rng,
      repo,
      ids,
      people,
      now,
      historyMs: historyDays * DAY,
      issues: issueCounts[r] ?? 0,
      pulls: pullCounts[r] ?? 0,
      nextKey: () => options.jiraKeys(mention++, { index: r, name }),
    });
    repos.push(repo);
  }
  return { orgId: org.id, users, repos, now, ids };
}

function makeUsers(
  rng: Rng,
  options: { ids: IdCounters; owner: string; people: number },
): UserRecord[] {
  const { ids } = options;
  const users: UserRecord[] = [
    { id: ids.user++, login: BOT_LOGIN, type: 'User', name: 'northstar' },
    { id: ids.user++, login: HUMAN_LOGIN, type: 'User', name: 'Octo Human' },
    { id: ids.user++, login: options.owner, type: 'Organization', name: options.owner },
  ];
  const taken = new Set(users.map((u) => u.login));
  for (let i = 0; i < options.people; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    let login = `${first}-${last}`;
    for (let n = 2; taken.has(login); n++) login = `${first}-${last}${n}`;
    taken.add(login);
    const name = `${first[0]?.toUpperCase() ?? ''}${first.slice(1)} ${last[0]?.toUpperCase() ?? ''}${last.slice(1)}`;
    users.push({ id: ids.user++, login, type: 'User', name });
  }
  users.push({ id: ids.user++, login: 'dependabot[bot]', type: 'Bot', name: null });
  return users;
}

function makeMilestones(options: {
  ids: IdCounters;
  now: number;
  creatorId: number | null;
}): MilestoneRecord[] {
  const { ids, now, creatorId } = options;
  const make = (
    number: number,
    title: string,
    extra: Partial<MilestoneRecord>,
  ): MilestoneRecord => ({
    id: ids.milestone++,
    number,
    title,
    description: `${title} release`,
    state: 'open',
    creatorId,
    createdAt: now - 200 * DAY,
    updatedAt: now - 10 * DAY,
    closedAt: null,
    dueOn: null,
    ...extra,
  });
  return [
    make(1, 'v1', { state: 'closed', closedAt: now - 100 * DAY, dueOn: now - 110 * DAY }),
    make(2, 'v2', { dueOn: now + 30 * DAY }),
    make(3, 'v3', { dueOn: now + 120 * DAY, description: null }),
    make(4, 'Q1 2027', {}),
  ];
}

/** Splits `total` by weight, exactly (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (total * w) / sum);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
