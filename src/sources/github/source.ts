/**
 * Reads GitHub issues and pull requests one page at a time through the shared Octokit.
 *
 * - Both lists are read newest change first (`sort=updated&direction=desc`, `state=all`). A
 *   full run reads every page; an incremental run stops at the first page that reaches below
 *   the unit's watermark (the pulls list has no `since`, and the same query for both kinds of
 *   run keeps the first page's URL — and so its ETag — the same from run to run).
 * - The first page of an incremental run carries the stored ETag (`If-None-Match`): `304 Not
 *   Modified` means nothing changed and costs no rate limit
 *   (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate).
 * - Later pages follow the `Link: rel="next"` URL verbatim (GitHub points it at
 *   `/repositories/{id}/…`).
 */
import type { GitHubIssue, PullRequest } from '../../domain/items.js';
import { SourceError, TransientError } from '../../lib/errors/index.js';
import { httpError } from '../http-errors.js';
import { UNIT_HEADER } from '../meter.js';
import { mapGitHubIssue, mapPullRequest, type Quarantine } from './map-items.js';
import type { NorthstarOctokit } from './octokit.js';

export type ListKind = 'issues' | 'pulls';

export interface ListPageRequest {
  repo: string;
  kind: ListKind;
  /** The `Link: rel=next` URL of the previous page; null for the first page. */
  url: string | null;
  /** ETag stored for this first page, sent as `If-None-Match`. */
  ifNoneMatch: string | null;
  /** Jira project keys that exist (PR key mentions are filtered by them). */
  projectKeys: ReadonlySet<string>;
  /** The meter's unit label for these calls. */
  meterUnit?: string;
}

export interface ListPage {
  notModified: boolean;
  issues: GitHubIssue[];
  pulls: PullRequest[];
  quarantined: Quarantine[];
  next: string | null;
  etag: string | null;
  /** Oldest `updated_at` on the page (pulls: where an incremental run may stop). */
  oldestUpdatedAt: string | null;
}

export const GITHUB_PAGE_SIZE = 100;

/**
 * Octokit parses JSON with `json-with-bigint`, which on Node 20 pre-scans the text with a regex:
 * in the sync benchmark's profile it was the largest single cost (≈ 2 s of CPU for 4k items).
 * The list pages hold no integers beyond 2^53, so the body is read raw and parsed natively.
 */
const RAW_BODY = { parseSuccessResponseBody: false } as const;

function nextLink(link: string | undefined): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match) return match[1] ?? null;
  }
  return null;
}

function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

function headersOf(error: unknown): Record<string, unknown> {
  const headers = (error as { response?: { headers?: unknown } } | null)?.response?.headers;
  return headers && typeof headers === 'object' ? (headers as Record<string, unknown>) : {};
}

export function githubError(error: unknown, resource: string): SourceError {
  if (error instanceof SourceError) return error;
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (status === null || status < 400) {
    return new TransientError('github', `${resource}: ${message}`, { cause: error });
  }
  const headers = headersOf(error);
  return httpError({
    source: 'github',
    status,
    header: (name) => {
      const v = headers[name];
      return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
    },
    resource,
    detail: message,
    now: new Date(),
  });
}

export class GitHubSource {
  constructor(private readonly octokit: NorthstarOctokit) {}

  async listPage(request: ListPageRequest): Promise<ListPage> {
    const { repo, kind } = request;
    const [owner = '', name = ''] = repo.split('/');
    const resource = `GET /repos/${repo}/${kind}`;
    let response: { data: unknown; headers: Record<string, string | number | undefined> };
    try {
      const unitHeader =
        request.meterUnit !== undefined ? { [UNIT_HEADER]: request.meterUnit } : {};
      response =
        request.url !== null
          ? await this.octokit.request({
              method: 'GET',
              url: request.url,
              headers: unitHeader,
              request: RAW_BODY,
            })
          : await this.octokit.request(`GET /repos/{owner}/{repo}/${kind}`, {
              owner,
              repo: name,
              state: 'all',
              per_page: GITHUB_PAGE_SIZE,
              sort: 'updated',
              direction: 'desc',
              request: RAW_BODY,
              headers: {
                ...unitHeader,
                ...(request.ifNoneMatch !== null ? { 'if-none-match': request.ifNoneMatch } : {}),
              },
            });
    } catch (error) {
      if (statusOf(error) === 304) {
        return {
          notModified: true,
          issues: [],
          pulls: [],
          quarantined: [],
          next: null,
          etag: request.ifNoneMatch,
          oldestUpdatedAt: null,
        };
      }
      throw githubError(error, resource);
    }
    let data: unknown;
    try {
      data = JSON.parse(await new Response(response.data as ReadableStream).text());
    } catch (error) {
      throw new TransientError('github', `${resource}: the answer was cut off`, { cause: error });
    }
    if (!Array.isArray(data)) {
      throw new TransientError('github', `${resource}: the answer is not a list`);
    }
    const page: ListPage = {
      notModified: false,
      issues: [],
      pulls: [],
      quarantined: [],
      next: nextLink(
        typeof response.headers['link'] === 'string' ? response.headers['link'] : undefined,
      ),
      etag: typeof response.headers['etag'] === 'string' ? response.headers['etag'] : null,
      oldestUpdatedAt: null,
    };
    for (const raw of data as unknown[]) {
      const updated = (raw as { updated_at?: unknown } | null)?.updated_at;
      if (
        typeof updated === 'string' &&
        (page.oldestUpdatedAt === null || updated < page.oldestUpdatedAt)
      )
        page.oldestUpdatedAt = updated;
      if (kind === 'issues') {
        const mapped = mapGitHubIssue(repo, raw);
        if (mapped.ok === true) page.issues.push(mapped.item);
        else if (mapped.ok === false) page.quarantined.push(mapped.quarantined);
      } else {
        const mapped = mapPullRequest(repo, raw, request.projectKeys);
        if (mapped.ok === true) page.pulls.push(mapped.item);
        else if (mapped.ok === false) page.quarantined.push(mapped.quarantined);
      }
    }
    return page;
  }
}
