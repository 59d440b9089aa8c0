/** Jira's status category key (`new` / `indeterminate` / `done`) → northstar's category. */
import type { StatusCategory } from '../../domain/items.js';

export function toStatusCategory(key: string): StatusCategory {
  if (key === 'done') return 'done';
  if (key === 'indeterminate') return 'in_progress';
  return 'todo';
}
