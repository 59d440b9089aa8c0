/**
 * The seeded organisation's layout: big bets → programs → projects, each project mapped to Jira
 * epics (and sometimes a JQL selection) and GitHub repositories. It has the shape of the
 * `bets:` section of a northstar config on purpose, so writing the config is a plain rendering
 * (`src/cli/emulate/config.ts`), plus a `plan` per project that says what the layout meant —
 * tests and the demo use it to explain the health they should see.
 */

/** How the layout chose a project's target date against its own remaining work. */
export type SchedulePlan =
  /** ~1.6× the weeks the remaining items need at recent throughput, plus a month. */
  | 'comfortable'
  /** About the weeks the remaining items need: a coin flip (amber). */
  | 'tight'
  /** About half of them (red). */
  | 'at-risk'
  /** Already in the past. */
  | 'overdue'
  /** No target date. */
  | 'none';

export type DeclaredStatus = 'green' | 'amber' | 'red';

export interface ProjectPlan {
  schedule: SchedulePlan;
  /** The Jira project the epics come from. */
  jiraProject: string;
  /**
   * Children of the mapped epics (epics themselves not counted) plus the GitHub issues the
   * `github` section selects; the JQL selection is not counted.
   */
  openItems: number;
  doneItems: number;
  /** Of those, done in the 12 weeks before the data's "now", per week. */
  weeklyThroughput: number;
  /** Children that reach their epic only through the legacy Epic Link field. */
  epicLinkOnlyChildren: number;
  /** Whether the declared status contradicts what `schedule` implies. */
  statusDisagrees: boolean;
}

export interface OrgProject {
  id: string;
  name: string;
  owner: string;
  /** `YYYY-MM-DD`. */
  targetDate?: string;
  status?: DeclaredStatus;
  jira: { epics: string[]; jql?: string };
  github?: {
    repos: string[];
    labels: string[];
    milestones: string[];
    /** `owner/repo#N`. */
    trackingIssue?: string;
  };
  plan: ProjectPlan;
}

export interface OrgProgram {
  id: string;
  name: string;
  owner: string;
  targetDate?: string;
  trackingIssue?: string;
  projects: OrgProject[];
}

export interface OrgBet {
  id: string;
  name: string;
  owner: string;
  targetDate?: string;
  programs: OrgProgram[];
}

export interface OrgLayout {
  seed: string;
  /** The data's "now" (ISO 8601): the emulators' clocks start here. */
  now: string;
  /** Keys of the Jira projects on the site. */
  jiraProjects: string[];
  /** `owner/repo` of every repository. */
  repos: string[];
  bets: OrgBet[];
}
