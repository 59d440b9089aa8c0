/**
 * Plain views of store records for tests and the control API: keys instead of indices, ISO UTC
 * instead of epoch numbers, so expected results can be computed without knowing the layout.
 */
import { adfText } from '../adf.js';
import type { JiraStore } from '../store/store.js';
import type { CategoryKey, CommentRecord, IssueRecord, ProjectRecord } from '../store/types.js';
import { dayString } from '../time.js';

export interface ProjectSummary {
  id: string;
  key: string;
  name: string;
  style: ProjectRecord['style'];
  legacyEpicLinks: boolean;
  statuses: { id: string; name: string; category: CategoryKey }[];
}

export interface IssueSummary {
  id: string;
  key: string;
  formerKeys: string[];
  project: string;
  type: string;
  isEpic: boolean;
  summary: string;
  status: string;
  statusId: string;
  statusCategory: CategoryKey;
  resolution: string | null;
  assignee: string | null;
  points: number | null;
  labels: string[];
  dueDate: string | null;
  created: string;
  updated: string;
  resolved: string | null;
  parentKey: string | null;
  epicLinkKey: string | null;
  histories: number;
  links: { type: string; direction: 'blocks' | 'is_blocked_by' | 'relates'; otherKey: string }[];
}

export interface CommentSummary {
  id: string;
  issueKey: string;
  author: string;
  text: string;
  body: unknown;
  created: string;
  updated: string;
  properties: Record<string, unknown>;
}

export function projectSummary(store: JiraStore, project: ProjectRecord): ProjectSummary {
  return {
    id: project.id,
    key: project.key,
    name: project.name,
    style: project.style,
    legacyEpicLinks: project.legacyEpicLinks,
    statuses: project.workflow.statuses.map((s) => {
      const status = store.site.statuses[s];
      return {
        id: status?.id ?? '',
        name: status?.name ?? '',
        category: status?.category ?? 'new',
      };
    }),
  };
}

export function issueSummary(store: JiraStore, issue: IssueRecord): IssueSummary {
  const site = store.site;
  const iso = (ms: number): string | null => (Number.isNaN(ms) ? null : new Date(ms).toISOString());
  const keyAt = (index: number): string | null => {
    const other = index === -1 ? undefined : store.issues[index];
    return other && !other.deleted ? store.keyOf(other) : null;
  };
  const status = store.statusOf(issue);
  return {
    id: store.idOf(issue),
    key: store.keyOf(issue),
    formerKeys: [...(issue.formerKeys ?? [])],
    project: store.projectOf(issue).key,
    type: site.issueTypes[issue.type]?.name ?? 'Task',
    isEpic: store.isEpic(issue),
    summary: issue.summary,
    status: status.name,
    statusId: status.id,
    statusCategory: status.category,
    resolution: site.resolutions[issue.resolution]?.name ?? null,
    assignee: site.users[issue.assignee]?.accountId ?? null,
    points: Number.isNaN(issue.points) ? null : issue.points,
    labels: [...issue.labels],
    dueDate: Number.isNaN(issue.due) ? null : dayString(issue.due),
    created: iso(issue.created) ?? '',
    updated: iso(issue.updated) ?? '',
    resolved: iso(issue.resolved),
    parentKey: keyAt(issue.parent),
    epicLinkKey: keyAt(issue.epicLink),
    histories: issue.histories,
    links: store.linksOf(issue).flatMap((link) => {
      const otherIndex = link.inward === issue.index ? link.outward : link.inward;
      const otherKey = keyAt(otherIndex);
      if (otherKey === null) return [];
      const direction =
        link.type === 'Relates'
          ? 'relates'
          : link.inward === issue.index
            ? 'is_blocked_by'
            : 'blocks';
      return [{ type: link.type, direction, otherKey }];
    }),
  };
}

export function commentSummary(store: JiraStore, comment: CommentRecord): CommentSummary {
  return {
    id: String(comment.id),
    issueKey: store.keyOf(store.issues[comment.issue] as IssueRecord),
    author: store.site.users[comment.author]?.accountId ?? '',
    text: adfText(comment.body),
    body: comment.body,
    created: new Date(comment.created).toISOString(),
    updated: new Date(comment.updated).toISOString(),
    properties: Object.fromEntries(comment.properties),
  };
}
