/**
 * `sync-jira`: fetches ONE page of one Jira source unit — no database, so any worker anywhere
 * can run it — and hands it to `ingest-page`. Steps of a unit: `search` (issues changed since
 * the watermark, 100 per page with an explicit `fields` list), `changelog` (status histories of
 * up to 1000 issues per bulk call), `sweep` (every id the unit selects, 5000 per page, to find
 * removals). The `site` step reads the site facts and clock once per run.
 */
import { TransientError } from '../lib/errors/index.js';
import { orderedById, updatedSinceJql } from '../sources/jira/jql.js';
import { toIsoUtc } from '../sources/timestamps.js';
import type { JobDefinition } from './types.js';
import { SyncJiraPayload, type IngestPagePayload } from './sync/payloads.js';
import { jobRequest, type SyncSources } from './sync/sources.js';

function ingest(payload: IngestPagePayload) {
  return jobRequest({ queue: 'ingest', name: 'ingest-page', payload });
}

export function createSyncJiraJob(
  sources: SyncSources,
): JobDefinition<SyncJiraPayload, { fetched: number }> {
  return {
    name: 'sync-jira',
    queue: 'sync',
    payload: SyncJiraPayload,
    async handle(payload, ctx) {
      const jira = sources.jira;
      if (jira === null) throw new Error('sync-jira: no jira section in the config');
      if (payload.step === 'site') {
        const site = await jira.site();
        const serverTime = await jira.serverTime();
        const now =
          (serverTime !== null ? toIsoUtc(serverTime) : null) ?? ctx.clock.now().toISOString();
        await ctx.enqueue(
          ingest({
            kind: 'jira-site',
            run: payload.run,
            serverTime: now,
            timeZone: site.timeZone,
            epicLinkField: site.epicLink,
          }),
        );
        return { fetched: 0 };
      }
      const { unit, jira: run, token } = payload;
      return sources.meter.run(`jira:${unit.id}`, async () => {
        if (payload.step === 'search') {
          const jql =
            run.since !== null
              ? updatedSinceJql(unit.scope, new Date(run.since), run.timeZone)
              : orderedById(unit.scope);
          const page = await jira.searchIssues(jql, token);
          ctx.progress({ label: `jira ${unit.id}`, done: page.issues.length });
          await ctx.enqueue(
            ingest({
              kind: 'jira-issues',
              run: payload.run,
              unit,
              jira: run,
              token: page.nextPageToken,
              issues: page.issues,
              quarantined: page.quarantined,
            }),
          );
          return { fetched: page.issues.length + page.quarantined.length };
        }
        if (payload.step === 'changelog') {
          const page = await jira.statusChangelogs(payload.issueIds, token);
          if (page.nextPageToken !== null && page.nextPageToken === token) {
            throw new TransientError('jira', 'changelog/bulkfetch returned the same page token');
          }
          await ctx.enqueue(
            ingest({
              kind: 'jira-changelogs',
              run: payload.run,
              unit,
              jira: run,
              token: page.nextPageToken,
              issueIds: payload.issueIds,
              changelogs: page.changelogs,
            }),
          );
          return { fetched: page.changelogs.length };
        }
        const page = await jira.listIssueIds(orderedById(unit.scope), token);
        await ctx.enqueue(
          ingest({
            kind: 'jira-ids',
            run: payload.run,
            unit,
            jira: run,
            token: page.nextPageToken,
            afterId: payload.afterId,
            ids: page.ids,
          }),
        );
        return { fetched: page.ids.length };
      });
    },
  };
}
