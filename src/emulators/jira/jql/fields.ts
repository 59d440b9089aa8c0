/**
 * The JQL fields the emulator understands, how each reads an issue, which operators it takes,
 * and how names resolve (`"Epic Link"` or `cf[10014]` for custom fields — ids chosen by the
 * seed). Anything else is "does not exist", as Jira says for unknown fields; known Jira fields
 * the emulator does not evaluate (sprint, …) get a message that says so.
 */
import type { JiraStore } from '../store/store.js';
import type { IssueRecord } from '../store/types.js';

export type FieldKind =
  | 'project'
  | 'key'
  | 'issuetype'
  | 'parent'
  | 'epicLink'
  | 'labels'
  | 'status'
  | 'statusCategory'
  | 'created'
  | 'updated'
  | 'resolved'
  | 'due'
  | 'assignee'
  | 'reporter'
  | 'priority'
  | 'resolution'
  | 'summary'
  | 'storyPoints'
  | 'storyPointEstimate';

export type FieldClass = 'option' | 'multi' | 'date' | 'day' | 'number' | 'text';

export const FIELD_CLASS: Record<FieldKind, FieldClass> = {
  project: 'option',
  key: 'option',
  issuetype: 'option',
  parent: 'option',
  epicLink: 'option',
  labels: 'multi',
  status: 'option',
  statusCategory: 'option',
  created: 'date',
  updated: 'date',
  resolved: 'date',
  due: 'day',
  assignee: 'option',
  reporter: 'option',
  priority: 'option',
  resolution: 'option',
  summary: 'text',
  storyPoints: 'number',
  storyPointEstimate: 'number',
};

export const OPERATORS_BY_CLASS: Record<FieldClass, readonly string[]> = {
  option: ['=', '!=', 'in', 'not in', 'is', 'is not'],
  multi: ['=', '!=', 'in', 'not in', 'is', 'is not'],
  date: ['=', '!=', '>', '>=', '<', '<=', 'is', 'is not'],
  day: ['=', '!=', '>', '>=', '<', '<=', 'is', 'is not'],
  number: ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in', 'is', 'is not'],
  text: ['~', '!~', 'is', 'is not'],
};

const NAMES: Record<string, FieldKind> = {
  project: 'project',
  key: 'key',
  issuekey: 'key',
  id: 'key',
  issuetype: 'issuetype',
  type: 'issuetype',
  parent: 'parent',
  'epic link': 'epicLink',
  labels: 'labels',
  status: 'status',
  statuscategory: 'statusCategory',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  resolved: 'resolved',
  resolutiondate: 'resolved',
  due: 'due',
  duedate: 'due',
  assignee: 'assignee',
  reporter: 'reporter',
  priority: 'priority',
  resolution: 'resolution',
  summary: 'summary',
  text: 'summary',
  'story points': 'storyPoints',
  'story point estimate': 'storyPointEstimate',
};

const KNOWN_UNSUPPORTED = new Set([
  'sprint',
  'rank',
  'fixversion',
  'component',
  'team',
  'epic name',
]);

export type FieldResolution = { kind: FieldKind } | { error: string };

export function resolveField(store: JiraStore, name: string): FieldResolution {
  const lower = name.trim().toLowerCase();
  const custom = /^cf\[(\d+)\]$/.exec(lower);
  const ids = store.site.fields;
  if (custom) {
    const id = `customfield_${custom[1]}`;
    if (id === ids.epicLink) return { kind: 'epicLink' };
    if (id === ids.storyPoints) return { kind: 'storyPoints' };
    if (id === ids.storyPointEstimate) return { kind: 'storyPointEstimate' };
    if (Object.values(ids).includes(id)) return { error: unsupported(name) };
  } else {
    const kind = NAMES[lower];
    if (kind) return { kind };
    if (KNOWN_UNSUPPORTED.has(lower)) return { error: unsupported(name) };
  }
  return { error: `Field '${name}' does not exist or you do not have permission to view it.` };
}

function unsupported(name: string): string {
  return `Field '${name}' exists in Jira but the emulator does not evaluate it in JQL.`;
}

