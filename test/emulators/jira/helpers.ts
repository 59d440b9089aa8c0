/**
 * Shared set-up for the Jira emulator tests: an emulator and the real jira.js client pointed at
 * it with the API user's Basic credentials (what northstar does with JIRA_* variables).
 */
import { Version3Client } from 'jira.js';
import {
  startJiraEmulator,
  type Credential,
  type JiraEmulator,
  type JiraEmulatorOptions,
} from '../../../src/emulators/jira/index.js';

export interface JiraHarness {
  emu: JiraEmulator;
  client: Version3Client;
  close(): Promise<void>;
}

export function jiraClient(url: string, credentials: Credential): Version3Client {
  return new Version3Client({
    host: url,
    authentication: { basic: { email: credentials.email, apiToken: credentials.apiToken } },
  });
}

export async function startJira(options: JiraEmulatorOptions = {}): Promise<JiraHarness> {
  const emu = await startJiraEmulator(options);
  return { emu, client: jiraClient(emu.url, emu.credentials), close: () => emu.close() };
}

/** The status code of a jira.js HttpException (or of anything with a numeric `status`). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Catches the rejection of a jira.js call: the status and body Jira answered with. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ status?: number; data: unknown }> {
  try {
    await promise;
  } catch (error) {
    const response = (error as { response?: { data?: unknown } }).response;
    return { status: statusOf(error), data: response?.data };
  }
  throw new Error('expected the call to fail');
}
