/**
 * `CommentPort` for GitHub issue comments through Octokit
 * (https://docs.github.com/en/rest/issues/comments). Targets are `owner/repo#N`.
 *
 * The Octokit instance comes from the caller: the composition root builds it with the throttling
 * and retry plugins (which handle `Retry-After` and secondary limits), and this adapter adds the
 * pacing that keeps writes under GitHub's content-creation limit in the first place.
 *
 * Our comments are the ones that start with the hidden marker *and* were written by the
 * authenticated account (`GET /user`; a GitHub App passes its `<slug>[bot]` login instead).
 */
import type { Octokit } from '@octokit/rest';
import type { Clock } from '../lib/clock.js';
import { RateLimitedError } from '../lib/errors/index.js';
import type { CommentPort, RemoteComment } from './comment-port.js';
import { GitHubComment, GitHubCommentList, parseAnswer } from './comment-schemas.js';
import { httpStatus, toSourceError } from './http-errors.js';
import { SlidingWindowLimiter } from './rate-limit.js';
import type { RenderedComment } from './render/index.js';
import { parseGitHubMarker } from './render/marker.js';

export interface GitHubCommentsOptions {
  octokit: Octokit;
  clock: Clock;
  /** Content-creation pacing; by default GitHub's 80/min and 500/h. */
  limiter?: SlidingWindowLimiter;
  sleep?: (ms: number) => Promise<void>;
  /** Longest pause for the content limit before giving up with `RateLimitedError` (default 60 s). */
  maxWaitMs?: number;
  /** Login that writes the comments; read once from `GET /user` when absent. */
  login?: string;
}

interface IssueRef {
  owner: string;
  repo: string;
  issue_number: number;
}

const ISSUE_REF = /^([^/\s]+)\/([^#\s]+)#([1-9][0-9]*)$/;
const NEXT_LINK = /<([^>]+)>;\s*rel="next"/;

export function parseIssueRef(target: string): IssueRef {
  const m = ISSUE_REF.exec(target);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`not a GitHub issue reference: ${target}`);
  return { owner: m[1], repo: m[2], issue_number: Number(m[3]) };
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export class GitHubComments implements CommentPort {
  readonly kind = 'github' as const;
  private readonly octokit: Octokit;
  private readonly clock: Clock;
  private readonly limiter: SlidingWindowLimiter;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxWaitMs: number;
  private login: string | undefined;

  constructor(options: GitHubCommentsOptions) {
    this.octokit = options.octokit;
    this.clock = options.clock;
    this.limiter = options.limiter ?? new SlidingWindowLimiter(options.clock);
    this.sleep = options.sleep ?? defaultSleep;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.login = options.login;
  }

  private async call<T>(resource: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toSourceError(error, { source: 'github', resource, now: this.clock.now() });
    }
  }

  /** Waits for room under the content-creation limit, or fails fast when the wait is long. */
  private async paceWrite(): Promise<void> {
    for (;;) {
      const wait = this.limiter.waitMs();
      if (wait === 0) {
        this.limiter.record();
        return;
      }
      if (wait > this.maxWaitMs) {
        const until = new Date(this.clock.now().getTime() + wait);
        throw new RateLimitedError('github', until, 'content creation limit (80/min, 500/h)');
      }
      await this.sleep(wait);
    }
  }

  private async selfLogin(): Promise<string> {
    if (this.login === undefined) {
      const { data } = await this.call('GET /user', () =>
        this.octokit.rest.users.getAuthenticated(),
      );
      this.login = data.login;
    }
    return this.login;
  }

  private parse(data: unknown, resource: string): GitHubComment {
    return parseAnswer(GitHubComment, data, { source: 'github', resource });
  }

  private toRemote(data: GitHubComment): RemoteComment {
    const body = data.body ?? '';
    return {
      id: String(data.id),
      marker: parseGitHubMarker(body),
      body,
      createdAt: data.created_at,
    };
  }

  async get(target: string, id: string): Promise<RemoteComment | null> {
    const ref = parseIssueRef(target);
    try {
      const { data: answer } = await this.octokit.rest.issues.getComment({
        owner: ref.owner,
        repo: ref.repo,
        comment_id: Number(id),
      });
      const data = this.parse(answer, `comment ${id} on ${target}`);
      // Comment ids are per repository; make sure it still belongs to this issue.
      const suffix = `/repos/${ref.owner}/${ref.repo}/issues/${ref.issue_number}`.toLowerCase();
      return data.issue_url.toLowerCase().endsWith(suffix) ? this.toRemote(data) : null;
    } catch (error) {
      if (httpStatus(error) === 404 || httpStatus(error) === 410) return null;
      throw toSourceError(error, {
        source: 'github',
        resource: `comment ${id} on ${target}`,
        now: this.clock.now(),
      });
    }
  }

  /**
   * The comments of an issue, one page at a time, following the `Link` header verbatim. Not
   * `octokit.paginate`: it turns an empty or unparsable page into `[]`, and a list cut off
   * half-way must fail, not read as "no comment yet".
   */
  private async *commentPages(target: string): AsyncGenerator<GitHubComment[]> {
    const where = { source: 'github' as const, resource: `comments of ${target}` };
    let response: { data: unknown; headers: { link?: string } } =
      await this.octokit.rest.issues.listComments({ ...parseIssueRef(target), per_page: 100 });
    for (;;) {
      yield parseAnswer(GitHubCommentList, response.data, where);
      const next = NEXT_LINK.exec(response.headers.link ?? '')?.[1];
      if (next === undefined) return;
      response = await this.octokit.request({ method: 'GET', url: next });
    }
  }

  async findMarked(target: string, nodeId: string): Promise<RemoteComment[]> {
    const login = (await this.selfLogin()).toLowerCase();
    const found: RemoteComment[] = [];
    await this.call(`comments of ${target}`, async () => {
      for await (const comments of this.commentPages(target)) {
        for (const c of comments) {
          if (c.user?.login.toLowerCase() !== login) continue;
          const remote = this.toRemote(c);
          if (remote.marker?.nodeId === nodeId) found.push(remote);
        }
      }
    });
    return found;
  }

  async create(target: string, comment: RenderedComment): Promise<RemoteComment> {
    await this.paceWrite();
    const { data } = await this.call(`new comment on ${target}`, () =>
      this.octokit.rest.issues.createComment({ ...parseIssueRef(target), body: comment.body }),
    );
    return this.toRemote(this.parse(data, `new comment on ${target}`));
  }

  async update(target: string, id: string, comment: RenderedComment): Promise<RemoteComment> {
    const { owner, repo } = parseIssueRef(target);
    await this.paceWrite();
    const { data } = await this.call(`comment ${id} on ${target}`, () =>
      this.octokit.rest.issues.updateComment({
        owner,
        repo,
        comment_id: Number(id),
        body: comment.body,
      }),
    );
    return this.toRemote(this.parse(data, `comment ${id} on ${target}`));
  }

  async remove(target: string, id: string): Promise<void> {
    const { owner, repo } = parseIssueRef(target);
    await this.paceWrite();
    try {
      await this.octokit.rest.issues.deleteComment({ owner, repo, comment_id: Number(id) });
    } catch (error) {
      if (httpStatus(error) === 404 || httpStatus(error) === 410) return;
      throw toSourceError(error, {
        source: 'github',
        resource: `comment ${id} on ${target}`,
        now: this.clock.now(),
      });
    }
  }
}
