/**
 * Status changes from Jira changelog histories → `JiraStatusTransition`s. Pure. Histories carry
 * status ids (`from`/`to`) and names; the category comes from the site's status list, since
 * names differ per site and only the category is reliable.
 */
import type { JiraStatusTransition, StatusCategory } from '../../domain/items.js';
import { toIsoUtc } from '../timestamps.js';
import type { z } from 'zod';
import type { JiraHistory } from './schema.js';

export function statusTransitions(
  histories: readonly z.infer<typeof JiraHistory>[],
  categories: ReadonlyMap<string, StatusCategory>,
): JiraStatusTransition[] {
  const out: JiraStatusTransition[] = [];
  for (const history of histories) {
    const at = toIsoUtc(history.created);
    if (at === null) continue;
    history.items.forEach((item, index) => {
      if ((item.fieldId ?? item.field) !== 'status' || item.to == null) return;
      out.push({
        id: `${history.id}:${index}`,
        at,
        fromStatus: item.fromString ?? null,
        toStatus: item.toString ?? item.to,
        fromCategory: item.from != null ? (categories.get(item.from) ?? null) : null,
        toCategory: categories.get(item.to) ?? 'todo',
      });
    });
  }
  return out;
}
