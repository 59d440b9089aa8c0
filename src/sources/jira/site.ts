/**
 * What northstar needs to know about a Jira site before it can read issues: the ids of the
 * custom fields (they differ per site: found by name / schema via `GET /rest/api/3/field`,
 * config overrides win), the API user's time zone (JQL date literals are read in it), the
 * status → category map (names vary, categories do not) and the project keys (a PR's
 * `abc-123` counts only when project ABC exists).
 */
import type { StatusCategory } from '../../domain/items.js';
import type { z } from 'zod';
import { toStatusCategory } from './status-category.js';
import type { JiraField } from './schema.js';

export interface JiraSiteFields {
  /** Story-point fields in preference order (company-managed "Story Points", team-managed "Story point estimate"). */
  storyPoints: string[];
  /** The legacy "Epic Link" field, when the site still has one. */
  epicLink: string | null;
  sprint: string | null;
}

export interface JiraSite extends JiraSiteFields {
  timeZone: string;
  statusCategories: Record<string, StatusCategory>;
  projectKeys: string[];
}

export interface FieldOverrides {
  storyPoints?: string | undefined;
  epicLink?: string | undefined;
  sprint?: string | undefined;
}

const STORY_POINT_NAMES = ['story points', 'story point estimate'];
const EPIC_LINK_SCHEMA = 'com.pyxis.greenhopper.jira:gh-epic-link';
const SPRINT_SCHEMA = 'com.pyxis.greenhopper.jira:gh-sprint';

export function discoverFields(
  fields: readonly z.infer<typeof JiraField>[],
  overrides: FieldOverrides,
): JiraSiteFields {
  const byName = (name: string) => fields.find((f) => f.name.toLowerCase() === name);
  const storyPoints = STORY_POINT_NAMES.map((n) => byName(n)?.id).filter(
    (id): id is string => id !== undefined,
  );
  const epicLink =
    fields.find((f) => f.schema?.custom === EPIC_LINK_SCHEMA)?.id ?? byName('epic link')?.id;
  const sprint = fields.find((f) => f.schema?.custom === SPRINT_SCHEMA)?.id ?? byName('sprint')?.id;
  return {
    storyPoints: overrides.storyPoints ? [overrides.storyPoints] : storyPoints,
    epicLink: overrides.epicLink ?? epicLink ?? null,
    sprint: overrides.sprint ?? sprint ?? null,
  };
}

export function statusCategoryMap(
  statuses: readonly { id: string; statusCategory: { key: string } }[],
): Record<string, StatusCategory> {
  const out: Record<string, StatusCategory> = {};
  for (const s of statuses) out[s.id] = toStatusCategory(s.statusCategory.key);
  return out;
}

/** The `fields` list of every issue search: explicit, never `*all`. */
export function searchFields(site: JiraSiteFields): string[] {
  return [
    'summary',
    'status',
    'issuetype',
    'project',
    'resolution',
    'resolutiondate',
    'assignee',
    'priority',
    'labels',
    'duedate',
    'created',
    'updated',
    'parent',
    'issuelinks',
    ...site.storyPoints,
    ...(site.epicLink !== null ? [site.epicLink] : []),
  ];
}
