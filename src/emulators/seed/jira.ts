/**
 * The deterministic Jira half of the seeded organisation: a few projects (more at scale) with
 * epics (~2 % of issues) and their children, six months of status history, story points on
 * most items, due dates (some overdue, some slipped), blocked-by links, unassigned items,
 * "Won't Do" resolutions, unicode / 255-character / hostile titles, and a handful of issues
 * whose history is longer than an inline changelog page.
 *
 * Issues are created in time order, so ids and key numbers grow with `created` as on a real
 * site. The same options always give the same data; 100k issues take about a second
 * (`test/bench/seed.ts`).
 */
import { Rng } from '../core/index.js';
import { ChangeField, ChangeTable } from '../jira/store/changes.js';
import { EPIC_TYPE } from '../jira/store/catalog.js';
import type { CommentRecord, IssueRecord, JiraData, LinkRecord } from '../jira/store/types.js';
import { LINK_ID_BASE } from '../jira/store/types.js';
import { generateLifecycle, type LifecycleContext } from './jira-history.js';
import { buildSite } from './jira-site.js';
import {
  epicSummary,
  HOSTILE_SUMMARIES,
  issueSummary,
  longSummary,
  pickLabels,
} from './jira-text.js';
import { seedComments } from './jira-comments.js';

export interface GenerateJiraOptions {
  seed: string;
  /** Issues in total, epics included. */
  issues: number;
  /** Default: 3 for small seeds, growing with √issues up to 24. */
  projects?: number;
  /** Default: about 2 % of each project's issues (at least one). */
  epicsPerProject?: number;
  /** The data's "now" (default 2026-11-24T12:00:00Z); history spans `historyDays` before it. */
  now?: Date;
  historyDays?: number;
  /** People besides the bot and the human (default grows with the seed, 12 … 300). */
  people?: number;
}

export const DEFAULT_JIRA_SEED_NOW = new Date('2026-11-24T12:00:00Z');
const DAY = 86_400_000;
const EMPTY: readonly string[] = Object.freeze([]);

