/**
 * The site around the issues: people, projects (company-managed with and without legacy Epic
 * Links, team-managed with their own statuses), per-site status names (only the category is
 * reliable; "Won't Do" is done) and custom field ids picked by the seed, so clients have to
 * discover them through `/rest/api/3/field`.
 */
import type { Rng } from '../core/index.js';
import { ISSUE_TYPES, PRIORITY_NAMES, RESOLUTION_NAMES } from '../jira/store/catalog.js';
import type {
  CategoryKey,
  CustomFieldIds,
  ProjectRecord,
  SiteCatalog,
  StatusRecord,
  UserRecord,
  Workflow,
} from '../jira/store/types.js';
import { personName, PROJECT_POOL } from './jira-text.js';

export interface SiteOptions {
  projects: number;
  people: number;
}

export const BOT_EMAIL = 'northstar-bot@example.com';
export const HUMAN_EMAIL = 'dana.human@example.com';

const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'UTC'];

export function buildSite(rng: Rng, options: SiteOptions): SiteCatalog {
  const users = buildUsers(rng.fork('users'), options.people);
  const statuses: StatusRecord[] = [];
  const addStatus = (name: string, category: CategoryKey, projectIndex: number | null): number => {
    statuses.push({
      index: statuses.length,
      id: String(10_000 + statuses.length),
      name,
      category,
      projectIndex,
    });
    return statuses.length - 1;
  };
  // Company-managed projects share the site's global statuses, named the way this site names them.
  const names = rng.fork('status-names');
  const global: Workflow = {
    todo: addStatus(names.pick(['To Do', 'Open', 'Backlog']), 'new', null),
    inProgress: addStatus(
      names.pick(['In Progress', 'In Development', 'Doing']),
      'indeterminate',
      null,
    ),
    review: addStatus(names.pick(['In Review', 'Code Review', 'Review']), 'indeterminate', null),
    done: addStatus(names.pick(['Done', 'Closed', 'Resolved']), 'done', null),
    wontDo: addStatus("Won't Do", 'done', null),
    statuses: [],
  };
  global.statuses = [global.todo, global.inProgress, global.review, global.done, global.wontDo];

  const keys = shuffled(rng.fork('project-keys'), PROJECT_POOL);
  const projects: ProjectRecord[] = [];
  for (let i = 0; i < options.projects; i++) {
    const [key, name] = keys[i] ?? [`P${i}X`, `Project ${i}`];
    // Round-robin over the three styles so even three projects show all of them.
    const style = i % 3 === 1 ? 'next-gen' : 'classic';
    const workflow =
      style === 'classic' ? global : teamManagedWorkflow(rng.fork(`wf:${i}`), i, addStatus);
    projects.push({
      index: i,
      id: String(10_000 + i),
      key,
      name,
      style,
      legacyEpicLinks: i % 3 === 0,
      workflow,
      pointsField: style === 'classic' ? 'storyPoints' : 'storyPointEstimate',
      leadUser: 2 + (i % Math.max(1, users.length - 2)),
      nextNumber: 1,
    });
  }

  return {
    title: 'Acme Jira (emulated)',
    statuses,
    resolutions: RESOLUTION_NAMES.map((name, index) => ({
      index,
      id: String(10_000 + index),
      name,
    })),
    priorities: PRIORITY_NAMES.map((name, index) => ({ index, id: String(index + 1), name })),
    issueTypes: ISSUE_TYPES.map((t, index) => ({ index, ...t })),
    users,
    projects,
    fields: customFieldIds(rng.fork('fields')),
    botUser: 0,
    humanUser: 1,
  };
}

/** Team-managed projects own their statuses: same names as elsewhere, different ids. */
function teamManagedWorkflow(
  rng: Rng,
  project: number,
  add: (name: string, category: CategoryKey, projectIndex: number | null) => number,
): Workflow {
  const todo = add('To Do', 'new', project);
  const inProgress = add('In Progress', 'indeterminate', project);
  const review = rng.chance(0.5) ? add('In Review', 'indeterminate', project) : -1;
  const done = add('Done', 'done', project);
  const wontDo = add("Won't Do", 'done', project);
  return {
    todo,
    inProgress,
    review,
    done,
    wontDo,
    statuses: [todo, inProgress, ...(review === -1 ? [] : [review]), done, wontDo],
  };
}

function buildUsers(rng: Rng, people: number): UserRecord[] {
  const users: UserRecord[] = [
    {
      index: 0,
      accountId: accountId(rng),
      displayName: 'northstar bot',
      email: BOT_EMAIL,
      timeZone: 'America/Los_Angeles',
      active: true,
    },
    {
      index: 1,
      accountId: accountId(rng),
      displayName: 'Dana Human',
      email: HUMAN_EMAIL,
      timeZone: 'Europe/Berlin',
      active: true,
    },
  ];
  for (let i = 0; i < people; i++) {
    const inactive = rng.chance(0.04);
    const name = personName(rng);
    users.push({
      index: users.length,
      accountId: accountId(rng),
      displayName: inactive ? 'Former user' : name,
      // Most people hide their email address (Atlassian privacy default).
      email: !inactive && rng.chance(0.3) ? `user${users.length}@example.com` : null,
      timeZone: rng.pick(ZONES),
      active: !inactive,
    });
  }
  return users;
}

/** Modern Atlassian account ids: `712020:` + a UUID. */
function accountId(rng: Rng): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `712020:${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

function customFieldIds(rng: Rng): CustomFieldIds {
  const pool = shuffled(
    rng,
    Array.from({ length: 60 }, (_, i) => `customfield_${10_010 + i}`),
  );
  const take = (i: number): string => pool[i] as string;
  return {
    storyPoints: take(0),
    storyPointEstimate: take(1),
    epicLink: take(2),
    sprint: take(3),
    rank: take(4),
    epicName: take(5),
    startDate: take(6),
    legacyPoints: take(7),
  };
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
