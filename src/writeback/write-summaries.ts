/**
 * Writes (or, in a dry run, plans) every summary comment: for each target, render the node's
 * latest rollup for the target's site and hand it to the sticky-comment logic.
 *
 * Errors: a problem with one target that retrying cannot fix (issue not found, no permission,
 * write rejected) is reported for that target and the others go on. Anything retryable (rate
 * limit, 5xx, network) or global (bad credentials) is thrown, so the queue retries or delays the
 * whole job; targets written before it are unchanged next time and cost no write.
 */
import type { Db } from '../db/open.js';
import type { Hierarchy } from '../domain/hierarchy.js';
import type { Clock } from '../lib/clock.js';
import { NotFoundError, PermissionError } from '../lib/errors/index.js';
import type { Logger } from '../lib/logger.js';
import type { CommentPort } from './comment-port.js';
import { CommentStore } from './comment-store.js';
import { unifiedDiff } from './diff.js';
import { RejectedWriteError } from './errors/rejected-write-error.js';
import { readableBody, renderComment } from './render/index.js';
import type { SiteUrls } from './render/links.js';
import { buildCommentModel, type ChildSummary } from './render/model.js';
import { latestSnapshots, weekBefore, type SnapshotRow } from './snapshot-reader.js';
import { ensureStickyComment, type StickyAction } from './sticky-comment.js';
import { planTargets, type CommentTarget, type NodePlace } from './targets.js';

export interface CommentPorts {
  jira: CommentPort | null;
  github: CommentPort | null;
}

export interface WriteSummariesOptions {
  db: Db;
  hierarchy: Hierarchy;
  ports: CommentPorts;
  sites: SiteUrls;
  recreateDeleted: boolean;
  dryRun: boolean;
  clock: Clock;
  logger: Logger;
  /** Only these nodes' targets (default: all). */
  nodeIds?: readonly string[];
  /** Stops between targets when aborted (graceful shutdown). */
  signal?: AbortSignal;
}

export interface TargetReport {
  target: string;
  kind: 'jira' | 'github';
  nodeId: string;
  action: StickyAction;
  commentId: string | null;
  reason: string;
  writes: number;
  /** Set when this target failed and was skipped. */
  error?: string;
  /** Dry runs: unified diff of the readable body, before → after ('' when equal). */
  diff?: string;
}

export interface WriteSummariesReport {
  dryRun: boolean;
  targets: TargetReport[];
  /** Write requests made (create, update, delete). */
  writes: number;
}

function isTargetProblem(error: unknown): error is Error {
  return (
    error instanceof NotFoundError ||
    error instanceof PermissionError ||
    error instanceof RejectedWriteError
  );
}

function childSummaries(place: NodePlace, latest: Map<string, SnapshotRow>): ChildSummary[] {
  return place.children.flatMap((id) => {
    const child = latest.get(id);
    return child ? [{ name: child.rollup.name, health: child.rollup.health }] : [];
  });
}

function skipped(t: CommentTarget, reason: string, error?: string): TargetReport {
  return { ...t, action: 'skip', commentId: null, reason, writes: 0, ...(error ? { error } : {}) };
}

export async function writeSummaries(
  options: WriteSummariesOptions,
): Promise<WriteSummariesReport> {
  const { db, clock, logger, dryRun } = options;
  const plan = planTargets(options.hierarchy);
  for (const conflict of plan.conflicts) {
    logger.warn(conflict, 'several nodes name the same comment target; the first one gets it');
  }
  const wanted = options.nodeIds ? new Set(options.nodeIds) : null;
  const latest = latestSnapshots(db);
  const previous = weekBefore(db, latest);
  const store = new CommentStore(db);
  const reports: TargetReport[] = [];

  for (const t of plan.targets) {
    if (wanted && !wanted.has(t.nodeId)) continue;
    if (options.signal?.aborted) {
      logger.info({ done: reports.length }, 'write-back interrupted by shutdown');
      break;
    }
    const snapshot = latest.get(t.nodeId);
    const place = plan.places.get(t.nodeId);
    const port = options.ports[t.kind];
    if (!snapshot || !place) {
      reports.push(skipped(t, 'no rollup for this node yet'));
      continue;
    }
    if (!port) {
      reports.push(skipped(t, `${t.kind} is not configured`));
      continue;
    }
    const before = previous.get(t.nodeId);
    const model = buildCommentModel({
      rollup: snapshot.rollup,
      previous: before ? { day: before.day, rollup: before.rollup } : null,
      program: place.program,
      bet: place.bet,
      children: childSummaries(place, latest),
      sites: options.sites,
      dataAsOf: snapshot.computedAt,
    });
    const comment = renderComment(t.kind, model);
    try {
      const result = await ensureStickyComment({
        port,
        store,
        target: t.target,
        comment,
        recreateDeleted: options.recreateDeleted,
        dryRun,
        clock,
      });
      const report: TargetReport = {
        target: result.target,
        kind: result.kind,
        nodeId: result.nodeId,
        action: result.action,
        commentId: result.commentId,
        reason: result.reason,
        writes: result.writes,
      };
      if (dryRun) {
        report.diff =
          result.action === 'skip'
            ? ''
            : unifiedDiff(
                result.before === null ? '' : readableBody(t.kind, result.before),
                readableBody(t.kind, result.after),
                {
                  fromLabel: `${t.target} (${result.commentId ?? 'no comment'})`,
                  toLabel: `${t.target} (new)`,
                },
              );
      }
      logger.info({ ...t, action: report.action, reason: report.reason }, 'summary comment');
      reports.push(report);
    } catch (error) {
      if (!isTargetProblem(error)) throw error;
      logger.warn({ ...t, err: error }, 'summary comment failed for this target');
      reports.push(skipped(t, 'failed', error.message));
    }
  }
  return { dryRun, targets: reports, writes: reports.reduce((n, r) => n + r.writes, 0) };
}
