/**
 * Changelog JSON as Jira writes it: one history per change group, items with `field`,
 * `fieldtype`, `fieldId`, `from`/`to` (ids; `null` when there is none — which the official
 * spec, declaring strings, gets wrong) and `fromString`/`toString` (display values).
 */
import { ChangeField } from '../store/changes.js';
import type { HistoryRef } from '../store/store.js';
import type { IssueRecord } from '../store/types.js';
import { dayString } from '../time.js';
import type { Json, RenderContext } from './context.js';

export function renderHistory(ctx: RenderContext, history: HistoryRef): Json {
  return {
    id: String(history.id),
    author: ctx.user(history.author),
    created: ctx.time.timestamp(history.at),
    items: history.rows.map((row) => renderItem(ctx, row)),
  };
}

/**
 * The inline `changelog` of `expand=changelog`: at most `max` histories, the most recent first
 * ("Returns a list of recent updates to an issue, sorted by date, starting from the most
 * recent"), with `total` telling the client how many there are to page through.
 */
export function renderInlineChangelog(ctx: RenderContext, issue: IssueRecord, max: number): Json {
  const all = ctx.store.historiesOf(issue);
  const recent = all.slice(Math.max(0, all.length - max)).reverse();
  return {
    startAt: 0,
    maxResults: recent.length,
    total: all.length,
    histories: recent.map((h) => renderHistory(ctx, h)),
  };
}

/** Jira field ids of the changelog fields, for `/changelog/bulkfetch` `fieldIds` filters. */
export function changeFieldId(ctx: RenderContext, code: number): string {
  const f = ctx.store.site.fields;
  switch (code) {
    case ChangeField.storyPoints:
      return f.storyPoints;
    case ChangeField.storyPointEstimate:
      return f.storyPointEstimate;
    case ChangeField.epicLink:
      return f.epicLink;
    default:
      return FIELD_IDS[code] ?? 'unknown';
  }
}

const FIELD_IDS: Record<number, string> = {
  [ChangeField.status]: 'status',
  [ChangeField.resolution]: 'resolution',
  [ChangeField.assignee]: 'assignee',
  [ChangeField.duedate]: 'duedate',
  [ChangeField.labels]: 'labels',
  [ChangeField.summary]: 'summary',
  [ChangeField.key]: 'key',
  [ChangeField.project]: 'project',
  [ChangeField.parent]: 'IssueParentAssociation',
  [ChangeField.link]: 'issuelinks',
};

function renderItem(ctx: RenderContext, row: number): Json {
  const t = ctx.store.changes;
  const code = t.field(row);
  const from = t.from(row);
  const to = t.to(row);
  const site = ctx.store.site;
  const jira = (
    field: string,
    values: [string | null, string | null, string | null, string | null],
  ): Json => ({
    field,
    fieldtype: 'jira',
    fieldId: FIELD_IDS[code],
    from: values[0],
    fromString: values[1],
    to: values[2],
    toString: values[3],
  });
  switch (code) {
    case ChangeField.status: {
      const a = site.statuses[from];
      const b = site.statuses[to];
      return jira('status', [a?.id ?? null, a?.name ?? null, b?.id ?? null, b?.name ?? null]);
    }
    case ChangeField.resolution: {
      const a = site.resolutions[from];
      const b = site.resolutions[to];
      return jira('resolution', [a?.id ?? null, a?.name ?? null, b?.id ?? null, b?.name ?? null]);
    }
    case ChangeField.assignee: {
      const a = site.users[from];
      const b = site.users[to];
      return jira('assignee', [
        a?.accountId ?? null,
        a?.displayName ?? null,
        b?.accountId ?? null,
        b?.displayName ?? null,
      ]);
    }
    case ChangeField.storyPoints:
    case ChangeField.storyPointEstimate:
      return {
        field: code === ChangeField.storyPoints ? 'Story Points' : 'Story point estimate',
        fieldtype: 'custom',
        fieldId: changeFieldId(ctx, code),
        from: null,
        fromString: numberText(from),
        to: null,
        toString: numberText(to),
      };
    case ChangeField.duedate:
      return jira('duedate', [
        dayOrNull(from),
        dayOrNull(from) === null ? null : `${dayString(from)} 00:00:00.0`,
        dayOrNull(to),
        dayOrNull(to) === null ? null : `${dayString(to)} 00:00:00.0`,
      ]);
    case ChangeField.labels:
    case ChangeField.summary:
      return jira(code === ChangeField.labels ? 'labels' : 'summary', [
        null,
        t.textAt(from),
        null,
        t.textAt(to),
      ]);
    case ChangeField.key:
      return {
        field: 'Key',
        fieldtype: 'jira',
        from: null,
        fromString: t.textAt(from),
        to: null,
        toString: t.textAt(to),
      };
    case ChangeField.project: {
      const a = site.projects[from];
      const b = site.projects[to];
      return jira('project', [a?.id ?? null, a?.name ?? null, b?.id ?? null, b?.name ?? null]);
    }
    case ChangeField.parent:
    case ChangeField.epicLink: {
      const a = Number.isNaN(from) ? undefined : ctx.store.issues[from];
      const b = Number.isNaN(to) ? undefined : ctx.store.issues[to];
      const values: [string | null, string | null, string | null, string | null] = [
        a ? ctx.store.idOf(a) : null,
        a ? ctx.store.keyOf(a) : null,
        b ? ctx.store.idOf(b) : null,
        b ? ctx.store.keyOf(b) : null,
      ];
      if (code === ChangeField.parent) return jira('IssueParentAssociation', values);
      return {
        field: 'Epic Link',
        fieldtype: 'custom',
        fieldId: site.fields.epicLink,
        from: values[0],
        fromString: values[1],
        to: values[2],
        toString: values[3],
      };
    }
    default:
      return jira('Link', [null, t.textAt(from), null, t.textAt(to)]);
  }
}

function numberText(value: number): string | null {
  return Number.isNaN(value) ? null : String(value);
}

function dayOrNull(day: number): string | null {
  return Number.isNaN(day) ? null : dayString(day);
}
