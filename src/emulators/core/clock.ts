/**
 * The emulator's notion of "now": real time plus an offset that tests can advance, so data can
 * age (stale items, weeks of throughput) without waiting. Rate-limit windows are measured in real
 * time, because clients really wait.
 */
import type { Clock } from '../../lib/clock.js';

export class EmulatorClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly start?: Date) {
    if (start) this.offsetMs = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  set(to: Date): void {
    this.offsetMs = to.getTime() - Date.now();
  }
}
