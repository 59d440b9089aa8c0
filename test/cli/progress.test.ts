import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatProgressLine } from '../../src/cli/progress.js';
import { createLogger } from '../../src/lib/logger.js';

function capture(isTTY: boolean): { stream: NodeJS.WriteStream; text(): string } {
  const pass = new PassThrough();
  const chunks: string[] = [];
  pass.on('data', (c: Buffer) => chunks.push(c.toString()));
  Object.assign(pass, { isTTY, columns: 80 });
  return { stream: pass as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

function logLines(): { logger: ReturnType<typeof createLogger>; lines: () => unknown[] } {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  const logger = createLogger({ level: 'info', destination: out });
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as unknown),
  };
}

describe('progress', () => {
  it('draws a bar with the count and label, clipped to the terminal width', () => {
    expect(formatProgressLine({ label: 'jira INFRA', done: 5, total: 10 })).toBe(
      '[############............]  50% 5/10  jira INFRA',
    );
    expect(formatProgressLine({ label: 'github pages', done: 7 })).toBe('7  github pages');
    expect(formatProgressLine({ label: 'x'.repeat(200), done: 1 }, 40)).toHaveLength(39);
  });

  it('redraws in place on a terminal at most every 100 ms, always for the last step', () => {
    let t = 0;
    const out = capture(true);
    const { logger, lines } = logLines();
    const progress = createProgress({ logger, stream: out.stream, now: () => t });
    progress({ label: 'sync', done: 1, total: 3 });
    t = 50;
    progress({ label: 'sync', done: 2, total: 3 }); // too soon: skipped
    t = 60;
    progress({ label: 'sync', done: 3, total: 3 }); // finished: drawn
    progress.end();
    const draws = out
      .text()
      .split('\r\x1b[2K')
      .filter((s) => s !== '');
    expect(draws).toEqual([
      formatProgressLine({ label: 'sync', done: 1, total: 3 }, 80),
      formatProgressLine({ label: 'sync', done: 3, total: 3 }, 80),
    ]);
    expect(lines()).toEqual([]);
  });

  it('logs structured lines off a terminal, throttled per label, and always the finish', () => {
    let t = 0;
    const out = capture(false);
    const { logger, lines } = logLines();
    const progress = createProgress({ logger, stream: out.stream, now: () => t, logEveryMs: 1000 });
    progress({ label: 'a', done: 1, total: 10 });
    progress({ label: 'a', done: 2, total: 10 });
    progress({ label: 'b', done: 1 });
    t = 1500;
    progress({ label: 'a', done: 3, total: 10 });
    progress({ label: 'a', done: 10, total: 10 });
    expect(out.text()).toBe('');
    expect(
      lines().map((l) => {
        const { progress: label, done, msg } = l as Record<string, unknown>;
        return [label, done, msg];
      }),
    ).toEqual([
      ['a', 1, 'progress'],
      ['b', 1, 'progress'],
      ['a', 3, 'progress'],
      ['a', 10, 'done'],
    ]);
  });
});
