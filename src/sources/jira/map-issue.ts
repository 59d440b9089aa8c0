/**
 * A validated Jira issue → northstar's `JiraIssue`. Pure. Only the status *category* is
 * trusted (names vary per site; "Won't Do" is done), timestamps become UTC, and the custom
 * fields (story points, Epic Link) are read at the ids the site discovery found.
 */
import type { JiraIssue, JiraIssueLink, QuarantinedItem } from '../../domain/items.js';
import { toIsoUtc } from '../timestamps.js';
import { toStatusCategory } from './status-category.js';
import { JiraIssueBean } from './schema.js';
import type { JiraSiteFields } from './site.js';

/** The id or key of a raw hit, as far as it can be read (for quarantine records). */
export function rawIssueRef(raw: unknown): string {
  if (raw && typeof raw === 'object') {
    const r = raw as { id?: unknown; key?: unknown };
    if (typeof r.id === 'string' || typeof r.id === 'number') return String(r.id);
    if (typeof r.key === 'string') return r.key;
  }
  return 'unknown';
}

function links(bean: JiraIssueBean): JiraIssueLink[] {
  const out: JiraIssueLink[] = [];
  for (const link of bean.fields.issuelinks ?? []) {
    // "A is blocked by B" is on A as {type: Blocks, inwardIssue: B} and on B as outwardIssue A.
    if (link.type.name.toLowerCase() !== 'blocks') continue;
    const other = link.inwardIssue ?? link.outwardIssue;
    if (!other) continue;
    const category = other.fields?.status?.statusCategory.key;
    out.push({
      direction: link.inwardIssue ? 'is_blocked_by' : 'blocks',
      otherId: other.id,
      otherKey: other.key,
      otherStatusCategory: category ? toStatusCategory(category) : null,
    });
  }
  return out;
}

function firstNumber(fields: Record<string, unknown>, ids: readonly string[]): number | null {
  for (const id of ids) {
    const value = fields[id];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

export type MappedIssue =
  | { ok: true; issue: JiraIssue }
  | { ok: false; quarantined: Omit<QuarantinedItem, 'unit'> & { payload: string } };

export function mapJiraIssue(raw: unknown, site: JiraSiteFields): MappedIssue {
  const parsed = JiraIssueBean.safeParse(raw);
  const fail = (reason: string): MappedIssue => ({
    ok: false,
    quarantined: {
      source: 'jira',
      itemRef: rawIssueRef(raw),
      reason,
      payload: JSON.stringify(raw).slice(0, 4000),
    },
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return fail(`${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
  }
  const bean = parsed.data;
  const f = bean.fields;
  const created = toIsoUtc(f.created);
  const updated = toIsoUtc(f.updated);
  if (created === null || updated === null) return fail('fields.created/updated: not a timestamp');
  const extra = raw as { fields: Record<string, unknown> };
  const epicLink = site.epicLink !== null ? extra.fields[site.epicLink] : null;
  return {
    ok: true,
    issue: {
      id: bean.id,
      key: bean.key,
      projectKey: f.project.key,
      issueType: f.issuetype.name,
      isEpic: f.issuetype.hierarchyLevel === 1 || f.issuetype.name === 'Epic',
      summary: f.summary,
      status: f.status.name,
      statusCategory: toStatusCategory(f.status.statusCategory.key),
      resolution: f.resolution?.name ?? null,
      assignee: f.assignee
        ? { accountId: f.assignee.accountId, displayName: f.assignee.displayName ?? '' }
        : null,
      priority: f.priority?.name ?? null,
      labels: f.labels ?? [],
      storyPoints: firstNumber(extra.fields, site.storyPoints),
      dueDate: f.duedate ?? null,
      created,
      updated,
      resolved: f.resolutiondate ? toIsoUtc(f.resolutiondate) : null,
      parentId: f.parent?.id ?? null,
      parentKey: f.parent?.key ?? null,
      epicLinkKey: typeof epicLink === 'string' ? epicLink : null,
      links: links(bean),
      transitions: [],
    },
  };
}
