/**
 * A few comments people already wrote on epics, so a sticky-comment writer has to find its own
 * comment among others rather than assume it is alone.
 */
import type { Rng } from '../core/index.js';
import {
  COMMENT_ID_BASE,
  type CommentRecord,
  type IssueRecord,
  type SiteCatalog,
} from '../jira/store/types.js';
import { EPIC_TYPE } from '../jira/store/catalog.js';
import { paragraphDoc } from '../jira/adf.js';

const REMARKS = [
  'Moving this to next sprint, we are blocked on infra.',
  'Can we split this? It looks bigger than one epic.',
  'Status: on track for the milestone 👍',
  'FYI @here the design doc is linked in the description.',
];

export function seedComments(
  rng: Rng,
  data: { issues: readonly IssueRecord[]; site: SiteCatalog; now: number },
): CommentRecord[] {
  const comments: CommentRecord[] = [];
  for (const issue of data.issues) {
    if (issue.type !== EPIC_TYPE) continue;
    for (let n = rng.int(0, 2); n > 0; n--) {
      const author = 2 + rng.int(0, data.site.users.length - 3);
      const at = issue.created + rng.next() * Math.max(0, issue.updated - issue.created);
      comments.push({
        id: COMMENT_ID_BASE + comments.length,
        issue: issue.index,
        author,
        updateAuthor: author,
        body: paragraphDoc(rng.pick(REMARKS)),
        created: at,
        updated: at,
        properties: new Map(),
        deleted: false,
      });
    }
  }
  return comments;
}
