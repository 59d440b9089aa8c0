/**
 * Runs the real `northstar` CLI from source in a child process (through tsx), so tests see exactly
 * what a user sees: exit code, stdout, stderr.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs?: number;
  /** Keep the parent's environment (default: a minimal one, so no stray token leaks in). */
  inheritEnv?: boolean;
}

export function runCli(args: string[], options: RunCliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

export interface RunningCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Resolves with the first complete line on stdout (rejects if the process ends first). */
  firstLine(): Promise<string>;
  /** Stdout so far. */
  stdout(): string;
  done: Promise<CliResult>;
}

/** Starts the CLI without waiting for it: for long-running commands a test signals. */
export function startCli(args: string[], options: RunCliOptions = {}): RunningCli {
  const base: Record<string, string | undefined> = options.inheritEnv
    ? { ...process.env }
    : { PATH: process.env['PATH'], HOME: process.env['HOME'], LOG_LEVEL: 'warn' };
  const env = { ...base, ...options.env };
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let lineFound: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => {
    lineFound = resolve;
  });
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    const end = stdout.indexOf('\n');
    if (end !== -1) lineFound(stdout.slice(0, end));
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    // Built on request: a process that ends without a line only fails a caller that waits.
    firstLine: () =>
      Promise.race([
        firstLine,
        done.then((r) => {
          throw new Error(`the CLI ended (${String(r.code)}) before a line: ${r.stderr}`);
        }),
      ]),
    stdout: () => stdout,
    done,
  };
}
