/**
 * One repository's issues and pull requests, numbered in creation order like GitHub does
 * (issues and pull requests share the sequence). Mixes in what real repositories hold: closed
 * as not planned, reopened, deleted authors (`user: null`), deleted forks (`head.repo: null`),
 * `null` bodies, drafts, requested reviewers, reviews and a few comments.
 */
import type { Rng } from '../core/index.js';
import { fakeSha } from '../github/store/mutations.js';
import type {
  IdCounters,
  ItemRecord,
  PullRecord,
  RepoRecord,
  ReviewRecord,
  StateReason,
  UserRecord,
} from '../github/store/types.js';
import { issueBody, phrase, pullText, trackingTitle } from './github-text.js';

export interface RepoItemsOptions {
  rng: Rng;
  repo: RepoRecord;
  ids: IdCounters;
  people: UserRecord[];
  now: number;
  historyMs: number;
  issues: number;
  pulls: number;
  nextKey: () => string | null;
}

type Kind = 'tracking' | 'issue' | 'pull';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function generateRepoItems(o: RepoItemsOptions): void {
  const { rng, now } = o;
  const start = now - o.historyMs;
  const specs: { kind: Kind; createdAt: number }[] = [];
  const tracking = o.issues > 0 ? Math.min(o.issues, rng.int(1, 3)) : 0;
  for (let i = 0; i < tracking; i++)
    specs.push({ kind: 'tracking', createdAt: start + rng.int(0, 5 * DAY) });
  for (let i = tracking; i < o.issues; i++)
    specs.push({ kind: 'issue', createdAt: start + rng.int(0, o.historyMs - HOUR) });
  for (let i = 0; i < o.pulls; i++)
    specs.push({ kind: 'pull', createdAt: start + rng.int(0, o.historyMs - HOUR) });
  specs.sort((a, b) => a.createdAt - b.createdAt);

  const trackingItems: ItemRecord[] = [];
  for (const spec of specs) {
    const item = makeIssue(o, spec.createdAt, spec.kind === 'tracking');
    if (spec.kind === 'pull') item.pull = makePull(o, item);
    if (spec.kind === 'tracking') trackingItems.push(item);
    o.repo.items.set(item.number, item);
  }
  for (const item of trackingItems) item.body = trackingBody(o, item);
  addComments(o);
}

function person(o: RepoItemsOptions): UserRecord {
  return o.rng.pick(o.people);
}

function makeIssue(o: RepoItemsOptions, createdAt: number, isTracking: boolean): ItemRecord {
  const { rng, now, repo } = o;
  const title = isTracking ? trackingTitle(rng) : phrase(rng);
  const age = (now - createdAt) / o.historyMs;
  const closed = !isTracking && rng.chance(0.3 + 0.5 * age);
  const closedAt = closed ? Math.min(now - 60_000, createdAt + rng.int(HOUR, 30 * DAY)) : null;
  let stateReason: StateReason | null = null;
  if (closed) {
    const roll = rng.next();
    stateReason = roll < 0.85 ? 'completed' : roll < 0.97 ? 'not_planned' : 'duplicate';
  } else if (rng.chance(0.08)) {
    stateReason = 'reopened';
  }
  const assignees = rng.chance(0.45)
    ? []
    : rng.chance(0.85)
      ? [person(o).id]
      : [person(o).id, person(o).id];
  const labelCount = rng.pick([0, 1, 1, 2, 3]);
  const labelIds = new Set<number>();
  for (let i = 0; i < labelCount; i++) labelIds.add(rng.pick(repo.labels).id);
  const lastActivity = closedAt ?? createdAt;
  const updatedAt =
    stateReason === 'reopened' || rng.chance(0.3)
      ? Math.min(now - 60_000, lastActivity + rng.int(HOUR, 20 * DAY))
      : lastActivity;
  return {
    id: o.ids.issue++,
    number: repo.nextNumber++,
    title,
    body: isTracking ? '' : issueBody(rng, title),
    authorId: rng.chance(0.02) ? null : person(o).id,
    state: closed ? 'closed' : 'open',
    stateReason,
    labelIds: [...labelIds],
    milestoneNumber: rng.chance(0.5) ? rng.pick([1, 2, 2, 2, 3, 4]) : null,
    assigneeIds: [...new Set(assignees)],
    locked: rng.chance(0.01),
    createdAt,
    updatedAt: Math.max(updatedAt, createdAt),
    closedAt,
    closedById: closed ? person(o).id : null,
    commentIds: [],
    pull: null,
  };
}

