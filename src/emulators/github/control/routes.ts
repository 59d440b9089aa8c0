/**
 * The control API over HTTP, under `/_emulator/github/` (unauthenticated, never rate-limited),
 * for tests and tools outside the process. The core adds `/_emulator/stats`, `/_emulator/faults`
 * and `/_emulator/clock`. Every body is validated; errors come back as `{ message }`.
 */
import { z } from 'zod';
import { HttpError, Router, type EmuRequest, type EmuResponse } from '../../core/index.js';
import type { GitHubControl, ItemRef } from './control.js';

const P = '/_emulator/github';
const ITEM = `${P}/repos/{owner}/{repo}/items/{number}`;

const Labels = z.array(z.string());
const NewIssue = z.strictObject({
  title: z.string().min(1),
  body: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  labels: Labels.optional(),
  milestone: z.int().nullable().optional(),
  assignees: z.array(z.string()).optional(),
});
const NewPull = NewIssue.extend({
  head: z.string().min(1),
  base: z.string().optional(),
  draft: z.boolean().optional(),
  headRepoDeleted: z.boolean().optional(),
  requestedReviewers: z.array(z.string()).optional(),
});
const ItemPatch = z.strictObject({
  title: z.string().optional(),
  body: z.string().nullable().optional(),
  labels: Labels.optional(),
  milestone: z.int().nullable().optional(),
  assignees: z.array(z.string()).optional(),
  authorDeleted: z.boolean().optional(),
  headRepoDeleted: z.boolean().optional(),
  requestedReviewers: z.array(z.string()).optional(),
});
const Close = z.strictObject({
  reason: z.enum(['completed', 'not_planned', 'duplicate']).optional(),
  by: z.string().optional(),
});
const By = z.strictObject({ by: z.string().optional() });
const Transfer = z.strictObject({ to: z.string().regex(/^[^/]+\/[^/]+$/) });
const Comment = z.strictObject({ body: z.string(), user: z.string().optional() });
const Limits = z.strictObject({
  primary: z
    .strictObject({ limit: z.int().min(0).optional(), windowMs: z.int().min(1).optional() })
    .optional(),
  contentCreation: z
    .strictObject({
      perMinute: z.int().min(0).optional(),
      perHour: z.int().min(0).optional(),
    })
    .optional(),
  secondaryStatus: z.union([z.literal(403), z.literal(429)]).optional(),
  remaining: z.strictObject({ login: z.string(), remaining: z.int().min(0) }).optional(),
});
const Malform = z.strictObject({
  count: z.int().min(1),
  repo: z.string().optional(),
  kinds: z
    .array(z.enum(['wrong-type', 'missing-required']))
    .min(1)
    .optional(),
  pullsOnly: z.boolean().optional(),
  seed: z.string().optional(),
});

/** `control` is looked up per request: it needs the server, which needs these routes. */
export function controlRoutes(control: () => GitHubControl): Router {
  const router = new Router();
  const add = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    handle: (request: EmuRequest) => unknown,
  ): void => {
    router.add(method, path, (request) => answer(() => handle(request)));
  };

  add('POST', `${P}/repos/{owner}/{repo}/issues`, (r) =>
    control().createIssue(repoOf(r), parse(NewIssue, r.body)),
  );
  add('POST', `${P}/repos/{owner}/{repo}/pulls`, (r) =>
    control().createPull(repoOf(r), parse(NewPull, r.body)),
  );
  add('PATCH', ITEM, (r) => control().updateItem(refOf(r), parse(ItemPatch, r.body)));
  add('DELETE', ITEM, (r) => {
    control().deleteItem(refOf(r));
    return { deleted: true };
  });
  add('POST', `${ITEM}/close`, (r) => control().closeItem(refOf(r), parse(Close, r.body ?? {})));
  add('POST', `${ITEM}/reopen`, (r) => control().reopenItem(refOf(r)));
  add('POST', `${ITEM}/merge`, (r) => control().mergePull(refOf(r), parse(By, r.body ?? {}).by));
  add('POST', `${ITEM}/ready`, (r) => control().setDraft(refOf(r), false));
  add('POST', `${ITEM}/draft`, (r) => control().setDraft(refOf(r), true));
  add('POST', `${ITEM}/transfer`, (r) =>
    control().transferIssue(refOf(r), parse(Transfer, r.body).to),
  );
  add('POST', `${ITEM}/comments`, (r) => control().addComment(refOf(r), parse(Comment, r.body)));
  add('GET', `${ITEM}/comments`, (r) => control().listComments(refOf(r)));
  add('PUT', `${P}/limits`, (r) => {
    const { remaining, ...limits } = parse(Limits, r.body ?? {});
    control().setLimits(limits);
    if (remaining) control().setRemaining(remaining.login, remaining.remaining);
    return { ok: true };
  });
  add('DELETE', `${P}/limits`, () => {
    control().resetLimits();
    return { ok: true };
  });
  add('GET', `${P}/rate-limit/{login}`, (r) => control().rateLimit(r.params['login'] ?? ''));
  add('POST', `${P}/malformed`, (r) => control().malform(parse(Malform, r.body)));
  add('DELETE', `${P}/malformed`, () => {
    control().clearMalformed();
    return { ok: true };
  });
  add('GET', `${P}/early-retries`, () => control().earlyRetries());
  return router;
}

function answer(run: () => unknown): EmuResponse {
  try {
    return { status: 200, body: run() };
  } catch (error) {
    if (error instanceof HttpError) return error.response;
    return {
      status: 400,
      body: { message: error instanceof Error ? error.message : String(error) },
    };
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new HttpError({ status: 400, body: { message: result.error.message } });
  return result.data;
}

function repoOf(request: EmuRequest): string {
  return `${request.params['owner'] ?? ''}/${request.params['repo'] ?? ''}`;
}

function refOf(request: EmuRequest): ItemRef {
  return { repo: repoOf(request), number: Number(request.params['number']) };
}
