/**
 * An IssueBean rendered from a record, limited to the requested fields. Fields an issue has no
 * value for are `null` (Jira's way), except `parent`, which Jira leaves out entirely for issues
 * without one. Links carry the other issue's status, as Jira's do.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
 */
import type { IssueRecord } from '../store/types.js';
import { dayString } from '../time.js';
import { renderInlineChangelog } from './changelog.js';
import type { Json, RenderContext } from './context.js';
import type { FieldSelection } from './fields.js';

export interface IssueRenderOptions {
  fields: FieldSelection;
  /** Inline changelog histories (0 = no `expand=changelog`). */
  changelog: number;
  /** Search hits for `fields=id` are just `{id}`; other endpoints keep the envelope. */
  compactIdHits?: boolean;
}

const EXPAND = 'operations,versionedRepresentations,editmeta,changelog,renderedFields';

export function renderIssue(
  ctx: RenderContext,
  issue: IssueRecord,
  options: IssueRenderOptions,
): Json {
  const { store } = ctx;
  const id = store.idOf(issue);
  if (options.compactIdHits && options.fields.idsOnly && options.changelog === 0) {
    return options.fields.wantsKey ? { id, key: store.keyOf(issue) } : { id };
  }
  const out: Json = {
    expand: EXPAND,
    id,
    self: ctx.api(`/issue/${id}`),
    key: store.keyOf(issue),
    fields: renderFields(ctx, issue, options.fields),
  };
  if (options.changelog > 0)
    out['changelog'] = renderInlineChangelog(ctx, issue, options.changelog);
  return out;
}

function renderFields(ctx: RenderContext, issue: IssueRecord, want: FieldSelection): Json {
  const { store, time } = ctx;
  const project = store.projectOf(issue);
  const site = store.site;
  const ts = (ms: number): string | null => (Number.isNaN(ms) ? null : time.timestamp(ms));
  const f: Json = {};
  const put = (name: string, value: () => unknown): void => {
    if (want.wants(name)) f[name] = value();
  };
  put('summary', () => issue.summary);
  put('status', () => ctx.status(issue.status));
  put('issuetype', () => ctx.issueType(issue.type, project));
  put('project', () => ctx.projectRef(project));
  put('resolution', () => (issue.resolution === -1 ? null : ctx.resolution(issue.resolution)));
  put('resolutiondate', () => ts(issue.resolved));
  put('assignee', () => (issue.assignee === -1 ? null : ctx.user(issue.assignee)));
  put('reporter', () => ctx.user(issue.reporter));
  put('creator', () => ctx.user(issue.reporter));
  put('priority', () => ctx.priority(issue.priority));
  put('labels', () => [...issue.labels]);
  put('duedate', () => (Number.isNaN(issue.due) ? null : dayString(issue.due)));
  put('created', () => ts(issue.created));
  put('updated', () => ts(issue.updated));
  put('statuscategorychangedate', () => ts(issue.resolved) ?? ts(issue.created));
  put('description', () => null);
  put('subtasks', () => []);
  put('issuelinks', () => renderLinks(ctx, issue));
  const parent = issue.parent === -1 ? undefined : store.issues[issue.parent];
  if (parent && !parent.deleted && want.wants('parent')) f['parent'] = linkedIssue(ctx, parent);

  const ids = site.fields;
  const sp = project.pointsField === 'storyPoints' && !Number.isNaN(issue.points);
  const spe = project.pointsField === 'storyPointEstimate' && !Number.isNaN(issue.points);
  put(ids.storyPoints, () => (sp ? issue.points : null));
  put(ids.storyPointEstimate, () => (spe ? issue.points : null));
  const epic = issue.epicLink === -1 ? undefined : store.issues[issue.epicLink];
  put(ids.epicLink, () => (epic && !epic.deleted ? store.keyOf(epic) : null));
  put(ids.sprint, () => null);
  put(ids.rank, () => `0|i${issue.index.toString(36).padStart(5, '0')}:`);
  put(ids.epicName, () => (store.isEpic(issue) ? issue.summary.slice(0, 40) : null));
  put(ids.startDate, () => null);
  put(ids.legacyPoints, () => null);
  return f;
}

/** The short form of another issue inside `parent` and `issuelinks`. */
export function linkedIssue(ctx: RenderContext, other: IssueRecord): Json {
  const id = ctx.store.idOf(other);
  return {
    id,
    key: ctx.store.keyOf(other),
    self: ctx.api(`/issue/${id}`),
    fields: {
      summary: other.summary,
      status: ctx.status(other.status),
      priority: ctx.priority(other.priority),
      issuetype: ctx.issueType(other.type, ctx.store.projectOf(other)),
    },
  };
}

/**
 * "A is blocked by B" appears on A as `{type: Blocks, inwardIssue: B}` (label with the type's
 * inward text) and on B as `{type: Blocks, outwardIssue: A}` ("B blocks A").
 */
function renderLinks(ctx: RenderContext, issue: IssueRecord): Json[] {
  const out: Json[] = [];
  for (const link of ctx.store.linksOf(issue)) {
    const otherIndex = link.inward === issue.index ? link.outward : link.inward;
    const other = ctx.store.issues[otherIndex];
    if (!other || other.deleted) continue;
    const side = link.inward === issue.index ? 'inwardIssue' : 'outwardIssue';
    out.push({
      id: String(link.id),
      self: ctx.api(`/issueLink/${link.id}`),
      type: ctx.linkType(link.type),
      [side]: linkedIssue(ctx, other),
    });
  }
  return out;
}
