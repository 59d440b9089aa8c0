/**
 * One issue's life up to "now": waits in To Do, gets assigned and started, maybe reviewed, done
 * (or "Won't Do"), sometimes reopened; estimates change, epic due dates slip; a few issues churn
 * far past the 100 histories that `expand=changelog` shows inline. Steps after "now" have not
 * happened yet, which is what leaves issues in progress. With creation spread evenly over the
 * history window, done transitions give a steady, plausible weekly throughput.
 */
import type { Rng } from '../core/index.js';
import { appendIssueChange } from '../jira/store/append.js';
import { RESOLUTION_DONE, RESOLUTION_WONT_DO } from '../jira/store/catalog.js';
import { ChangeField, type ChangeFieldCode, type ChangeTable } from '../jira/store/changes.js';
import type { IssueRecord, StatusRecord, Workflow } from '../jira/store/types.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface LifecycleContext {
  rng: Rng;
  table: ChangeTable;
  statuses: readonly StatusRecord[];
  workflow: Workflow;
  now: number;
  /** First user index that may act in history (0 = bot, 1 = human are left out). */
  firstPerson: number;
  people: number;
  nextHistoryId(): number;
}

interface Item {
  field: ChangeFieldCode;
  from: number;
  to: number;
}

interface Event {
  at: number;
  author: number;
  items: Item[];
}

const POINTS = [1, 2, 2, 3, 3, 3, 5, 5, 5, 8, 8, 13, 0.5, 21];

