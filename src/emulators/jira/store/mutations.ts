/**
 * Changes tests make to the data, recorded the way Jira records them: a status transition is
 * one history with a `status` item (plus `resolution` when the category enters or leaves done),
 * edits add their own items, `updated` moves to the change time. Moving an issue gives it the
 * next key in the target project, keeps its id, records `Key` and `project` items, maps the
 * status to the target workflow by category, and leaves the old key resolvable.
 */
import { RESOLUTION_DONE, RESOLUTION_WONT_DO } from './catalog.js';
import { ChangeField, type ChangeFieldCode } from './changes.js';
import type { JiraStore } from './store.js';
import type { IssueRecord, ProjectRecord } from './types.js';

export interface IssuePatch {
  summary?: string;
  /** Status name or id, resolved in the issue's workflow. */
  status?: string;
  /** `null` removes the estimate. */
  points?: number | null;
  labels?: string[];
  /** `YYYY-MM-DD` or null. */
  dueDate?: string | null;
  /** Parent key/id or null. */
  parent?: string | null;
  epicLink?: string | null;
  /** Account id, or null to unassign. */
  assignee?: string | null;
}

export interface NewIssue extends IssuePatch {
  project: string;
  type?: 'Epic' | 'Story' | 'Task' | 'Bug';
  summary: string;
}

export interface ChangeContext {
  now: number;
  author: number;
}

const DAY = 86_400_000;

export class MutationError extends Error {}

export function createIssue(store: JiraStore, input: NewIssue, ctx: ChangeContext): IssueRecord {
  const project = store.projectByKeyOrId(input.project);
  if (!project) throw new MutationError(`no project ${input.project}`);
  const type = store.site.issueTypes.findIndex((t) => t.name === (input.type ?? 'Task'));
  const issue: IssueRecord = {
    index: store.issues.length,
    project: project.index,
    number: project.nextNumber++,
    type: Math.max(0, type),
    summary: input.summary,
    status: project.workflow.todo,
    resolution: -1,
    assignee: -1,
    reporter: ctx.author,
    priority: 2,
    labels: [],
    points: Number.NaN,
    due: Number.NaN,
    created: ctx.now,
    updated: ctx.now,
    resolved: Number.NaN,
    parent: -1,
    epicLink: -1,
    firstChange: -1,
    lastChange: -1,
    histories: 0,
    deleted: false,
    formerKeys: null,
  };
  store.issues.push(issue);
  store.indexKeys(issue);
  const { summary: _summary, ...rest } = input;
  // Initial values are set silently: Jira's history starts after creation.
  applyPatch(store, issue, rest, { ...ctx, silent: true });
  store.version++;
  return issue;
}

export function updateIssue(
  store: JiraStore,
  issue: IssueRecord,
  patch: IssuePatch,
  ctx: ChangeContext,
): void {
  applyPatch(store, issue, patch, { ...ctx, silent: false });
  issue.updated = Math.max(issue.updated, ctx.now);
  store.version++;
}

function applyPatch(
  store: JiraStore,
  issue: IssueRecord,
  patch: IssuePatch,
  ctx: ChangeContext & { silent: boolean },
): void {
  const history = store.nextHistoryId();
  const record = (field: ChangeFieldCode, from: number, to: number): void => {
    if (!ctx.silent)
      store.appendChange(issue, { history, at: ctx.now, author: ctx.author, field, from, to });
  };
  const text = (value: string): number => store.changes.text(value);
  const project = store.projectOf(issue);

  if (patch.summary !== undefined && patch.summary !== issue.summary) {
    record(ChangeField.summary, text(issue.summary), text(patch.summary));
    issue.summary = patch.summary;
  }
  if (patch.status !== undefined)
    transition(store, issue, statusIn(store, project, patch.status), record, ctx.now);
  if (patch.points !== undefined) {
    const to = patch.points ?? Number.NaN;
    if (!sameNumber(to, issue.points)) {
      const field =
        project.pointsField === 'storyPoints'
          ? ChangeField.storyPoints
          : ChangeField.storyPointEstimate;
      record(field, issue.points, to);
      issue.points = to;
    }
  }
  if (patch.labels !== undefined) {
    const to = [...new Set(patch.labels)].sort();
    if (to.join(' ') !== issue.labels.join(' ')) {
      record(ChangeField.labels, text(issue.labels.join(' ')), text(to.join(' ')));
      issue.labels = to;
    }
  }
  if (patch.dueDate !== undefined) {
    const to = patch.dueDate === null ? Number.NaN : Date.parse(`${patch.dueDate}T00:00:00Z`) / DAY;
    if (patch.dueDate !== null && !Number.isInteger(to))
      throw new MutationError(`bad due date ${patch.dueDate}`);
    if (!sameNumber(to, issue.due)) {
      record(ChangeField.duedate, issue.due, to);
      issue.due = to;
    }
  }
  if (patch.parent !== undefined) {
    const to = issueRef(store, patch.parent);
    if (to !== issue.parent) {
      record(ChangeField.parent, none(issue.parent), none(to));
      issue.parent = to;
    }
  }
  if (patch.epicLink !== undefined) {
    const to = issueRef(store, patch.epicLink);
    if (to !== issue.epicLink) {
      record(ChangeField.epicLink, none(issue.epicLink), none(to));
      issue.epicLink = to;
    }
  }
  if (patch.assignee !== undefined) {
    const to =
      patch.assignee === null
        ? -1
        : store.site.users.findIndex((u) => u.accountId === patch.assignee);
    if (patch.assignee !== null && to === -1) throw new MutationError(`no user ${patch.assignee}`);
    if (to !== issue.assignee) {
      record(ChangeField.assignee, none(issue.assignee), none(to));
      issue.assignee = to;
    }
  }
}

