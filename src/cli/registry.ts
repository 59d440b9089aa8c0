/**
 * The job registry of this process, built from the application context: the one place that
 * hands each job the adapters it needs (comment ports, source clients).
 */
import type { JobRegistry } from '../jobs/registry.js';
import type { AppContext } from './context.js';

export async function buildJobRegistry(app: AppContext): Promise<JobRegistry> {
  // Loaded on use: the clients are heavy and light commands should start fast.
  const { createJobRegistry } = await import('../jobs/registry.js');
  const { createCommentPorts } = await import('../writeback/ports.js');
  const { SlidingWindowLimiter } = await import('../writeback/rate-limit.js');
  const { KeyedSerializer } = await import('../writeback/keyed-serializer.js');
  // One per process, not per job: GitHub counts comment writes per user across all our jobs.
  const githubLimiter = new SlidingWindowLimiter(app.clock);
  const jiraSerializer = new KeyedSerializer();
  const { createSyncSources } = await import('./sources.js');
  return createJobRegistry({
    sources: createSyncSources({ config: app.loaded.config, clock: app.clock, logger: app.logger }),
    ports: (ctx) =>
      createCommentPorts({
        config: ctx.config,
        clock: ctx.clock,
        logger: ctx.logger,
        githubLimiter,
        jiraSerializer,
      }),
  });
}
