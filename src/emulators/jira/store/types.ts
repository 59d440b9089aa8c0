/**
 * The Jira emulator's in-memory records. They are compact on purpose (100k issues with six
 * months of history must fit in a few hundred MB at most and generate in seconds): numbers and
 * indices instead of nested objects, `NaN` / `-1` for "none", change history in the columnar
 * `ChangeTable`. JSON is rendered per request from these records (see `../render/`).
 *
 * Exported for tests, which compute expected results from the same records.
 */
import type { ChangeTable } from './changes.js';

/** Jira's three status category keys (`undefined` "No Category" is never used). */
export type CategoryKey = 'new' | 'indeterminate' | 'done';

export interface StatusRecord {
  index: number;
  /** Jira status id (`"10001"`). */
  id: string;
  name: string;
  category: CategoryKey;
  /** Team-managed projects have their own statuses (scope PROJECT); null = global. */
  projectIndex: number | null;
}

export interface ResolutionRecord {
  index: number;
  id: string;
  name: string;
}

export interface PriorityRecord {
  index: number;
  id: string;
  name: string;
}

export interface IssueTypeRecord {
  index: number;
  id: string;
  name: 'Epic' | 'Story' | 'Task' | 'Bug';
  hierarchyLevel: number;
}

export interface UserRecord {
  index: number;
  accountId: string;
  displayName: string;
  /** Hidden by the user's privacy settings when null. */
  email: string | null;
  timeZone: string;
  active: boolean;
}

/**
 * A project's statuses by role (indices into `SiteCatalog.statuses`). Names differ per site and
 * per project; only the category is reliable. `review` is -1 when the workflow has none.
 */
export interface Workflow {
  statuses: number[];
  todo: number;
  inProgress: number;
  review: number;
  done: number;
  /** "Won't Do": resolved without doing, in the done category. */
  wontDo: number;
}

/** Company-managed ("classic") or team-managed ("next-gen") project. */
export type ProjectStyle = 'classic' | 'next-gen';

export interface ProjectRecord {
  index: number;
  id: string;
  key: string;
  name: string;
  style: ProjectStyle;
  /**
   * Company-managed projects seeded "old style": some children point at their epic only
   * through the legacy Epic Link field, so clients need the fallback.
   */
  legacyEpicLinks: boolean;
  workflow: Workflow;
  /** Which story-point field this project's issues fill. */
  pointsField: 'storyPoints' | 'storyPointEstimate';
  leadUser: number;
  /** Next issue number for a new key in this project. */
  nextNumber: number;
}

/** Ids of the custom fields, chosen by the seed (clients must discover them). */
export interface CustomFieldIds {
  storyPoints: string;
  storyPointEstimate: string;
  epicLink: string;
  sprint: string;
  rank: string;
  epicName: string;
  startDate: string;
  legacyPoints: string;
}

export interface SiteCatalog {
  /** Site name used in `self` URLs of avatars and in serverInfo. */
  title: string;
  statuses: StatusRecord[];
  resolutions: ResolutionRecord[];
  priorities: PriorityRecord[];
  issueTypes: IssueTypeRecord[];
  users: UserRecord[];
  projects: ProjectRecord[];
  fields: CustomFieldIds;
  /** Index of the API user (the bot) and of the "human" that control comments come from. */
  botUser: number;
  humanUser: number;
}

export interface IssueRecord {
  /** Array position; the Jira id is `ISSUE_ID_BASE + index`. */
  index: number;
  project: number;
  /** The number in the key (`ABC-<number>`). */
  number: number;
  type: number;
  summary: string;
  status: number;
  /** -1 = unresolved. */
  resolution: number;
  /** -1 = unassigned. */
  assignee: number;
  reporter: number;
  priority: number;
  labels: readonly string[];
  /** NaN = no estimate. */
  points: number;
  /** Due date as days since 1970-01-01 (a calendar date, no zone); NaN = none. */
  due: number;
  created: number;
  updated: number;
  /** NaN = not resolved. */
  resolved: number;
  /** Issue index of the parent (team-managed `parent`, or migrated company-managed); -1 none. */
  parent: number;
  /** Issue index in the legacy Epic Link field; -1 none. */
  epicLink: number;
  /** First / last entry of this issue's history in the ChangeTable (-1 = none). */
  firstChange: number;
  lastChange: number;
  /** Number of histories (change groups) — what changelog paging counts. */
  histories: number;
  deleted: boolean;
  /** Keys this issue had before moves (`OLD-1`), oldest first. */
  formerKeys: string[] | null;
}

export type LinkTypeName = 'Blocks' | 'Relates';

export interface LinkRecord {
  id: number;
  type: LinkTypeName;
  /** For Blocks: the blocker ("blocks" → outward). */
  outward: number;
  /** For Blocks: the blocked issue ("is blocked by" → inward). */
  inward: number;
}

export interface CommentRecord {
  id: number;
  issue: number;
  author: number;
  updateAuthor: number;
  /** The ADF document as sent (validated). */
  body: unknown;
  created: number;
  updated: number;
  properties: Map<string, unknown>;
  deleted: boolean;
}

/** Everything the generator produces; the store wraps it with indexes and mutations. */
export interface JiraData {
  /** The data's "now" (epoch ms): histories end here. */
  now: number;
  site: SiteCatalog;
  issues: IssueRecord[];
  changes: ChangeTable;
  links: LinkRecord[];
  comments: CommentRecord[];
}

export const ISSUE_ID_BASE = 10_000;
export const COMMENT_ID_BASE = 10_000;
export const LINK_ID_BASE = 10_000;
