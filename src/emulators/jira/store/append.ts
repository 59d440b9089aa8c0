/**
 * Chains a change row onto an issue's history (rows of one issue are linked in time order) and
 * counts histories. Shared by the generator and the store's mutations.
 */
import type { ChangeFieldCode, ChangeTable } from './changes.js';
import type { IssueRecord } from './types.js';

export interface ChangeInput {
  history: number;
  at: number;
  author: number;
  field: ChangeFieldCode;
  from: number;
  to: number;
}

export function appendIssueChange(
  table: ChangeTable,
  issue: IssueRecord,
  change: ChangeInput,
): void {
  const row = table.append({ issue: issue.index, ...change });
  if (issue.lastChange === -1) issue.firstChange = row;
  else table.setNext(issue.lastChange, row);
  if (issue.lastChange === -1 || table.history(issue.lastChange) !== change.history)
    issue.histories++;
  issue.lastChange = row;
}
