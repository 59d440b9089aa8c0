/**
 * Progress of long commands on stderr: a line rewritten in place on a terminal, a structured
 * log line every few seconds otherwise (cron, CI, containers).
 */
import type { RunnerProgress } from '../jobs/inline-runner.js';
import type { Logger } from '../lib/logger.js';

export interface ProgressReporter {
  update: (progress: RunnerProgress) => void;
  done: () => void;
}

export function createProgressReporter(options: {
  label: string;
  logger: Logger;
  stream?: NodeJS.WriteStream;
  intervalMs?: number;
}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY;
  const interval = options.intervalMs ?? (tty ? 100 : 5000);
  let last = 0;
  let items = 0;
  let shown = false;
  return {
    update(progress) {
      if (progress.update) items += progress.update.done;
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      const text = `${options.label}: ${progress.completed} jobs done, ${progress.running} running, ${progress.queued} queued, ${items} items read`;
      if (tty) {
        stream.write(`\r\x1b[2K${text}`);
        shown = true;
      } else {
        options.logger.info({ ...progress, items, update: undefined }, `${options.label} progress`);
      }
    },
    done() {
      if (tty && shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
