/** Number, date and label formatting shared by the Jira and GitHub renderers. */
import type { DeclaredStatus } from '../../domain/hierarchy.js';
import type { Health } from '../../domain/rollup.js';
import type { AdfStatusColor } from '../adf/nodes.js';

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0';
}

/** `12.5` → `12.5`, `3` → `3`: points are often fractional, counts never are. */
export function points(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function hours(h: number): string {
  if (h < 48) return `${Math.round(h)} h`;
  return `${(h / 24).toFixed(1)} d`;
}

/** `2026-11-24T12:03:09.000Z` → `2026-11-24 12:03 UTC`. */
export function timestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const HEALTH_LABEL: Readonly<Record<Health, string>> = {
  green: 'On track',
  amber: 'At risk',
  red: 'Off track',
  'no-data': 'No data',
};

/** ADF `status` lozenge colours (https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/status/). */
export const HEALTH_COLOR: Readonly<Record<Health, AdfStatusColor>> = {
  green: 'green',
  amber: 'yellow',
  red: 'red',
  'no-data': 'neutral',
};

export const HEALTH_EMOJI: Readonly<Record<Health, string>> = {
  green: '🟢',
  amber: '🟡',
  red: '🔴',
  'no-data': '⚪',
};

export const DECLARED_LABEL: Readonly<Record<DeclaredStatus, string>> = {
  green: 'green',
  amber: 'amber',
  red: 'red',
};

export const LEVEL_LABEL = { project: 'project', program: 'program', bet: 'big bet' } as const;