const CATEGORY_CODE = { new: 0, indeterminate: 1, done: 2 } as const;

/** The single value of an option-like field (-1 = EMPTY). */
export function optionValue(store: JiraStore, kind: FieldKind, issue: IssueRecord): number {
  switch (kind) {
    case 'project':
      return issue.project;
    case 'key':
      return issue.index;
    case 'issuetype':
      return issue.type;
    case 'parent':
      return issue.parent;
    case 'epicLink':
      return issue.epicLink;
    case 'status':
      return issue.status;
    case 'statusCategory':
      return CATEGORY_CODE[store.categoryOf(issue)];
    case 'assignee':
      return issue.assignee;
    case 'reporter':
      return issue.reporter;
    case 'priority':
      return issue.priority;
    case 'resolution':
      return issue.resolution;
    default:
      return -1;
  }
}

/** `optionValue` for one field, chosen once (a search reads it for thousands of issues). */
export function optionReader(store: JiraStore, kind: FieldKind): (issue: IssueRecord) => number {
  switch (kind) {
    case 'project':
      return (issue) => issue.project;
    case 'key':
      return (issue) => issue.index;
    case 'parent':
      return (issue) => issue.parent;
    case 'epicLink':
      return (issue) => issue.epicLink;
    case 'status':
      return (issue) => issue.status;
    default:
      return (issue) => optionValue(store, kind, issue);
  }
}

/** `numericValue` for one field, chosen once. */
export function numericReader(store: JiraStore, kind: FieldKind): (issue: IssueRecord) => number {
  switch (kind) {
    case 'created':
      return (issue) => issue.created;
    case 'updated':
      return (issue) => issue.updated;
    case 'resolved':
      return (issue) => issue.resolved;
    default:
      return (issue) => numericValue(store, kind, issue);
  }
}

/** Numeric / date values (NaN = EMPTY); `due` is a day number. */
export function numericValue(store: JiraStore, kind: FieldKind, issue: IssueRecord): number {
  switch (kind) {
    case 'created':
      return issue.created;
    case 'updated':
      return issue.updated;
    case 'resolved':
      return issue.resolved;
    case 'due':
      return issue.due;
    case 'storyPoints':
    case 'storyPointEstimate':
      return store.projectOf(issue).pointsField === kind ? issue.points : Number.NaN;
    default:
      return Number.NaN;
  }
}

/** Option values a JQL value names (names and ids, case-insensitive); null = unknown value. */
export function resolveOption(store: JiraStore, kind: FieldKind, text: string): number[] | null {
  const site = store.site;
  const lower = text.toLowerCase();
  const byNameOrId = (
    list: readonly { index: number; id: string; name: string }[],
  ): number[] | null => {
    const hits = list
      .filter((x) => x.id === text || x.name.toLowerCase() === lower)
      .map((x) => x.index);
    return hits.length > 0 ? hits : null;
  };
  switch (kind) {
    case 'project': {
      const project = store.projectByKeyOrId(text);
      return project ? [project.index] : null;
    }
    case 'issuetype':
      return byNameOrId(site.issueTypes);
    case 'status':
      return byNameOrId(site.statuses);
    case 'priority':
      return byNameOrId(site.priorities);
    case 'resolution':
      return lower === 'unresolved' ? [-1] : byNameOrId(site.resolutions);
    case 'statusCategory': {
      const table: Record<string, number> = {
        'to do': 0,
        new: 0,
        '2': 0,
        'in progress': 1,
        indeterminate: 1,
        '4': 1,
        done: 2,
        complete: 2,
        '3': 2,
      };
      const code = table[lower];
      return code === undefined ? null : [code];
    }
    case 'assignee':
    case 'reporter': {
      const user = site.users.find((u) => u.accountId === text || u.email?.toLowerCase() === lower);
      return user ? [user.index] : null;
    }
    case 'key':
    case 'parent':
    case 'epicLink': {
      const issue = store.find(text);
      if (issue) return [issue.index];
      return kind === 'key' ? null : [];
    }
    default:
      return null;
  }
}
