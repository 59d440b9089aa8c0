/**
 * `GET /rest/api/3/field`: system fields and the site's custom fields. Custom field ids are the
 * seed's choice, so clients must find "Story Points" / "Story point estimate" / "Epic Link" /
 * "Sprint" by name or schema (`custom` type keys below are Jira's). A legacy text field whose
 * name also mentions story points is there to catch matching by substring.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get
 */
import type { Json } from '../render/context.js';
import type { CustomFieldIds } from '../store/types.js';

const SYSTEM: [id: string, name: string, type: string, items?: string][] = [
  ['summary', 'Summary', 'string'],
  ['status', 'Status', 'status'],
  ['issuetype', 'Issue Type', 'issuetype'],
  ['project', 'Project', 'project'],
  ['resolution', 'Resolution', 'resolution'],
  ['resolutiondate', 'Resolved', 'datetime'],
  ['assignee', 'Assignee', 'user'],
  ['reporter', 'Reporter', 'user'],
  ['creator', 'Creator', 'user'],
  ['priority', 'Priority', 'priority'],
  ['labels', 'Labels', 'array', 'string'],
  ['duedate', 'Due date', 'date'],
  ['created', 'Created', 'datetime'],
  ['updated', 'Updated', 'datetime'],
  ['statuscategorychangedate', 'Status Category Changed', 'datetime'],
  ['description', 'Description', 'string'],
  ['subtasks', 'Sub-tasks', 'array', 'issuelinks'],
  ['issuelinks', 'Linked Issues', 'array', 'issuelinks'],
  ['parent', 'Parent', 'issuelink'],
];

export function fieldDefinitions(ids: CustomFieldIds): Json[] {
  const system = SYSTEM.map(([id, name, type, items]) => ({
    id,
    key: id,
    name,
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [id],
    schema: { type, system: id, ...(items ? { items } : {}) },
  }));
  const custom = (id: string, name: string, schema: Json): Json => {
    const number = Number(id.replace('customfield_', ''));
    return {
      id,
      key: id,
      name,
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: [`cf[${number}]`, name],
      schema: { ...schema, customId: number },
    };
  };
  return [
    ...system,
    custom(ids.storyPoints, 'Story Points', {
      type: 'number',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
    }),
    custom(ids.storyPointEstimate, 'Story point estimate', {
      type: 'number',
      custom: 'com.pyxis.greenhopper.jira:jsw-story-points',
    }),
    custom(ids.epicLink, 'Epic Link', {
      type: 'any',
      custom: 'com.pyxis.greenhopper.jira:gh-epic-link',
    }),
    custom(ids.sprint, 'Sprint', {
      type: 'array',
      items: 'json',
      custom: 'com.pyxis.greenhopper.jira:gh-sprint',
    }),
    custom(ids.rank, 'Rank', { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank' }),
    custom(ids.epicName, 'Epic Name', {
      type: 'string',
      custom: 'com.pyxis.greenhopper.jira:gh-epic-label',
    }),
    custom(ids.startDate, 'Start date', {
      type: 'date',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker',
    }),
    custom(ids.legacyPoints, 'Story Points (old, text)', {
      type: 'string',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
    }),
  ];
}
