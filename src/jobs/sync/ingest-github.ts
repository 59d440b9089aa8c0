/**
 * Ingest of one GitHub list page (see `sync-github`), in one transaction. A full run (`--full`,
 * or a whole read of this list that `sync-start` found due) reads every page and marks what it
 * did not see removed at the end; an incremental run stops at the first page that reaches below
 * the watermark, or at once on `304 Not Modified`. The first page's ETag and the new watermark
 * (newest `updated_at` stored) are saved only when the unit is complete, so a failure half-way
 * can never hide changes behind a 304 next time.
 */
import { GitHubItemStore } from '../../db/repositories/github-items.js';
import { QuarantineStore } from '../../db/repositories/quarantine.js';
import { RateLimitStore } from '../../db/repositories/rate-limits.js';
import { SourceCursorStore } from '../../db/repositories/source-cursors.js';
import type { JobContext, JobRequest } from '../types.js';
import type { IngestPagePayload, PageCounts } from './payloads.js';
import { jobRequest, rollupRequest } from './sources.js';

type Payload = Extract<IngestPagePayload, { kind: 'github-page' }>;

export function ingestGitHubPage(
  payload: Payload,
  ctx: JobContext,
): { counts: PageCounts; next: JobRequest[] } {
  const db = ctx.db();
  const store = GitHubItemStore.for(db);
  const cursors = SourceCursorStore.for(db);
  const quarantine = QuarantineStore.for(db);
  const now = ctx.clock.now().toISOString();
  const { unit, run } = payload;
  return db.$client.transaction(() => {
    if (payload.budget) RateLimitStore.for(db).record(payload.budget);
    const issues = store.upsertIssues(payload.issues, now);
    const pulls = store.upsertPulls(payload.pulls, now);
    quarantine.record(
      payload.quarantined.map((q) => ({ ...q, unit: `github:${unit.id}` })),
      now,
    );
    quarantine.resolve(
      'github',
      [...payload.issues, ...payload.pulls].map((i) => `${i.repo}#${i.number}`),
      now,
    );
    if (run.full)
      store.markSeen(
        unit.id,
        [...payload.issues, ...payload.pulls].map((i) => i.id),
      );
    let removed = 0;
    const next: JobRequest[] = [];
    const reachedWatermark =
      !run.full &&
      payload.watermark !== null &&
      payload.oldestUpdatedAt !== null &&
      payload.oldestUpdatedAt < payload.watermark;
    if (!payload.notModified && payload.next !== null && !reachedWatermark) {
      next.push(
        jobRequest({
          queue: 'sync',
          name: 'sync-github',
          payload: {
            run,
            unit,
            watermark: payload.watermark,
            url: payload.next,
            ifNoneMatch: null,
            firstEtag: payload.firstEtag,
          },
        }),
      );
    } else {
      if (run.full)
        removed = store.finishFullRun({ unit: unit.id, repo: unit.repo, kind: unit.kind, now });
      if (payload.firstEtag !== null)
        cursors.saveEtag('github', unit.id, unit.kind, payload.firstEtag, now);
      cursors.finish('github', unit.id, store.watermark(unit.repo, unit.kind), now, run.full);
      if (!payload.notModified && store.changedSince(unit.repo, unit.kind, run.startedAt)) {
        next.push(rollupRequest(unit.projectIds));
      }
    }
    const fetched = payload.issues.length + payload.pulls.length + payload.quarantined.length;
    return {
      counts: {
        source: 'github' as const,
        unit: unit.id,
        fetched,
        written: issues.written + pulls.written,
        unchanged: issues.unchanged + pulls.unchanged,
        removed,
        quarantined: payload.quarantined.length,
      },
      next,
    };
  })();
}
