/**
 * `write-summaries` (queue `writeback`): creates or updates the sticky status comment on every
 * configured Jira epic / GitHub tracking issue from the latest rollup snapshots. Idempotent: an
 * unchanged summary makes no write, so a retried or duplicated job costs reads only.
 *
 * The Jira and GitHub clients are built by the composition root and handed in through `ports`, so
 * the handler itself opens no connection.
 */
import { z } from 'zod';
import { NodeId } from '../config/schema.js';
import { githubWebUrl, type SiteUrls } from '../writeback/render/links.js';
import {
  writeSummaries,
  type CommentPorts,
  type WriteSummariesReport,
} from '../writeback/write-summaries.js';
import type { JobContext, JobDefinition } from './types.js';

export const WriteSummariesPayload = z.strictObject({
  /** Only these nodes' comments (default: every target in config). */
  nodeIds: z.array(NodeId).optional(),
  /** Plan and diff, write nothing. */
  dryRun: z.boolean().optional(),
});
export type WriteSummariesPayload = z.infer<typeof WriteSummariesPayload>;

export interface WriteSummariesDeps {
  /** The comment adapters for this run (null for a site that is not configured). */
  ports(ctx: JobContext): CommentPorts;
}

export function siteUrls(config: JobContext['config']): SiteUrls {
  return {
    jira: config.jira?.baseUrl ?? null,
    githubWeb: config.github ? (config.github.webUrl ?? githubWebUrl(config.github.baseUrl)) : null,
  };
}

export const WRITE_SUMMARIES = 'write-summaries';

export function createWriteSummariesJob(
  deps: WriteSummariesDeps,
): JobDefinition<WriteSummariesPayload, WriteSummariesReport> {
  return {
    name: WRITE_SUMMARIES,
    queue: 'writeback',
    payload: WriteSummariesPayload,
    async handle(payload, ctx) {
      const dryRun = payload.dryRun ?? false;
      if (!ctx.config.writeback.enabled) {
        ctx.logger.info('write-back is disabled in config (writeback.enabled: false)');
        return { dryRun, targets: [], writes: 0 };
      }
      return writeSummaries({
        db: ctx.db(),
        hierarchy: ctx.hierarchy,
        ports: deps.ports(ctx),
        sites: siteUrls(ctx.config),
        recreateDeleted: ctx.config.writeback.recreateDeleted,
        dryRun,
        clock: ctx.clock,
        logger: ctx.logger,
        ...(payload.nodeIds ? { nodeIds: payload.nodeIds } : {}),
        signal: ctx.signal,
      });
    },
  };
}
