import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { KeyedSerializer } from '../../src/writeback/keyed-serializer.js';
import { GITHUB_CONTENT_LIMITS, SlidingWindowLimiter } from '../../src/writeback/rate-limit.js';

describe('SlidingWindowLimiter (GitHub content creation)', () => {
  it('allows 80 writes in a minute, then waits for the oldest to leave the window', () => {
    const clock = new ManualClock('2026-11-24T12:00:00Z');
    const limiter = new SlidingWindowLimiter(clock, GITHUB_CONTENT_LIMITS);
    for (let i = 0; i < 80; i++) {
      expect(limiter.waitMs()).toBe(0);
      limiter.record();
      clock.advance(100);
    }
    // 80 writes took 8 s; the first leaves the rolling minute 52 s from now.
    expect(limiter.waitMs()).toBe(52_000);
    clock.advance(52_000);
    expect(limiter.waitMs()).toBe(0);
  });

  it('never lets more than 500 through in an hour', () => {
    const clock = new ManualClock('2026-11-24T12:00:00Z');
    const limiter = new SlidingWindowLimiter(clock, GITHUB_CONTENT_LIMITS);
    let sent = 0;
    const start = clock.now().getTime();
    while (clock.now().getTime() - start < 3_600_000) {
      const wait = limiter.waitMs();
      if (wait === 0) {
        limiter.record();
        sent++;
      } else {
        clock.advance(wait);
      }
    }
    expect(sent).toBe(500);
  });
});

describe('KeyedSerializer', () => {
  it('runs tasks for one key one at a time, different keys concurrently', async () => {
    const serializer = new KeyedSerializer();
    const events: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a1 = serializer.run('A', async () => {
      events.push('a1 start');
      await gate;
      events.push('a1 end');
    });
    const a2 = serializer.run('A', () => {
      events.push('a2');
      return Promise.reject(new Error('a2 failed'));
    });
    const a3 = serializer.run('A', () => {
      events.push('a3');
      return Promise.resolve(3);
    });
    const b1 = serializer.run('B', () => {
      events.push('b1');
      return Promise.resolve();
    });
    await b1;
    expect(events).toEqual(['a1 start', 'b1']);
    release();
    await a1;
    await expect(a2).rejects.toThrow('a2 failed');
    await expect(a3).resolves.toBe(3);
    expect(events).toEqual(['a1 start', 'b1', 'a1 end', 'a2', 'a3']);
    await Promise.resolve();
    expect(serializer.activeKeys).toBe(0);
  });
});
