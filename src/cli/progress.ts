/**
 * How long work shows progress: a one-line bar redrawn in place on a terminal, structured log
 * lines (pino) otherwise — at most one per label every few seconds, plus one when a label
 * finishes. Handlers only ever call `ctx.progress({label, done, total?})`.
 */
import type { ProgressUpdate } from '../jobs/types.js';
import type { Logger } from '../lib/logger.js';

export interface ProgressSink {
  (update: ProgressUpdate): void;
  /** Clears the bar (terminal) so later output starts on a clean line. */
  end(): void;
}

export interface ProgressOptions {
  logger: Logger;
  /** Where the bar is drawn; defaults to stderr. */
  stream?: NodeJS.WriteStream;
  /** Force one mode; by default a bar when `stream` is a terminal. */
  mode?: 'bar' | 'log' | 'off';
  /** Minimum time between two log lines of one label (log mode). */
  logEveryMs?: number;
  now?: () => number;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

function bar(done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%`;
}

export function formatProgressLine(update: ProgressUpdate, columns = 100): string {
  const count = update.total === undefined ? `${update.done}` : `${update.done}/${update.total}`;
  const head = update.total === undefined ? count : `${bar(update.done, update.total)} ${count}`;
  const line = `${head}  ${update.label}`;
  return line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line;
}

export function createProgress(options: ProgressOptions): ProgressSink {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const mode = options.mode ?? (stream.isTTY ? 'bar' : 'log');
  const logEveryMs = options.logEveryMs ?? 5_000;
  const lastLogged = new Map<string, number>();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;

  const sink = ((update: ProgressUpdate) => {
    const finished = update.total !== undefined && update.done >= update.total;
    if (mode === 'off') return;
    if (mode === 'bar') {
      const t = now();
      if (!finished && t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      stream.write(`\r\x1b[2K${formatProgressLine(update, stream.columns)}`);
      drawn = true;
      return;
    }
    const t = now();
    const last = lastLogged.get(update.label);
    if (!finished && last !== undefined && t - last < logEveryMs) return;
    if (finished) lastLogged.delete(update.label);
    else lastLogged.set(update.label, t);
    options.logger.info(
      { progress: update.label, done: update.done, total: update.total },
      finished ? 'done' : 'progress',
    );
  }) as ProgressSink;
  sink.end = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return sink;
}
