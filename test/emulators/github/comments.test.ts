import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { octokitFor, startEmulator, TOKEN, type GitHubClientInstance } from './helpers.js';

describe('GitHub emulator: issue comments', () => {
  let emu: GitHubEmulator;
  let octokit: GitHubClientInstance;
  const repo = { owner: 'acme', repo: 'scheduler' };
  beforeAll(async () => {
    emu = await startEmulator();
    octokit = octokitFor(emu);
  });
  afterAll(() => emu.close());

  it('create / get / update / list / delete, each answer with x-ratelimit-* headers', async () => {
    const tracking = [...emu.control.store.repo('acme', 'scheduler')!.items.values()].find((i) =>
      i.title.startsWith('Tracking: '),
    )!;
    const issue_number = tracking.number;
    const seen: Record<string, string | undefined>[] = [];
    const note = <T extends { headers: Record<string, string | number | undefined> }>(r: T): T => {
      seen.push({
        limit: r.headers['x-ratelimit-limit']?.toString(),
        remaining: r.headers['x-ratelimit-remaining']?.toString(),
        used: r.headers['x-ratelimit-used']?.toString(),
        reset: r.headers['x-ratelimit-reset']?.toString(),
        resource: r.headers['x-ratelimit-resource']?.toString(),
      });
      return r;
    };

    const before = note(await octokit.rest.issues.get({ ...repo, issue_number })).data;
    emu.control.advanceClock(2000);
    const created = note(
      await octokit.rest.issues.createComment({
        ...repo,
        issue_number,
        body: '<!-- northstar -->\nv1',
      }),
    );
    expect(created.status).toBe(201);
    expect(created.data.user?.login).toBe('northstar-bot');
    const id = created.data.id;

    const fetched = note(await octokit.rest.issues.getComment({ ...repo, comment_id: id }));
    expect(fetched.data.body).toBe('<!-- northstar -->\nv1');

    emu.control.advanceClock(2000);
    const updated = note(
      await octokit.rest.issues.updateComment({
        ...repo,
        comment_id: id,
        body: '<!-- northstar -->\nv2',
      }),
    );
    expect(updated.data.body).toBe('<!-- northstar -->\nv2');
    expect(Date.parse(updated.data.updated_at)).toBeGreaterThan(
      Date.parse(updated.data.created_at),
    );

    const listed = note(await octokit.rest.issues.listComments({ ...repo, issue_number }));
    expect(listed.data.map((c) => c.id)).toContain(id);

    const after = note(await octokit.rest.issues.get({ ...repo, issue_number })).data;
    expect(after.comments).toBe(before.comments + 1);
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));

    const deleted = note(await octokit.rest.issues.deleteComment({ ...repo, comment_id: id }));
    expect(deleted.status).toBe(204);
    const gone = (await octokit.rest.issues
      .getComment({ ...repo, comment_id: id })
      .catch((e: unknown) => e)) as {
      status: number;
      response?: { headers: Record<string, string> };
    };
    expect(gone.status).toBe(404);
    expect(gone.response?.headers['x-ratelimit-remaining']).toBeDefined();

    for (const headers of seen) {
      expect(headers.limit).toBe('5000');
      expect(Number(headers.remaining)).toBeGreaterThan(0);
      expect(Number(headers.used) + Number(headers.remaining)).toBe(5000);
      expect(Number(headers.reset)).toBeGreaterThan(Date.now() / 1000);
      expect(headers.resource).toBe('core');
    }
  });

  it('a human comment added through the control API is listed with its author', async () => {
    const ref = { repo: 'acme/scheduler', number: 1 };
    const comment = emu.control.addComment(ref, { body: 'Is this still on track?' });
    const { data } = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 });
    const found = data.find((c) => c.id === comment.id);
    expect(found?.user?.login).toBe('octo-human');
    expect(emu.control.listComments(ref).map((c) => c.id)).toContain(comment.id);
  });

  it('refuses a comment without a body with 422', async () => {
    const error = await fetch(`${emu.url}/repos/acme/scheduler/issues/1/comments`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}` },
      body: JSON.stringify({ text: 'wrong field' }),
    });
    expect(error.status).toBe(422);
  });
});
