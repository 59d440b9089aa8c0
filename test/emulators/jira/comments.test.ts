import type { Version3 } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startJira, type JiraHarness } from './helpers.js';

type Adf = Version3.Version3Models.Document;
/** Documents built loosely on purpose (some are invalid), typed for jira.js. */
const asAdf = (value: object) => value as Adf;
const doc = (...content: unknown[]) => asAdf({ type: 'doc', version: 1, content });
const text = (value: string, marks?: unknown[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const para = (...content: unknown[]) => ({ type: 'paragraph', content });

describe('Jira emulator: comments in ADF, with properties and notifyUsers', () => {
  let h: JiraHarness;
  let epic: string;
  beforeAll(async () => {
    h = await startJira({ seed: 'comments', issues: 80 });
    epic = h.emu.control.epics()[0]!.key;
  });
  afterAll(() => h.close());

  it('creates, lists (with properties), edits without notifying, and deletes a sticky comment', async () => {
    const before = h.emu.control.issue(epic)!.updated;
    h.emu.control.advanceClock(5 * 60_000);
    const body = doc(
      { type: 'heading', attrs: { level: 3 }, content: [text('Status')] },
      para(text('Health: '), { type: 'status', attrs: { text: 'GREEN', color: 'green' } }),
      para(text('see', [{ type: 'link', attrs: { href: 'https://example.com' } }])),
    );
    const created = await h.client.issueComments.addComment({
      issueIdOrKey: epic,
      comment: body,
      properties: [{ key: 'northstar', value: { marker: 'status', hash: 'abc' } }],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.body).toEqual(body);
    expect(created.author?.emailAddress).toBe(h.emu.credentials.email);
    // A comment makes the issue "updated", as on a real site.
    expect(Date.parse(h.emu.control.issue(epic)!.updated)).toBeGreaterThan(Date.parse(before));

    const listed = await h.client.issueComments.getComments({
      issueIdOrKey: epic,
      expand: 'properties',
    });
    const mine = listed.comments?.find((c) => c.id === created.id);
    expect(mine?.properties).toEqual([
      { key: 'northstar', value: { marker: 'status', hash: 'abc' } },
    ]);
    expect(listed.total).toBe(listed.comments?.length);

    const edited = await h.client.issueComments.updateComment({
      issueIdOrKey: epic,
      id: created.id!,
      body: doc(para(text('Health: amber'))),
      notifyUsers: false,
    });
    expect(edited.body).toEqual(doc(para(text('Health: amber'))));
    expect(h.emu.control.notifications().filter((n) => n.commentId === created.id)).toEqual([
      expect.objectContaining({ action: 'created', notifyUsers: true }),
      expect.objectContaining({ action: 'updated', notifyUsers: false }),
    ]);

    await h.client.issueComments.deleteComment({ issueIdOrKey: epic, id: created.id! });
    const gone = await failure(
      h.client.issueComments.getComment({ issueIdOrKey: epic, id: created.id! }),
    );
    expect(gone.status).toBe(404);
  });

  it('keeps comment properties: set, read, list, overwrite, delete', async () => {
    const c = await h.client.issueComments.addComment({
      issueIdOrKey: epic,
      comment: 'plain text becomes ADF',
    });
    const commentId = c.id!;
    await h.client.issueCommentProperties.setCommentProperty({
      commentId,
      propertyKey: 'northstar',
      property: { v: 1 },
    });
    expect(
      await h.client.issueCommentProperties.getCommentProperty({
        commentId,
        propertyKey: 'northstar',
      }),
    ).toEqual({
      key: 'northstar',
      value: { v: 1 },
    });
    await h.client.issueCommentProperties.setCommentProperty({
      commentId,
      propertyKey: 'northstar',
      property: { v: 2 },
    });
    const keys = await h.client.issueCommentProperties.getCommentPropertyKeys({ commentId });
    expect(keys.keys?.map((k) => k.key)).toEqual(['northstar']);
    await h.client.issueCommentProperties.deleteCommentProperty({
      commentId,
      propertyKey: 'northstar',
    });
    const missing = await failure(
      h.client.issueCommentProperties.getCommentProperty({ commentId, propertyKey: 'northstar' }),
    );
    expect(missing.status).toBe(404);
  });

  it('sees comments a human added through the control API', async () => {
    const human = h.emu.control.addComment(epic, 'I moved the target date, sorry');
    const listed = await h.client.issueComments.getComments({ issueIdOrKey: epic });
    const seen = listed.comments?.find((c) => c.id === human.id);
    expect(seen?.author?.displayName).toBe('Dana Human');
    expect(h.emu.control.comments(epic).map((c) => c.text)).toContain(
      'I moved the target date, sorry',
    );
  });

  it.each([
    ['an unknown node type', doc(para(text('x')), { type: 'marquee', content: [] })],
    ['a text node without text', doc(para({ type: 'text', text: '' }))],
    ['a link without href', doc(para(text('x', [{ type: 'link', attrs: {} }])))],
    ['an unknown mark', doc(para(text('x', [{ type: 'blink' }])))],
    ['content that is not an array', asAdf({ type: 'doc', version: 1, content: 'hello' })],
    ['version 2', asAdf({ type: 'doc', version: 2, content: [] })],
    ['a paragraph inside text', doc(para({ type: 'text', text: 'x', content: [para()] }))],
    ['a list item outside a list', doc({ type: 'listItem', content: [para(text('x'))] })],
  ])('answers 400 INVALID_INPUT to a document with %s', async (_what, body) => {
    const { status, data } = await failure(
      h.client.issueComments.addComment({ issueIdOrKey: epic, comment: body }),
    );
    expect(status).toBe(400);
    expect(data).toEqual({ errorMessages: ['INVALID_INPUT'], errors: {} });
  });

  it('answers 400 to a body that is not a document, or too long', async () => {
    const auth = `Basic ${Buffer.from(`${h.emu.credentials.email}:${h.emu.credentials.apiToken}`).toString('base64')}`;
    const post = (body: unknown) =>
      fetch(`${h.emu.url}/rest/api/3/issue/${epic}/comment`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const plain = await post({ body: 'v2-style plain text' });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toEqual({
      errorMessages: [],
      errors: { comment: 'Comment body is not valid!' },
    });
    const long = await post({ body: doc(para(text('x'.repeat(40_000)))) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { errors: { comment: string } }).errors.comment).toMatch(
      /32,767/,
    );
    const unknownIssue = await failure(
      h.client.issueComments.addComment({ issueIdOrKey: 'NOPE-1', comment: 'x' }),
    );
    expect(unknownIssue.status).toBe(404);
  });
});
