/**
 * What route handlers share: the store and its renderers, the site clock and time zone, the
 * limits in force, the malformed-items fault, search snapshots, and who the caller is.
 */
import type { EmulatorClock, EmuRequest, Router } from '../../core/index.js';
import type { JiraLimits } from '../limits.js';
import type { RenderContext } from '../render/context.js';
import type { MalformedIssues } from '../render/malformed.js';
import type { SearchCursors } from '../search/cursors.js';
import type { JiraStore } from '../store/store.js';
import type { ZonedTime } from '../time.js';

/** One notification decision Jira made (comment create/update honour `notifyUsers`). */
export interface NotificationRecord {
  commentId: string;
  issueKey: string;
  action: 'created' | 'updated' | 'deleted';
  notifyUsers: boolean;
  at: string;
}

export interface JiraApi {
  store: JiraStore;
  render: RenderContext;
  time: ZonedTime;
  clock: EmulatorClock;
  limits: JiraLimits;
  malformed: MalformedIssues;
  cursors: SearchCursors;
  notifications: NotificationRecord[];
  /** User index of the authenticated caller (principal = accountId). */
  callerOf(request: EmuRequest): number;
}

export interface RouteTable {
  router: Router;
  api: JiraApi;
}
