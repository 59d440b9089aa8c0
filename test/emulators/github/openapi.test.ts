import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservedExchange } from '../../../src/emulators/core/index.js';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { createSpecValidator, GITHUB_SPEC } from '../../helpers/openapi.js';
import { get, octokitFor, startEmulator, type GitHubClientInstance } from './helpers.js';
import { GITHUB_SPEC_ALLOWLIST } from './spec-allowlist.js';

/**
 * Every response the GitHub client receives — through @octokit/rest with the throttling and
 * retry plugins, over every endpoint northstar uses, including errors, 304s and rate limits —
 * conforms to GitHub's official OpenAPI description, apart from the commented allowlist.
 */
describe('GitHub emulator: responses conform to the official OpenAPI description', () => {
  const validator = createSpecValidator(GITHUB_SPEC, { allow: GITHUB_SPEC_ALLOWLIST });
  const observed: ObservedExchange[] = [];
  let emu: GitHubEmulator;
  let octokit: GitHubClientInstance;
  const repo = { owner: 'acme', repo: 'scheduler' };

  beforeAll(async () => {
    emu = await startEmulator({ repos: 2, issues: 400, prs: 250, pathPrefix: '/api/v3' });
    emu.server.observe((exchange) => observed.push(exchange));
    octokit = octokitFor(emu);
  });
  afterAll(() => emu.close());

  /**
   * GitHub's Link URLs use /repositories/{id}/… and /organizations/{id}/…, which the spec
   * describes as /repos/{owner}/{repo}/… and /orgs/{org}/….
   */
  const specUrl = (exchange: ObservedExchange): string => {
    const path = exchange.request.path
      .replace(/^\/api\/v3/, '')
      .replace(/^\/organizations\/\d+\//, '/orgs/acme/');
    const match = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
    if (!match) return path;
    const record = emu.control.store.repoById(Number(match[1]))!;
    return `/repos/${emu.control.store.fullName(record)}${match[2] ?? ''}`;
  };

  const exercise = async (): Promise<void> => {
    await octokit.rest.users.getAuthenticated();
    await octokit.rest.rateLimit.get();
    await octokit.rest.repos.get(repo);
    await octokit.paginate(octokit.rest.repos.listForOrg, { org: 'acme', per_page: 1 });
    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      state: 'all',
      per_page: 100,
    });
    await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      state: 'all',
      sort: 'updated',
      direction: 'asc',
      since: '2026-10-01T00:00:00Z',
      per_page: 50,
    });
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
      ...repo,
      state: 'all',
      per_page: 100,
    });
    await octokit.paginate(octokit.rest.issues.listMilestones, { ...repo, state: 'all' });
    await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { ...repo, per_page: 5 });
    for (const pull of pulls.slice(0, 40)) {
      await octokit.rest.pulls.get({ ...repo, pull_number: pull.number });
      await octokit.rest.pulls.listReviews({ ...repo, pull_number: pull.number });
    }
    for (const issue of issues.filter((i) => i.comments > 0).slice(0, 20)) {
      await octokit.rest.issues.get({ ...repo, issue_number: issue.number });
      await octokit.rest.issues.listComments({ ...repo, issue_number: issue.number });
    }

    // The sticky comment's life: create, read, edit, delete.
    const tracking = issues.find((i) => i.title.startsWith('Tracking: '))!;
    const created = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: tracking.number,
      body: '<!-- northstar:summary -->\nAll green.',
    });
    await octokit.rest.issues.getComment({ ...repo, comment_id: created.data.id });
    await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: created.data.id,
      body: '<!-- northstar:summary -->\nAmber.',
    });
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: created.data.id });

    // Answers that are not 2xx: 304, 404, 410, 301 → 200, 422, 401.
    const etag = (await octokit.rest.repos.get(repo)).headers.etag!;
    await octokit.rest.repos.get({ ...repo, headers: { 'if-none-match': etag } }).catch(() => null);
    await octokit.rest.issues.get({ ...repo, issue_number: 999_999 }).catch(() => null);
    emu.control.deleteItem({ repo: 'acme/scheduler', number: issues[0]!.number });
    await octokit.rest.issues.get({ ...repo, issue_number: issues[0]!.number }).catch(() => null);
    const plain = issues.find((i) => !i.pull_request && i.number !== issues[0]!.number)!;
    emu.control.transferIssue({ repo: 'acme/scheduler', number: plain.number }, 'acme/web');
    await octokit.rest.issues.get({ ...repo, issue_number: plain.number });
    await octokit.rest.issues
      .listForRepo({ ...repo, state: 'sideways' as 'open' })
      .catch(() => null);
    await fetch(`${emu.url}/user`);

    // Rate limits: secondary (403 and 429, honoured by the throttling plugin) and primary.
    emu.control.faults({ rateLimit: { every: 4, retryAfterSeconds: 1 } });
    await octokit.rest.issues.listLabelsForRepo(repo);
    await octokit.rest.issues.listLabelsForRepo(repo);
    await octokit.rest.issues.listLabelsForRepo(repo);
    await octokit.rest.issues.listLabelsForRepo(repo);
    emu.control.setLimits({ secondaryStatus: 429 });
    for (let i = 0; i < 4; i++) await octokit.rest.issues.listMilestones(repo);
    emu.control.faults({});
    emu.control.setRemaining('northstar-bot', 0);
    await get(emu, '/repos/acme/scheduler');
    emu.control.resetLimits();
  };

  it('validates every observed exchange', async () => {
    await exercise();
    const problems = observed.flatMap((exchange) =>
      validator.validate({
        method: exchange.request.method,
        url: specUrl(exchange),
        status: exchange.response.status,
        body: exchange.response.body,
      }),
    );
    expect(problems).toEqual([]);

    const operations = new Set(
      observed.map((e) => validator.operationOf(e.request.method, specUrl(e))),
    );
    expect([...operations].sort()).toEqual(
      [
        'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
        'GET /orgs/{org}/repos',
        'GET /rate_limit',
        'GET /repos/{owner}/{repo}',
        'GET /repos/{owner}/{repo}/issues',
        'GET /repos/{owner}/{repo}/issues/comments/{comment_id}',
        'GET /repos/{owner}/{repo}/issues/{issue_number}',
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        'GET /repos/{owner}/{repo}/labels',
        'GET /repos/{owner}/{repo}/milestones',
        'GET /repos/{owner}/{repo}/pulls',
        'GET /repos/{owner}/{repo}/pulls/{pull_number}',
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        'GET /user',
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      ].sort(),
    );
    const statuses = new Set(observed.map((e) => e.response.status));
    for (const status of [200, 201, 204, 301, 304, 401, 403, 404, 410, 422, 429])
      expect(statuses).toContain(status);
  });
});
