/**
 * `sync-github`: fetches ONE page of one GitHub list (a repository's issues or pulls) — no
 * database — and hands it to `ingest-page`. The first page of an incremental run is conditional
 * (`If-None-Match`); a 304 travels on as "not modified".
 */
import type { JobDefinition } from './types.js';
import { SyncGitHubPayload } from './sync/payloads.js';
import { jobRequest, type SyncSources } from './sync/sources.js';

export function createSyncGitHubJob(
  sources: SyncSources,
): JobDefinition<SyncGitHubPayload, { fetched: number; notModified: boolean }> {
  return {
    name: 'sync-github',
    queue: 'sync',
    payload: SyncGitHubPayload,
    async handle(payload, ctx) {
      const github = sources.github;
      if (github === null) throw new Error('sync-github: no github section in the config');
      const projectKeys = new Set(
        sources.jira !== null ? (await sources.jira.site()).projectKeys : [],
      );
      const { unit } = payload;
      const meterUnit = `github:${unit.id}`;
      const page = await sources.meter.run(meterUnit, () =>
        github.listPage({
          meterUnit,
          repo: unit.repo,
          kind: unit.kind,
          url: payload.url,
          ifNoneMatch: payload.url === null ? payload.ifNoneMatch : null,
          projectKeys,
        }),
      );
      const first = payload.url === null;
      ctx.progress({ label: `github ${unit.id}`, done: page.issues.length + page.pulls.length });
      await ctx.enqueue(
        jobRequest({
          queue: 'ingest',
          name: 'ingest-page',
          payload: {
            kind: 'github-page',
            run: payload.run,
            unit,
            watermark: payload.watermark,
            first,
            notModified: page.notModified,
            issues: page.issues,
            pulls: page.pulls,
            quarantined: page.quarantined,
            next: page.next,
            firstEtag: first ? page.etag : payload.firstEtag,
            oldestUpdatedAt: page.oldestUpdatedAt,
            budget: sources.budgets.get('github') ?? null,
          },
        }),
      );
      return { fetched: page.issues.length + page.pulls.length, notModified: page.notModified };
    },
  };
}