export function generateLifecycle(
  ctx: LifecycleContext,
  issue: IssueRecord,
  options: { epic: boolean; longHistory: boolean; pointsField: ChangeFieldCode },
): void {
  const { rng, workflow, now } = ctx;
  const events: Event[] = [];
  const person = (): number => ctx.firstPerson + rng.int(0, ctx.people - 1);
  const created = issue.created;

  // Estimates: most work items have points; epics are sized by their children.
  let points = Number.NaN;
  if (!options.epic && rng.chance(0.8)) {
    points = rng.pick(POINTS);
    if (rng.chance(0.1)) {
      const at = created + rng.next() * Math.max(DAY, (now - created) * 0.5);
      const next = rng.pick(POINTS);
      if (next !== points && at < now) {
        events.push({
          at,
          author: person(),
          items: [{ field: options.pointsField, from: points, to: next }],
        });
        points = next;
      }
    }
  }

  // Due dates: most epics, some items; epics' dates slip later now and then.
  let due = Number.NaN;
  if (rng.chance(options.epic ? 0.7 : 0.25)) {
    const createdDay = Math.floor(created / DAY);
    due = createdDay + (options.epic ? rng.int(30, 120) : rng.int(7, 45));
    if (options.epic && rng.chance(0.35)) {
      let at = created;
      for (let slips = rng.int(1, 3); slips > 0; slips--) {
        at += rng.next() * 30 * DAY + DAY;
        if (at >= now) break;
        const later = due + rng.int(7, 30);
        events.push({
          at,
          author: person(),
          items: [{ field: ChangeField.duedate, from: due, to: later }],
        });
        due = later;
      }
    }
  }

  // The status path.
  let status = workflow.todo;
  let resolution = -1;
  let resolved = Number.NaN;
  let assignee = rng.chance(0.4) ? person() : -1;
  let at = created;
  const move = (to: number, when: number, author: number, extra: Item[] = []): boolean => {
    if (when >= now) return false;
    const items: Item[] = [{ field: ChangeField.status, from: status, to }, ...extra];
    const done = ctx.statuses[to]?.category === 'done';
    const nextResolution = done
      ? to === workflow.wontDo
        ? RESOLUTION_WONT_DO
        : RESOLUTION_DONE
      : -1;
    if (nextResolution !== resolution)
      items.push({
        field: ChangeField.resolution,
        from: none(resolution),
        to: none(nextResolution),
      });
    events.push({ at: when, author, items });
    status = to;
    resolution = nextResolution;
    resolved = done ? when : Number.NaN;
    at = when;
    return true;
  };

  // A third of the backlog waits for months; the rest is picked up within days.
  const wait = options.epic
    ? rng.next() * 14 * DAY
    : exponential(rng, rng.chance(0.35) ? 120 * DAY : 10 * DAY);
  if (!options.epic && rng.chance(0.04)) {
    move(workflow.wontDo, at + wait, person());
  } else {
    const starter = assignee === -1 && rng.chance(0.85) ? person() : assignee;
    const startAt = at + wait;
    if (starter !== assignee && startAt - MINUTE < now) {
      events.push({
        at: startAt - MINUTE,
        author: starter,
        items: [{ field: ChangeField.assignee, from: none(assignee), to: starter }],
      });
      assignee = starter;
    }
    const author = (): number => (assignee === -1 ? person() : assignee);
    if (move(workflow.inProgress, startAt, author())) {
      // Most items take days; some stall for weeks (what keeps work in progress).
      const work = options.epic
        ? (30 + rng.next() * 120) * DAY
        : rng.chance(0.25)
          ? logNormal(rng, 30 * DAY, 0.6)
          : logNormal(rng, 4 * DAY, 0.9);
      let ok = true;
      if (workflow.review !== -1 && !options.epic && rng.chance(0.6)) {
        ok = move(workflow.review, at + work, author());
        if (ok) at += (0.5 + rng.next() * 2.5) * DAY;
      } else {
        at += work;
      }
      if (ok && move(workflow.done, at, author()) && rng.chance(0.03)) {
        // Reopened: back in progress, then done again.
        if (move(workflow.inProgress, at + (2 + rng.next() * 8) * DAY, person()))
          move(workflow.done, at + (1 + rng.next() * 4) * DAY, author());
      }
    }
  }

  if (options.longHistory) addChurn(ctx, issue, events);

  events.sort((a, b) => a.at - b.at);
  for (const event of events) {
    const history = ctx.nextHistoryId();
    for (const item of event.items) {
      appendIssueChange(ctx.table, issue, {
        history,
        at: event.at,
        author: event.author,
        field: item.field,
        from: item.from,
        to: item.to,
      });
    }
  }

  issue.status = status;
  issue.resolution = resolution;
  issue.resolved = resolved;
  issue.assignee = assignee;
  issue.points = points;
  issue.due = due;
  const last = events.length > 0 ? (events[events.length - 1] as Event).at : created;
  // Comments and description edits bump `updated` without a status change.
  const touched = Math.max(rng.chance(0.3) ? last + exponential(rng, 3 * DAY) : last, created);
  // A bump that would pass "now" lands between the last event and now: clamping it to now
  // stamped hundreds of issues with the same minute, which no real site shows (and which an
  // incremental sync's overlap window then reads again).
  const floor = Math.max(last, created);
  const ceiling = now - MINUTE;
  issue.updated =
    touched < ceiling
      ? touched
      : ceiling <= floor
        ? ceiling
        : floor + ((touched - floor) % (ceiling - floor));
}

/** 110–260 label flips spread over the issue's life: more histories than any inline page holds. */
function addChurn(ctx: LifecycleContext, issue: IssueRecord, events: Event[]): void {
  const { rng, table } = ctx;
  const plain = table.text(issue.labels.join(' '));
  const flagged = table.text([...issue.labels, 'flaky'].sort().join(' '));
  const count = rng.int(110, 260);
  const span = Math.max(DAY, ctx.now - issue.created - MINUTE);
  const times = Array.from({ length: count }, () => issue.created + rng.next() * span).sort(
    (a, b) => a - b,
  );
  times.forEach((at, i) => {
    const [from, to] = i % 2 === 0 ? [plain, flagged] : [flagged, plain];
    events.push({ at, author: ctx.firstPerson, items: [{ field: ChangeField.labels, from, to }] });
  });
  if (count % 2 === 1) issue.labels = [...issue.labels, 'flaky'].sort();
}

function none(index: number): number {
  return index === -1 ? Number.NaN : index;
}

function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng.next()) * mean;
}

function logNormal(rng: Rng, median: number, sigma: number): number {
  // Box–Muller.
  const u = Math.max(rng.next(), 1e-12);
  const v = rng.next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
}
