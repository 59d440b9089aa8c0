/**
 * `sync-start`: plans one sync run. Jira starts with one fetch of the site facts and clock
 * (its ingest plans the Jira units, which need the Epic Link field and the server time); each
 * GitHub list starts at its first page, conditional on the stored ETag when incremental. A
 * full run (`--full`) ignores cursors and ETags and marks what it does not see as removed.
 * Incremental GitHub runs stop at the watermark, so they cannot see deleted or transferred items:
 * a list never read whole, or last read whole `sync.githubSweepHours` ago or more, is read whole
 * in this run (as in a full run, for that list only). Runs where the database lives (reads
 * cursors).
 */
import { z } from 'zod';
import { GitHubItemStore } from '../db/repositories/github-items.js';
import { SourceCursorStore, type SourceCursor } from '../db/repositories/source-cursors.js';
import type { JobDefinition } from './types.js';
import { SourceName, type SyncRun } from './sync/payloads.js';
import { jobRequest, type SyncSources } from './sync/sources.js';
import { planGitHubUnits } from './sync/units.js';

export const SyncStartPayload = z.object({
  full: z.boolean().default(false),
  sources: z.array(SourceName).min(1).default(['jira', 'github']),
});
export type SyncStartPayload = z.infer<typeof SyncStartPayload>;

export interface SyncStartResult {
  run: SyncRun;
  sources: ('jira' | 'github')[];
}

/**
 * Is a whole read of a GitHub list due? Never read whole (a first run reads every page anyway),
 * or last read whole at least `sweepMs` ago; `sweepMs` 0: only full runs read whole.
 */
export function sweepDue(
  cursor: Pick<SourceCursor, 'watermark' | 'fullReadAt'> | null,
  now: string,
  sweepMs: number,
): boolean {
  if (cursor?.watermark == null) return true;
  if (sweepMs === 0) return false;
  return cursor.fullReadAt === null || Date.parse(now) - Date.parse(cursor.fullReadAt) >= sweepMs;
}

export function createSyncStartJob(
  sources: SyncSources,
): JobDefinition<SyncStartPayload, SyncStartResult> {
  return {
    name: 'sync-start',
    queue: 'ingest',
    payload: SyncStartPayload,
    async handle(payload, ctx) {
      const run: SyncRun = { full: payload.full, startedAt: ctx.clock.now().toISOString() };
      const started: ('jira' | 'github')[] = [];
      if (payload.sources.includes('jira') && sources.jira !== null) {
        started.push('jira');
        await ctx.enqueue(
          jobRequest({ queue: 'sync', name: 'sync-jira', payload: { step: 'site', run } }),
        );
      }
      if (payload.sources.includes('github') && sources.github !== null) {
        started.push('github');
        const db = ctx.db();
        const cursors = SourceCursorStore.for(db);
        const items = GitHubItemStore.for(db);
        const sweepMs = ctx.config.sync.githubSweepHours * 3_600_000;
        for (const unit of planGitHubUnits(ctx.hierarchy)) {
          const cursor = run.full ? null : cursors.get('github', unit.id);
          const whole = run.full || sweepDue(cursor, run.startedAt, sweepMs);
          if (whole) items.resetSeen(unit.id);
          const watermark = whole ? null : (cursor?.watermark ?? null);
          await ctx.enqueue(
            jobRequest({
              queue: 'sync',
              name: 'sync-github',
              payload: {
                run: whole ? { ...run, full: true } : run,
                unit,
                watermark,
                url: null,
                ifNoneMatch: watermark !== null ? (cursor?.etags[unit.kind] ?? null) : null,
                firstEtag: null,
              },
            }),
          );
        }
      }
      ctx.logger.info({ full: run.full, sources: started }, 'sync run planned');
      return { run, sources: started };
    },
  };
}