export function generateJiraData(options: GenerateJiraOptions): JiraData {
  const total = Math.max(0, Math.floor(options.issues));
  const now = (options.now ?? DEFAULT_JIRA_SEED_NOW).getTime();
  const historyMs = (options.historyDays ?? 182) * DAY;
  const rng = new Rng(`jira:${options.seed}`);
  const projectCount =
    options.projects ?? Math.max(3, Math.min(24, Math.round(Math.sqrt(total) / 12)));
  const people = options.people ?? Math.max(12, Math.min(300, Math.round(total / 400)));
  const site = buildSite(rng.fork('site'), { projects: projectCount, people });
  const table = new ChangeTable(Math.max(1024, total * 6));

  // Creation times, evenly spread (with jitter) so weekly throughput is steady.
  const timing = rng.fork('created');
  const created = new Float64Array(total);
  for (let i = 0; i < total; i++) created[i] = now - historyMs + timing.next() * (historyMs - DAY);
  created.sort();

  // Which project each issue belongs to; some projects are busier than others.
  const placement = rng.fork('projects');
  const weights = site.projects.map(() => 0.5 + placement.next() * 2);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const projectOf = new Int32Array(total);
  const perProject: number[][] = site.projects.map(() => []);
  for (let i = 0; i < total; i++) {
    let roll = placement.next() * weightSum;
    let p = 0;
    while (p < weights.length - 1 && roll >= (weights[p] as number)) roll -= weights[p++] as number;
    projectOf[i] = p;
    perProject[p]?.push(i);
  }

  // Epics: evenly spaced in each project's timeline, the first issue always one.
  const isEpic = new Uint8Array(total);
  for (const positions of perProject) {
    if (positions.length === 0) continue;
    const epics = Math.min(
      positions.length,
      options.epicsPerProject ?? Math.max(1, Math.round(positions.length * 0.02)),
    );
    for (let k = 0; k < epics; k++)
      isEpic[positions[Math.floor((k * positions.length) / epics)] as number] = 1;
  }

  let historySeq = 10_000;
  const lifecycle: Omit<LifecycleContext, 'workflow'> = {
    rng: rng.fork('history'),
    table,
    statuses: site.statuses,
    now,
    firstPerson: 2,
    people: site.users.length - 2,
    nextHistoryId: () => ++historySeq,
  };
  const text = rng.fork('text');
  const shape = rng.fork('shape');
  const epicsSoFar: number[][] = site.projects.map(() => []);
  const issues: IssueRecord[] = [];
  let hostile = 0;

  for (let i = 0; i < total; i++) {
    const project = site.projects[projectOf[i] as number];
    if (!project) continue;
    const epic = isEpic[i] === 1;
    const openEpics = epicsSoFar[project.index] as number[];
    // Children pick one of the project's recent epics; one in ten has no epic.
    const epicIndex =
      !epic && openEpics.length > 0 && shape.chance(0.9)
        ? (openEpics[
            openEpics.length - 1 - shape.int(0, Math.min(7, openEpics.length - 1))
          ] as number)
        : -1;
    const parentEpic = epicIndex === -1 ? undefined : issues[epicIndex];
    const viaParent =
      epicIndex !== -1 &&
      (project.style === 'next-gen' || !project.legacyEpicLinks || shape.chance(0.5));
    const issue: IssueRecord = {
      index: i,
      project: project.index,
      number: project.nextNumber++,
      type: epic ? EPIC_TYPE : shape.pick([1, 1, 1, 2, 2, 3]),
      summary: '',
      status: project.workflow.todo,
      resolution: -1,
      assignee: -1,
      reporter: 2 + shape.int(0, site.users.length - 3),
      priority: shape.pick([0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4]),
      labels: EMPTY,
      points: Number.NaN,
      due: Number.NaN,
      created: created[i] as number,
      updated: created[i] as number,
      resolved: Number.NaN,
      parent: viaParent ? epicIndex : -1,
      epicLink: project.style === 'classic' && epicIndex !== -1 ? epicIndex : -1,
      firstChange: -1,
      lastChange: -1,
      histories: 0,
      deleted: false,
      formerKeys: null,
    };
    if (epic) {
      issue.summary = epicSummary(text, openEpics.length);
      openEpics.push(i);
    } else if (hostile < HOSTILE_SUMMARIES.length && project.index === 0) {
      issue.summary = HOSTILE_SUMMARIES[hostile++] as string;
    } else {
      issue.summary = i === 5 ? longSummary(text) : issueSummary(text);
    }
    const labels = pickLabels(text, parentEpic?.labels ?? EMPTY);
    issue.labels = labels.length === 0 ? EMPTY : labels;
    generateLifecycle({ ...lifecycle, workflow: project.workflow }, issue, {
      epic,
      // Two early issues per seed (and one in 500 after that) outgrow inline changelogs.
      longHistory: !epic && (i === 7 || i === 19 || (i > 19 && shape.chance(0.002))),
      pointsField:
        project.pointsField === 'storyPoints'
          ? ChangeField.storyPoints
          : ChangeField.storyPointEstimate,
    });
    issues.push(issue);
  }

  const links = generateLinks(rng.fork('links'), issues);
  const comments: CommentRecord[] = seedComments(rng.fork('comments'), { issues, site, now });
  return { now, site, issues, changes: table, links, comments };
}

/**
 * The keys of the generated issues, in creation order — what the GitHub half of the org needs
 * (`generateGitHubData({ jiraKeys })`) so pull requests mention keys that exist.
 */
export function jiraIssueKeys(data: JiraData): string[] {
  return data.issues.map((issue) => {
    const project = data.site.projects[issue.project];
    return `${project?.key ?? 'X'}-${issue.number}`;
  });
}

/** ~6 % of items are blocked by an earlier issue (mostly in their project); ~2 % relate. */
function generateLinks(rng: Rng, issues: IssueRecord[]): LinkRecord[] {
  const links: LinkRecord[] = [];
  const add = (type: LinkRecord['type'], outward: number, inward: number): void => {
    links.push({ id: LINK_ID_BASE + links.length, type, outward, inward });
  };
  for (const issue of issues) {
    if (issue.type === EPIC_TYPE || issue.index < 2) continue;
    const roll = rng.next();
    if (roll >= 0.08) continue;
    const window = Math.min(issue.index, 400);
    let other = issue.index - 1 - rng.int(0, window - 1);
    if (rng.chance(0.7)) {
      // Prefer a blocker in the same project: walk back to the nearest one.
      let probe = other;
      while (probe > 0 && issues[probe]?.project !== issue.project) probe--;
      if (issues[probe]?.project === issue.project) other = probe;
    }
    if (other === issue.index || other < 0) continue;
    if (roll < 0.06) add('Blocks', other, issue.index);
    else add('Relates', issue.index, other);
  }
  return links;
}
