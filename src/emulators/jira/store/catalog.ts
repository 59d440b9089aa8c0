/**
 * Fixed parts of a Jira site: status categories, link types, and how Jira spells their JSON.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-status-categories/
 */
import type { CategoryKey, LinkTypeName } from './types.js';

export interface CategoryInfo {
  id: number;
  key: CategoryKey;
  colorName: string;
  name: string;
}

export const STATUS_CATEGORIES: Record<CategoryKey, CategoryInfo> = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

/** `/statuses/search` spells categories differently from `/status`. */
export const NEW_STYLE_CATEGORY: Record<CategoryKey, 'TODO' | 'IN_PROGRESS' | 'DONE'> = {
  new: 'TODO',
  indeterminate: 'IN_PROGRESS',
  done: 'DONE',
};

export interface LinkTypeInfo {
  id: string;
  name: LinkTypeName;
  inward: string;
  outward: string;
}

/** Jira's default link types; northstar reads "Blocks" ("is blocked by" / "blocks"). */
export const LINK_TYPES: Record<LinkTypeName, LinkTypeInfo> = {
  Blocks: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  Relates: { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
};

export const ISSUE_TYPES = [
  { id: '10000', name: 'Epic', hierarchyLevel: 1 },
  { id: '10001', name: 'Story', hierarchyLevel: 0 },
  { id: '10002', name: 'Task', hierarchyLevel: 0 },
  { id: '10004', name: 'Bug', hierarchyLevel: 0 },
] as const;
export const EPIC_TYPE = 0;

export const PRIORITY_NAMES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;

export const RESOLUTION_NAMES = ['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce'] as const;
export const RESOLUTION_DONE = 0;
export const RESOLUTION_WONT_DO = 1;
