/**
 * The composition root: the one place that builds config, logger, database and clients from the
 * environment and the global flags, and hands them down. Nothing below the CLI reads
 * `process.env` or opens connections on its own.
 */
import { resolve } from 'node:path';
import { buildHierarchy, ConfigError, loadConfigFile, type LoadedConfig } from '../config/index.js';
import type { Hierarchy } from '../domain/hierarchy.js';
import { closeDatabase, openDatabase, type Db } from '../db/open.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { CliError, EXIT_USAGE } from './errors.js';

export interface GlobalOptions {
  config?: string;
  db?: string;
  logLevel?: string;
}

export interface Env {
  readonly [name: string]: string | undefined;
}

export const DEFAULT_CONFIG = 'config/northstar.yaml';
export const DEFAULT_DB = 'data/northstar.db';

export function configPath(options: GlobalOptions, env: Env): string {
  return resolve(options.config ?? env['NORTHSTAR_CONFIG'] ?? DEFAULT_CONFIG);
}

export function dbPath(options: GlobalOptions, env: Env): string {
  const file = options.db ?? env['NORTHSTAR_DB'] ?? DEFAULT_DB;
  return file === ':memory:' ? file : resolve(file);
}

/** Credentials northstar reads from the environment and must never print. */
export function environmentSecrets(env: Env): string[] {
  return ['JIRA_API_TOKEN', 'GITHUB_TOKEN', 'JIRA_EMAIL']
    .map((name) => env[name])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
}

export interface AppContext {
  env: Env;
  clock: Clock;
  logger: Logger;
  loaded: LoadedConfig;
  hierarchy: Hierarchy;
  /** Opened on first use; closed by `close()`. */
  db(): Db;
  dbFile: string;
  close(): void;
}

/** Loads and validates the config; an invalid file is a usage error (exit 2). */
export function loadConfigOrExit(options: GlobalOptions, env: Env): LoadedConfig {
  try {
    return loadConfigFile(configPath(options, env), env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
}

export function createContext(options: GlobalOptions, env: Env = process.env): AppContext {
  const loaded = loadConfigOrExit(options, env);
  const secrets = [...loaded.secrets, ...environmentSecrets(env)];
  const logger = createLogger({ level: options.logLevel ?? env['LOG_LEVEL'] ?? 'info', secrets });
  const dbFile = dbPath(options, env);
  let db: Db | undefined;
  return {
    env,
    clock: systemClock,
    logger,
    loaded,
    hierarchy: buildHierarchy(loaded.config),
    dbFile,
    db() {
      db ??= openDatabase({ file: dbFile });
      return db;
    },
    close() {
      if (db) closeDatabase(db);
      db = undefined;
    },
  };
}
