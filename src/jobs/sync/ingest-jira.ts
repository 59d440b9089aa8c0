/**
 * Ingest of the Jira steps (see `sync-jira`). Each page is written in one transaction; the next
 * request is decided from the database after the commit, so re-running a page (BullMQ may) gives
 * the same rows and the same next step.
 *
 * Order of a unit: search pages → changelogs of the issues whose `updated` moved since their
 * transitions were read (1000 per bulk call) → the removal sweep over the unit's ids (ascending,
 * so each page settles the id range it covers) → cursor saved (watermark = the site's clock at
 * the run's start) → rollup of the affected projects, if anything changed.
 */
import { JiraIssueStore } from '../../db/repositories/jira-issues.js';
import { QuarantineStore } from '../../db/repositories/quarantine.js';
import { SourceCursorStore } from '../../db/repositories/source-cursors.js';
import { JIRA_LIMITS } from '../../sources/jira/source.js';
import type { JobContext, JobRequest } from '../types.js';
import type { IngestPagePayload, JiraRun, JiraUnit, PageCounts, SyncRun } from './payloads.js';
import { jobRequest, rollupRequest } from './sources.js';
import { planJiraUnits } from './units.js';

type Payload<K extends IngestPagePayload['kind']> = Extract<IngestPagePayload, { kind: K }>;

interface UnitState {
  run: SyncRun;
  unit: JiraUnit;
  jira: JiraRun;
}

function fetchRequest(payload: Record<string, unknown>): JobRequest {
  return jobRequest({ queue: 'sync', name: 'sync-jira', payload });
}

function counts(unit: string, partial: Partial<PageCounts> = {}): PageCounts {
  return {
    source: 'jira',
    unit,
    fetched: 0,
    written: 0,
    unchanged: 0,
    removed: 0,
    quarantined: 0,
    ...partial,
  };
}

/** After the search pages: the next changelog batch, or the sweep. */
function afterSearch(store: JiraIssueStore, state: UnitState): JobRequest {
  const ids = store.pendingChangelogIds(state.unit.id, JIRA_LIMITS.changelogIssues);
  if (ids.length > 0)
    return fetchRequest({ step: 'changelog', ...state, token: null, issueIds: ids });
  store.clearChangelogDue(state.unit.id);
  return fetchRequest({ step: 'sweep', ...state, token: null, afterId: null });
}

export function ingestJiraSite(payload: Payload<'jira-site'>, ctx: JobContext): JobRequest[] {
  const db = ctx.db();
  const cursors = SourceCursorStore.for(db);
  const store = JiraIssueStore.for(db);
  const now = ctx.clock.now().toISOString();
  const units = planJiraUnits(ctx.hierarchy, payload.epicLinkField);
  const planned = new Set(units.map((u) => u.id));
  const requests: JobRequest[] = [];
  db.$client.transaction(() => {
    for (const old of store.units()) {
      if (!planned.has(old)) store.dropUnit(old, now);
    }
    const overlapMs = ctx.config.sync.overlapMinutes * 60_000;
    for (const unit of units) {
      const cursor = payload.run.full ? null : cursors.get('jira', unit.id);
      const watermark = cursor?.watermark ?? null;
      const since =
        watermark !== null ? new Date(Date.parse(watermark) - overlapMs).toISOString() : null;
      cursors.start('jira', unit.id, payload.serverTime, now);
      requests.push(
        fetchRequest({
          step: 'search',
          run: payload.run,
          unit,
          jira: { serverTime: payload.serverTime, since, timeZone: payload.timeZone },
          token: null,
        }),
      );
    }
  })();
  return requests;
}

export function ingestJiraIssues(
  payload: Payload<'jira-issues'>,
  ctx: JobContext,
): { counts: PageCounts; next: JobRequest[] } {
  const db = ctx.db();
  const store = JiraIssueStore.for(db);
  const quarantine = QuarantineStore.for(db);
  const cursors = SourceCursorStore.for(db);
  const now = ctx.clock.now().toISOString();
  const state = { run: payload.run, unit: payload.unit, jira: payload.jira };
  return db.$client.transaction(() => {
    const result = store.upsertIssues(payload.issues, {
      unit: payload.unit.id,
      now,
      runStartedAt: payload.run.startedAt,
    });
    if (result.written > 0 || result.writtenThisRun > 0)
      cursors.markChanged('jira', payload.unit.id, now);
    quarantine.record(
      payload.quarantined.map((q) => ({ ...q, unit: `jira:${payload.unit.id}` })),
      now,
    );
    quarantine.resolve(
      'jira',
      payload.issues.map((i) => i.id),
      now,
    );
    const next =
      payload.token !== null
        ? fetchRequest({ step: 'search', ...state, token: payload.token })
        : afterSearch(store, state);
    return {
      counts: counts(payload.unit.id, {
        fetched: payload.issues.length + payload.quarantined.length,
        written: result.written,
        unchanged: result.unchanged,
        quarantined: payload.quarantined.length,
      }),
      next: [next],
    };
  })();
}

export function ingestJiraChangelogs(
  payload: Payload<'jira-changelogs'>,
  ctx: JobContext,
): { counts: PageCounts; next: JobRequest[] } {
  const db = ctx.db();
  const store = JiraIssueStore.for(db);
  const now = ctx.clock.now().toISOString();
  const state = { run: payload.run, unit: payload.unit, jira: payload.jira };
  return db.$client.transaction(() => {
    const inserted = store.saveTransitions(payload.changelogs);
    if (inserted > 0) SourceCursorStore.for(db).markChanged('jira', payload.unit.id, now);
    let next: JobRequest;
    if (payload.token !== null) {
      next = fetchRequest({
        step: 'changelog',
        ...state,
        token: payload.token,
        issueIds: payload.issueIds,
      });
    } else {
      store.markChangelogsRead(payload.unit.id, payload.issueIds);
      next = afterSearch(store, state);
    }
    return { counts: counts(payload.unit.id, { written: inserted }), next: [next] };
  })();
}

export function ingestJiraIds(
  payload: Payload<'jira-ids'>,
  ctx: JobContext,
): { counts: PageCounts; next: JobRequest[] } {
  const db = ctx.db();
  const store = JiraIssueStore.for(db);
  const cursors = SourceCursorStore.for(db);
  const now = ctx.clock.now().toISOString();
  const state = { run: payload.run, unit: payload.unit, jira: payload.jira };
  return db.$client.transaction(() => {
    const lastId = payload.token !== null ? (payload.ids.at(-1) ?? payload.afterId) : null;
    const { removed, left } = store.sweepRange({
      unit: payload.unit.id,
      listed: payload.ids,
      afterId: payload.afterId,
      lastId,
      now,
    });
    if (left > 0) cursors.markChanged('jira', payload.unit.id, now);
    const next: JobRequest[] = [];
    if (payload.token !== null) {
      next.push(fetchRequest({ step: 'sweep', ...state, token: payload.token, afterId: lastId }));
    } else {
      cursors.finish('jira', payload.unit.id, payload.jira.serverTime, now);
      if (cursors.changedSince('jira', payload.unit.id, payload.run.startedAt)) {
        next.push(rollupRequest(payload.unit.projectIds));
      }
    }
    return { counts: counts(payload.unit.id, { removed }), next };
  })();
}
