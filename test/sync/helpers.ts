/**
 * A seeded org served by both emulators, its config in a temp dir, a real SQLite file, and one
 * in-process sync run against them (the real jira.js and Octokit over HTTP).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgConfigOptions, renderOrgConfig } from '../../src/cli/emulate/config.js';
import { runSync } from '../../src/cli/run-sync.js';
import { createSyncSources } from '../../src/cli/sources.js';
import { buildHierarchy, parseConfigText } from '../../src/config/index.js';
import type { LoadedConfig } from '../../src/config/index.js';
import { closeDatabase, openDatabase, type Db } from '../../src/db/open.js';
import {
  startOrgEmulators,
  type OrgEmulators,
  type StartOrgOptions,
} from '../../src/emulators/org/index.js';
import type { SyncSources } from '../../src/jobs/sync/sources.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';

export interface SyncWorld {
  org: OrgEmulators;
  dir: string;
  configFile: string;
  dbFile: string;
  loaded: LoadedConfig;
  db: Db;
  sources: SyncSources;
  sync(options?: { full?: boolean; sources?: ('jira' | 'github')[] }): ReturnType<typeof runSync>;
  close(): Promise<void>;
}

export async function startSyncWorld(
  options: StartOrgOptions & { concurrency?: number } = {},
): Promise<SyncWorld> {
  const org = await startOrgEmulators({ seed: 'sync-test', issues: 600, prs: 200, ...options });
  const dir = mkdtempSync(join(tmpdir(), 'northstar-sync-'));
  const configFile = join(dir, 'northstar.yaml');
  let text = renderOrgConfig(org.org, orgConfigOptions(org));
  if (options.concurrency !== undefined) text += `\nsync:\n  concurrency: ${options.concurrency}\n`;
  writeFileSync(configFile, text);
  const loaded = parseConfigText(text, { file: configFile, env: {} });
  const dbFile = join(dir, 'northstar.db');
  const db = openDatabase({ file: dbFile });
  const logger = silentLogger();
  const sources = createSyncSources({ config: loaded.config, clock: systemClock, logger });
  const app = {
    loaded,
    hierarchy: buildHierarchy(loaded.config),
    clock: systemClock,
    logger,
    db: () => db,
  };
  return {
    org,
    dir,
    configFile,
    dbFile,
    loaded,
    db,
    sources,
    sync: (o = {}) =>
      runSync({
        app,
        sources: o.sources ?? ['jira', 'github'],
        full: o.full ?? false,
        syncSources: sources,
      }),
    close: async () => {
      closeDatabase(db);
      await org.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
