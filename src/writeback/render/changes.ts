/**
 * "What changed since last week": the differences between this rollup and the one a week earlier
 * that a reader cares about, as short sentences built from numbers and dates only.
 */
import type { Rollup } from '../../domain/rollup.js';
import { daysBetween } from '../../lib/dates.js';
import { HEALTH_LABEL, percent, signed } from './format.js';

export interface PreviousRollup {
  /** Day of the earlier snapshot (`YYYY-MM-DD`). */
  day: string;
  rollup: Rollup;
}

export interface Changes {
  /** Day compared with; null on the first summary (nothing to compare). */
  since: string | null;
  lines: string[];
}

function scopeLine(rollup: Rollup): string | null {
  const { addedThisWeek, removedThisWeek } = rollup.scope;
  if (addedThisWeek === 0 && removedThisWeek === 0) return null;
  return `Scope this week: +${addedThisWeek} added, −${removedThisWeek} removed (now ${rollup.scope.totalNow} items)`;
}

function shiftLine(label: string, from: string | null, to: string | null): string | null {
  if (from === to) return null;
  if (from === null || to === null) return `${label}: ${from ?? 'none'} → ${to ?? 'none'}`;
  const days = daysBetween(from, to);
  const how = days > 0 ? `${days} days later` : `${-days} days earlier`;
  return `${label}: ${from} → ${to} (${how})`;
}

export function describeChanges(rollup: Rollup, previous: PreviousRollup | null): Changes {
  const scope = scopeLine(rollup);
  if (previous === null) {
    return {
      since: null,
      lines: [
        ...(scope ? [scope] : []),
        'First summary: there is no earlier week to compare with.',
      ],
    };
  }
  const before = previous.rollup;
  const lines: (string | null)[] = [];
  const doneDelta = rollup.counts.done - before.counts.done;
  if (doneDelta !== 0) {
    lines.push(`Done: ${before.counts.done} → ${rollup.counts.done} (${signed(doneDelta)})`);
  }
  lines.push(scope);
  if (Math.round(before.progress.byCount * 100) !== Math.round(rollup.progress.byCount * 100)) {
    lines.push(
      `Progress by count: ${percent(before.progress.byCount)} → ${percent(rollup.progress.byCount)}`,
    );
  }
  if (before.health !== rollup.health) {
    lines.push(`Health: ${HEALTH_LABEL[before.health]} → ${HEALTH_LABEL[rollup.health]}`);
  }
  lines.push(shiftLine('P85 forecast', before.forecast.p85, rollup.forecast.p85));
  for (const slip of rollup.dates.slips) {
    if (slip.on > previous.day) {
      lines.push(`Target date moved on ${slip.on}: ${slip.from} → ${slip.to} (+${slip.days} days)`);
    }
  }
  if (
    before.dates.targetDate !== rollup.dates.targetDate &&
    !rollup.dates.slips.some((s) => s.on > previous.day)
  ) {
    lines.push(shiftLine('Target date', before.dates.targetDate, rollup.dates.targetDate));
  }
  const present = lines.filter((l): l is string => l !== null);
  return {
    since: previous.day,
    lines: present.length > 0 ? present : ['No change in the numbers.'],
  };
}
