/**
 * The in-process control API tests use to change the world under the client: create, edit,
 * close, reopen, merge, transfer and delete items, comment as a human, move the clock, set
 * limits, mark items malformed, inject transport faults, and read request counts and early
 * retries. The same operations are served over HTTP by `./routes.ts`.
 */
import {
  HttpError,
  type EmulatorClock,
  type EmulatorServer,
  type FaultPlan,
} from '../../core/index.js';
import type { EmulatorStats } from '../../core/index.js';
import { HUMAN_LOGIN } from '../accounts.js';
import type { MalformKind, Malformation } from '../faults/malformed.js';
import { notFound } from '../http/errors.js';
import type { GitHubLimitOptions } from '../limits/limits.js';
import type { PrimarySnapshot } from '../limits/primary.js';
import * as c from '../store/comment-mutations.js';
import * as m from '../store/mutations.js';
import type { CommentRecord, ItemRecord, StateReason } from '../store/types.js';
import type { GitHubApi } from '../routes/context.js';

/** `{ repo: 'acme/web', number: 12 }` */
export interface ItemRef {
  repo: string;
  number: number;
}

export interface EarlyRetries {
  count: number;
  log: { principal: string; route: string; earlyByMs: number }[];
}

export class GitHubControl {
  constructor(
    private readonly api: GitHubApi,
    private readonly core: { server: EmulatorServer; clock: EmulatorClock },
  ) {}

  get store(): GitHubApi['store'] {
    return this.api.store;
  }

  createIssue(repo: string, input: m.NewIssue): ItemRecord {
    return m.createIssue(this.api.store, this.repo(repo), input);
  }

  createPull(repo: string, input: m.NewPull): ItemRecord {
    return m.createPull(this.api.store, this.repo(repo), input);
  }

  updateItem(ref: ItemRef, patch: m.ItemPatch): ItemRecord {
    return m.updateItem(this.api.store, this.target(ref), patch);
  }

  closeItem(
    ref: ItemRef,
    options: { reason?: Exclude<StateReason, 'reopened'>; by?: string } = {},
  ): ItemRecord {
    return m.closeItem(this.api.store, this.target(ref), options);
  }

  reopenItem(ref: ItemRef): ItemRecord {
    return m.reopenItem(this.api.store, this.target(ref));
  }

  mergePull(ref: ItemRef, by?: string): ItemRecord {
    return m.mergePull(this.api.store, this.target(ref), by);
  }

  setDraft(ref: ItemRef, draft: boolean): ItemRecord {
    return m.setDraft(this.api.store, this.target(ref), draft);
  }

  deleteItem(ref: ItemRef): void {
    m.deleteItem(this.api.store, this.target(ref));
  }

  /** Returns the issue at its new address. */
  transferIssue(ref: ItemRef, toRepo: string): { repo: string; item: ItemRecord } {
    const item = m.transferIssue(this.api.store, this.target(ref), this.repo(toRepo));
    return { repo: toRepo, item };
  }

  /** A comment by someone other than the token's user (default `octo-human`). */
  addComment(ref: ItemRef, input: { body: string; user?: string }): CommentRecord {
    return c.addComment(this.api.store, this.target(ref), {
      body: input.body,
      user: input.user ?? HUMAN_LOGIN,
    });
  }

  listComments(ref: ItemRef): CommentRecord[] {
    const { repo, item } = this.target(ref);
    return item.commentIds
      .map((id) => repo.comments.get(id))
      .filter((c): c is CommentRecord => c !== undefined);
  }

  deleteComment(repo: string, commentId: number): void {
    const record = this.repo(repo);
    const comment = record.comments.get(commentId);
    if (!comment) throw new HttpError(notFound());
    c.deleteComment(this.api.store, record, comment);
  }

  setLimits(options: GitHubLimitOptions): void {
    this.api.limits.configure(options);
  }

  /** What is left of `login`'s primary budget in the current window. */
  setRemaining(login: string, remaining: number): void {
    this.api.limits.primary.setRemaining(login, remaining);
  }

  rateLimit(login: string): PrimarySnapshot {
    return this.api.limits.primary.snapshot(login);
  }

  resetLimits(): void {
    this.api.limits.reset();
    this.core.server.rateLimits.reset();
  }

  malform(options: {
    count: number;
    repo?: string;
    kinds?: MalformKind[];
    pullsOnly?: boolean;
    seed?: string;
  }): Malformation[] {
    return this.api.malformed.mark(options);
  }

  markMalformed(ref: ItemRef, kind: MalformKind, field?: string): Malformation {
    const target = this.target(ref);
    return this.api.malformed.markItem({ ...target, kind, ...(field ? { field } : {}) });
  }

  clearMalformed(): void {
    this.api.malformed.clear();
  }

  faults(plan: FaultPlan): void {
    this.core.server.faults.configure(plan);
  }

  advanceClock(ms: number): Date {
    this.core.clock.advance(ms);
    return this.core.clock.now();
  }

  now(): Date {
    return this.core.clock.now();
  }

  stats(): EmulatorStats {
    return this.core.server.stats();
  }

  resetStats(): void {
    this.core.server.resetStats();
  }

  earlyRetries(): EarlyRetries {
    const tracker = this.core.server.rateLimits;
    return { count: tracker.earlyRetries, log: [...tracker.earlyRetryLog] };
  }

  private repo(fullName: string): NonNullable<ReturnType<GitHubApi['store']['repoByFullName']>> {
    const repo = this.api.store.repoByFullName(fullName);
    if (!repo) throw new HttpError(notFound());
    return repo;
  }

  private target(ref: ItemRef): m.Target {
    const repo = this.repo(ref.repo);
    const item = repo.items.get(ref.number);
    if (!item) throw new HttpError(notFound());
    return { repo, item };
  }
}