function makePull(o: RepoItemsOptions, item: ItemRecord): PullRecord {
  const { rng, now, repo } = o;
  const text = pullText(rng, o.nextKey);
  item.title = text.title;
  item.body = text.body;
  item.stateReason = null;
  item.milestoneNumber = rng.chance(0.2) ? item.milestoneNumber : null;
  const recent = now - item.createdAt < 14 * DAY;
  const roll = rng.next();
  const outcome = recent
    ? roll < 0.55
      ? 'open'
      : roll < 0.9
        ? 'merged'
        : 'closed'
    : roll < 0.08
      ? 'open'
      : roll < 0.83
        ? 'merged'
        : 'closed';
  const endedAt = Math.min(now - 60_000, item.createdAt + rng.int(2 * HOUR, 10 * DAY));
  item.state = outcome === 'open' ? 'open' : 'closed';
  item.closedAt = outcome === 'open' ? null : endedAt;
  item.closedById = outcome === 'open' ? null : (item.closedById ?? person(o).id);
  item.updatedAt = outcome === 'open' ? Math.max(item.updatedAt, item.createdAt) : endedAt;
  const draft = outcome === 'open' && rng.chance(0.25);
  const reviewers =
    outcome === 'open' && !draft && rng.chance(0.6)
      ? [...new Set([person(o).id, ...(rng.chance(0.3) ? [person(o).id] : [])])]
      : [];
  const pull: PullRecord = {
    id: o.ids.pull++,
    draft,
    mergedAt: outcome === 'merged' ? endedAt : null,
    mergedById: outcome === 'merged' ? person(o).id : null,
    mergeCommitSha: outcome === 'merged' ? fakeSha(item.id * 7 + 3) : null,
    headRef: text.headRef,
    headSha: fakeSha(item.id * 7 + 1),
    headRepoId: rng.chance(0.03) ? null : repo.id,
    baseRef: repo.defaultBranch,
    baseSha: fakeSha(item.id * 7 + 2),
    requestedReviewerIds: reviewers,
    reviews: [],
    additions: rng.int(1, 800),
    deletions: rng.int(0, 300),
    changedFiles: rng.int(1, 40),
    commits: rng.int(1, 12),
    seedMentions: text.mentions,
  };
  if (outcome !== 'open' || rng.chance(0.5)) pull.reviews = makeReviews(o, item, pull);
  return pull;
}

function makeReviews(o: RepoItemsOptions, item: ItemRecord, pull: PullRecord): ReviewRecord[] {
  const { rng } = o;
  const count = rng.pick([0, 1, 1, 2, 3]);
  const end = item.closedAt ?? o.now - 60_000;
  const reviews: ReviewRecord[] = [];
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    reviews.push({
      id: o.ids.review++,
      userId: rng.chance(0.02) ? null : person(o).id,
      state:
        last && pull.mergedAt !== null
          ? 'APPROVED'
          : rng.pick(['COMMENTED', 'CHANGES_REQUESTED', 'APPROVED']),
      body: rng.chance(0.5) ? '' : 'Looks good overall; one nit inline.',
      submittedAt: item.createdAt + Math.floor(((end - item.createdAt) * (i + 1)) / (count + 1)),
      commitId: pull.headSha,
    });
  }
  return reviews;
}

function trackingBody(o: RepoItemsOptions, tracking: ItemRecord): string {
  const candidates = [...o.repo.items.values()].filter(
    (i) => !i.pull && i.number !== tracking.number,
  );
  const lines = ['Progress of this effort, updated by hand.', ''];
  const count = Math.min(candidates.length, o.rng.int(3, 8));
  for (let i = 0; i < count; i++) {
    const item = o.rng.pick(candidates);
    lines.push(`- [${item.state === 'closed' ? 'x' : ' '}] #${item.number}`);
  }
  return lines.join('\n');
}

function addComments(o: RepoItemsOptions): void {
  const { rng, repo } = o;
  for (const item of repo.items.values()) {
    const tracking = item.title.startsWith('Tracking: ');
    if (!tracking && !rng.chance(0.08)) continue;
    const count = tracking ? 1 : rng.int(1, 3);
    for (let i = 0; i < count; i++) {
      const at =
        item.createdAt + Math.floor(((item.updatedAt - item.createdAt) * (i + 1)) / (count + 1));
      const comment = {
        id: o.ids.comment++,
        issueNumber: item.number,
        userId: rng.chance(0.03) ? null : person(o).id,
        body: tracking ? 'Kick-off notes are in the design doc.' : 'I can reproduce this on main.',
        createdAt: at,
        updatedAt: at,
      };
      repo.comments.set(comment.id, comment);
      item.commentIds.push(comment.id);
    }
  }
}
