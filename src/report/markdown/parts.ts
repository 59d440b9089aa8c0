/** Pieces the Markdown sections share: health with an emoji, counts that may lack a baseline. */
import type { Health } from '../../domain/rollup.js';
import { HEALTH_LABEL } from '../format.js';
import { markdownCount } from '../markdown-text.js';
import type { ItemChange, ReportNode } from '../model-types.js';

export const EMOJI: Record<Health, string> = {
  green: '🟢',
  amber: '🟠',
  red: '🔴',
  'no-data': '⚪',
};
export const LIST_LIMIT = 8;

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function health(h: Health): string {
  return `${EMOJI[h]} ${HEALTH_LABEL[h]}`;
}

export function healthCell(node: ReportNode): string {
  const declared =
    node.declaredStatus === null
      ? ''
      : ` (${node.healthDisagrees ? '⚑ ' : ''}declared ${node.declaredStatus})`;
  return `${health(node.health)}${declared}`;
}

export function change(c: ItemChange, hasBaseline: boolean, label?: string): string {
  return hasBaseline ? markdownCount(c.count, label) : '—';
}
