/**
 * The control API over HTTP, for tests and tools outside the process (`northstar emulate`):
 * the same operations as `JiraControl`, under `/_emulator/jira/…`. Stats, faults and the clock
 * are the core's `/_emulator/stats`, `/_emulator/faults` and `/_emulator/clock`.
 */
import { z } from 'zod';
import { Router, type EmuResponse, type Handler } from '../../core/index.js';
import { MALFORM_KINDS } from '../render/malformed.js';
import { MutationError } from '../store/mutations.js';
import type { JiraControl } from './control.js';

const P = '/_emulator/jira';

const Patch = z.strictObject({
  summary: z.string().optional(),
  status: z.string().optional(),
  points: z.number().nullable().optional(),
  labels: z.array(z.string()).optional(),
  dueDate: z.string().nullable().optional(),
  parent: z.string().nullable().optional(),
  epicLink: z.string().nullable().optional(),
  assignee: z.string().nullable().optional(),
});
const NewIssueBody = Patch.extend({
  project: z.string(),
  summary: z.string(),
  type: z.enum(['Epic', 'Story', 'Task', 'Bug']).optional(),
});
const MalformBody = z.strictObject({
  count: z.int().min(0).optional(),
  keys: z.array(z.string()).optional(),
  kinds: z.array(z.enum(MALFORM_KINDS)).optional(),
});
const Reason = z.strictObject({
  reason: z.enum([
    'jira-burst-based',
    'jira-quota-global-based',
    'jira-quota-tenant-based',
    'jira-per-issue-on-write',
    'jira-cost-based',
  ]),
});

export function controlRoutes(control: () => JiraControl): Router {
  const router = new Router();
  const safe =
    (run: Handler): Handler =>
    async (request) => {
      try {
        return await run(request);
      } catch (error) {
        if (error instanceof MutationError || error instanceof z.ZodError)
          return { status: 400, body: { message: error.message } };
        throw error;
      }
    };
  const ok = (body: unknown, status = 200): EmuResponse =>
    body === undefined ? { status: 204 } : { status, body };
  const param = (request: { params: Record<string, string> }, name: string): string =>
    request.params[name] ?? '';

  router.get(`${P}/projects`, () => ok(control().projects()));
  router.get(`${P}/epics`, (r) => ok(control().epics(r.query.get('project') ?? undefined)));
  router.get(
    `${P}/issues`,
    safe((r) => {
      const project = r.query.get('project');
      const epic = r.query.get('epic');
      return ok(control().issues({ ...(project ? { project } : {}), ...(epic ? { epic } : {}) }));
    }),
  );
  router.get(`${P}/issues/{ref}`, (r) => {
    const issue = control().issue(param(r, 'ref'));
    return issue ? ok(issue) : { status: 404, body: { message: 'no such issue' } };
  });
  router.post(
    `${P}/issues`,
    safe((r) => ok(control().createIssue(NewIssueBody.parse(r.body)), 201)),
  );
  router.patch(
    `${P}/issues/{ref}`,
    safe((r) => ok(control().updateIssue(param(r, 'ref'), Patch.parse(r.body)))),
  );
  router.post(
    `${P}/issues/{ref}/move`,
    safe((r) => {
      const { project } = z.object({ project: z.string() }).parse(r.body);
      return ok(control().moveIssue(param(r, 'ref'), project));
    }),
  );
  router.delete(
    `${P}/issues/{ref}`,
    safe((r) => {
      control().deleteIssue(param(r, 'ref'));
      return { status: 204 };
    }),
  );
  router.post(
    `${P}/links`,
    safe((r) => {
      control().linkBlocks(z.object({ blocker: z.string(), blocked: z.string() }).parse(r.body));
      return { status: 204 };
    }),
  );
  router.get(
    `${P}/issues/{ref}/comments`,
    safe((r) => ok(control().comments(param(r, 'ref')))),
  );
  router.post(
    `${P}/issues/{ref}/comments`,
    safe((r) => {
      const { body } = z
        .object({ body: z.union([z.string(), z.record(z.string(), z.unknown())]) })
        .parse(r.body);
      return ok(control().addComment(param(r, 'ref'), body), 201);
    }),
  );
  router.delete(
    `${P}/issues/{ref}/comments/{id}`,
    safe((r) => {
      control().deleteComment(param(r, 'ref'), param(r, 'id'));
      return { status: 204 };
    }),
  );
  router.put(
    `${P}/malformed`,
    safe((r) => ok(control().markMalformed(MalformBody.parse(r.body ?? {})))),
  );
  router.delete(`${P}/malformed`, () => {
    control().clearMalformed();
    return { status: 204 };
  });
  router.put(
    `${P}/rate-limit-reason`,
    safe((r) => {
      control().setRateLimitReason(Reason.parse(r.body).reason);
      return { status: 204 };
    }),
  );
  router.get(`${P}/early-retries`, () => ok(control().earlyRetries()));
  router.get(`${P}/notifications`, () => ok(control().notifications()));
  router.get(`${P}/now`, () => ok({ now: control().now().toISOString() }));
  return router;
}
