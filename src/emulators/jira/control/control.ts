/**
 * The in-process control API tests drive the Jira emulator with (the same operations are served
 * over HTTP under `/_emulator/jira/…` by `routes.ts`): read projects / epics / issues, change,
 * move and delete issues, comment as a human, mark issues malformed, set faults and the
 * `RateLimit-Reason`, move the clock, and read request counts and early retries (core stats).
 */
import type { EmulatorServer, FaultPlan } from '../../core/index.js';
import { paragraphDoc } from '../adf.js';
import type { RateLimitReason } from '../auth.js';
import { createComment, deleteComment } from '../comments.js';
import { MALFORM_KINDS, type Malformation, type MalformKind } from '../render/malformed.js';
import type { JiraApi, NotificationRecord } from '../routes/context.js';
import {
  createIssue,
  deleteIssue,
  moveIssue,
  MutationError,
  updateIssue,
  type IssuePatch,
  type NewIssue,
} from '../store/mutations.js';
import type { JiraStore } from '../store/store.js';
import type { IssueRecord } from '../store/types.js';
import {
  commentSummary,
  issueSummary,
  projectSummary,
  type CommentSummary,
  type IssueSummary,
  type ProjectSummary,
} from './summaries.js';

export interface IssueFilter {
  project?: string;
  /** Children of this epic (by `parent` or Epic Link), by key. */
  epic?: string;
  epicsOnly?: boolean;
}

export interface EarlyRetries {
  count: number;
  log: { principal: string; route: string; earlyByMs: number }[];
}

export class JiraControl {
  constructor(
    private readonly api: JiraApi,
    private readonly server: EmulatorServer,
    private readonly settings: { rateLimitReason: RateLimitReason },
  ) {}

  /** The raw store, for tests that compute expected results from records. */
  get store(): JiraStore {
    return this.api.store;
  }

  now(): Date {
    return this.api.clock.now();
  }

  advanceClock(ms: number): Date {
    this.api.clock.advance(ms);
    return this.now();
  }

  setFaults(plan: FaultPlan): void {
    this.server.faults.configure(plan);
  }

  setRateLimitReason(reason: RateLimitReason): void {
    this.settings.rateLimitReason = reason;
  }

  stats(): ReturnType<EmulatorServer['stats']> {
    return this.server.stats();
  }

  resetStats(): void {
    this.server.resetStats();
  }

  earlyRetries(): EarlyRetries {
    return {
      count: this.server.rateLimits.earlyRetries,
      log: [...this.server.rateLimits.earlyRetryLog],
    };
  }

  notifications(): NotificationRecord[] {
    return [...this.api.notifications];
  }

  projects(): ProjectSummary[] {
    return this.api.store.site.projects.map((p) => projectSummary(this.api.store, p));
  }

  issues(filter: IssueFilter = {}): IssueSummary[] {
    const store = this.api.store;
    const project =
      filter.project === undefined ? undefined : store.projectByKeyOrId(filter.project);
    if (filter.project !== undefined && !project)
      throw new MutationError(`no project ${filter.project}`);
    const epic = filter.epic === undefined ? undefined : this.find(filter.epic);
    const out: IssueSummary[] = [];
    for (const issue of store.live()) {
      if (project && issue.project !== project.index) continue;
      if (filter.epicsOnly && !store.isEpic(issue)) continue;
      if (epic && issue.parent !== epic.index && issue.epicLink !== epic.index) continue;
      out.push(issueSummary(store, issue));
    }
    return out;
  }

  epics(project?: string): IssueSummary[] {
    return this.issues({ epicsOnly: true, ...(project === undefined ? {} : { project }) });
  }

  issue(ref: string): IssueSummary | undefined {
    const issue = this.api.store.find(ref);
    return issue ? issueSummary(this.api.store, issue) : undefined;
  }

  createIssue(input: NewIssue): IssueSummary {
    const issue = createIssue(this.api.store, input, this.change(this.api.store.site.humanUser));
    return issueSummary(this.api.store, issue);
  }

  updateIssue(ref: string, patch: IssuePatch): IssueSummary {
    const issue = this.find(ref);
    updateIssue(this.api.store, issue, patch, this.change(this.api.store.site.humanUser));
    return issueSummary(this.api.store, issue);
  }

  moveIssue(ref: string, project: string): IssueSummary {
    const issue = this.find(ref);
    moveIssue(this.api.store, issue, project, this.change(this.api.store.site.humanUser));
    return issueSummary(this.api.store, issue);
  }

  deleteIssue(ref: string): void {
    deleteIssue(this.api.store, this.find(ref));
  }

  /** `blocked` "is blocked by" `blocker`. */
  linkBlocks(link: { blocker: string; blocked: string }): void {
    const blocker = this.find(link.blocker);
    const blocked = this.find(link.blocked);
    // `updated` first: adding the link bumps the store version the search indexes follow.
    blocked.updated = Math.max(blocked.updated, this.now().getTime());
    this.api.store.addLink({ type: 'Blocks', outward: blocker.index, inward: blocked.index });
  }

  /** A comment written by the "human" user (plain text becomes one ADF paragraph). */
  addComment(ref: string, body: string | object): CommentSummary {
    const issue = this.find(ref);
    const comment = createComment(this.api, issue, {
      body: typeof body === 'string' ? paragraphDoc(body) : body,
      author: this.api.store.site.humanUser,
      notifyUsers: true,
    });
    return commentSummary(this.api.store, comment);
  }

  comments(ref: string): CommentSummary[] {
    const issue = this.find(ref);
    return this.api.store.commentsOf(issue).map((c) => commentSummary(this.api.store, c));
  }

  /** A human deletes a comment (e.g. the sticky status comment). */
  deleteComment(ref: string, commentId: string): void {
    const issue = this.find(ref);
    const comment = this.api.store.comment(commentId);
    if (!comment || comment.issue !== issue.index)
      throw new MutationError(`no comment ${commentId} on ${ref}`);
    deleteComment(this.api, issue, comment);
  }

  /**
   * Marks issues malformed: the given keys, or `count` issues spread evenly over the live ones
   * (deterministic). Kinds rotate through `kinds` (default: all). Returns what was marked.
   */
  markMalformed(options: {
    count?: number;
    keys?: string[];
    kinds?: MalformKind[];
  }): Malformation[] {
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : [...MALFORM_KINDS];
    const targets: IssueRecord[] = options.keys
      ? options.keys.map((k) => this.find(k))
      : spread([...this.api.store.live()], options.count ?? 1);
    return targets.map((issue, i) => {
      const kind = kinds[i % kinds.length] as MalformKind;
      this.api.malformed.mark(issue, kind);
      return { id: this.api.store.idOf(issue), key: this.api.store.keyOf(issue), kind };
    });
  }

  clearMalformed(): void {
    this.api.malformed.clear();
  }

  private find(ref: string): IssueRecord {
    const issue = this.api.store.find(ref);
    if (!issue) throw new MutationError(`no issue ${ref}`);
    return issue;
  }

  private change(author: number): { now: number; author: number } {
    return { now: this.now().getTime(), author };
  }
}

function spread<T>(items: T[], count: number): T[] {
  const n = Math.max(0, Math.min(count, items.length));
  return Array.from(
    { length: n },
    (_, k) => items[Math.floor(((k + 0.5) * items.length) / n)] as T,
  );
}