function transition(
  store: JiraStore,
  issue: IssueRecord,
  to: number,
  record: (field: ChangeFieldCode, from: number, to: number) => void,
  now: number,
): void {
  if (to === issue.status) return;
  const workflow = store.projectOf(issue).workflow;
  const done = store.site.statuses[to]?.category === 'done';
  const resolution = done ? (to === workflow.wontDo ? RESOLUTION_WONT_DO : RESOLUTION_DONE) : -1;
  record(ChangeField.status, issue.status, to);
  if (resolution !== issue.resolution)
    record(ChangeField.resolution, none(issue.resolution), none(resolution));
  issue.status = to;
  issue.resolution = resolution;
  issue.resolved = done ? now : Number.NaN;
}

export function moveIssue(
  store: JiraStore,
  issue: IssueRecord,
  projectRef: string,
  ctx: ChangeContext,
): void {
  const target = store.projectByKeyOrId(projectRef);
  if (!target) throw new MutationError(`no project ${projectRef}`);
  const source = store.projectOf(issue);
  if (target.index === source.index) return;
  const oldKey = store.keyOf(issue);
  const history = store.nextHistoryId();
  const change = { history, at: ctx.now, author: ctx.author };
  issue.formerKeys = [...(issue.formerKeys ?? []), oldKey];
  issue.project = target.index;
  issue.number = target.nextNumber++;
  const newKey = store.keyOf(issue);
  store.appendChange(issue, {
    ...change,
    field: ChangeField.key,
    from: store.changes.text(oldKey),
    to: store.changes.text(newKey),
  });
  store.appendChange(issue, {
    ...change,
    field: ChangeField.project,
    from: source.index,
    to: target.index,
  });
  // Status ids differ between workflows; keep the category (and the "Won't Do" distinction).
  const mapped = mapStatus(store, issue, target);
  if (mapped !== issue.status) {
    store.appendChange(issue, {
      ...change,
      field: ChangeField.status,
      from: issue.status,
      to: mapped,
    });
    issue.status = mapped;
  }
  if (!Number.isNaN(issue.points) && source.pointsField !== target.pointsField) {
    // The estimate moves to the target project's points field.
    const [from, to] = [ChangeField.storyPoints, ChangeField.storyPointEstimate];
    store.appendChange(issue, {
      ...change,
      field: source.pointsField === 'storyPoints' ? from : to,
      from: issue.points,
      to: Number.NaN,
    });
    store.appendChange(issue, {
      ...change,
      field: target.pointsField === 'storyPoints' ? from : to,
      from: Number.NaN,
      to: issue.points,
    });
  }
  if (target.style === 'next-gen') issue.epicLink = -1;
  issue.updated = Math.max(issue.updated, ctx.now);
  store.indexKeys(issue);
  store.version++;
}

export function deleteIssue(store: JiraStore, issue: IssueRecord): void {
  issue.deleted = true;
  for (const other of store.issues) {
    if (other.parent === issue.index) other.parent = -1;
    if (other.epicLink === issue.index) other.epicLink = -1;
  }
  store.version++;
}

function mapStatus(store: JiraStore, issue: IssueRecord, target: ProjectRecord): number {
  const from = store.projectOf(issue).workflow;
  const to = target.workflow;
  if (issue.status === from.wontDo) return to.wontDo;
  switch (store.categoryOf(issue)) {
    case 'done':
      return to.done;
    case 'indeterminate':
      return issue.status === from.review && to.review !== -1 ? to.review : to.inProgress;
    default:
      return to.todo;
  }
}

function statusIn(store: JiraStore, project: ProjectRecord, nameOrId: string): number {
  const lower = nameOrId.toLowerCase();
  const hit = project.workflow.statuses.find((s) => {
    const status = store.site.statuses[s];
    return status?.id === nameOrId || status?.name.toLowerCase() === lower;
  });
  if (hit === undefined) throw new MutationError(`no status "${nameOrId}" in ${project.key}`);
  return hit;
}

function issueRef(store: JiraStore, ref: string | null): number {
  if (ref === null) return -1;
  const issue = store.find(ref);
  if (!issue) throw new MutationError(`no issue ${ref}`);
  return issue.index;
}

function none(index: number): number {
  return index === -1 ? Number.NaN : index;
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
