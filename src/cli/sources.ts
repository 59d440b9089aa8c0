/**
 * Builds the source adapters from config (composition root): jira.js and the one Octokit class,
 * both over northstar's transport with one gate per host and a shared request meter.
 */
import type { NorthstarConfig } from '../config/schema.js';
import type { SyncSources } from '../jobs/sync/sources.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import { createOctokit } from '../sources/github/octokit.js';
import { GitHubSource } from '../sources/github/source.js';
import { createJiraClient } from '../sources/jira/client.js';
import { JiraSource } from '../sources/jira/source.js';
import { HostGate } from '../sources/host-gate.js';
import { RequestMeter } from '../sources/meter.js';
import type { RateBudget } from '../sources/transport.js';

export interface CreateSyncSourcesOptions {
  config: NorthstarConfig;
  clock: Clock;
  logger: Logger;
  meter?: RequestMeter;
  /** Instrumented fetch (benchmarks); default: the global fetch. */
  fetch?: typeof fetch;
}

export function createSyncSources(options: CreateSyncSourcesOptions): SyncSources {
  const { config, clock, logger } = options;
  const meter = options.meter ?? new RequestMeter();
  const budgets = new Map<string, RateBudget>();
  const transport = (gate: HostGate) => ({
    gate,
    meter,
    clock,
    onBudget: (budget: RateBudget) => {
      budgets.set(budget.source, budget);
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    meter,
    budgets,
    jira: config.jira
      ? new JiraSource({
          client: createJiraClient({ config: config.jira, transport: transport(new HostGate()) }),
          fieldOverrides: config.jira.fields,
          pageSize: config.jira.pageSize,
        })
      : null,
    github: config.github
      ? new GitHubSource(
          createOctokit({ config: config.github, logger, transport: transport(new HostGate()) }),
        )
      : null,
  };
}
