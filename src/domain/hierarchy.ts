/**
 * The organisation's hierarchy as declared in config: big bets → programs → projects.
 */

export type HierarchyLevel = 'bet' | 'program' | 'project';

/** A status a person declared in config (optional); shown beside the computed health. */
export type DeclaredStatus = 'green' | 'amber' | 'red';

export interface ProjectJiraScope {
  /** Epic keys: the epics themselves and their children belong to the project. */
  epics: string[];
  /** Optional extra JQL selection. */
  jql: string | null;
}

export interface ProjectGitHubScope {
  repos: string[];
  /** Issues must carry at least one of these labels (when given). */
  labels: string[];
  /** Issues must be in one of these milestones (when given). */
  milestones: string[];
  /** `owner/repo#N` of the issue that carries the project's GitHub summary comment. */
  trackingIssue: string | null;
}

export interface HierarchyNodeBase {
  id: string;
  name: string;
  owner: string | null;
  targetDate: string | null;
  declaredStatus: DeclaredStatus | null;
  /** Optional write-back targets for program/bet-level summaries. */
  jiraIssue: string | null;
  trackingIssue: string | null;
}

export interface Project extends HierarchyNodeBase {
  level: 'project';
  programId: string;
  betId: string;
  jira: ProjectJiraScope;
  github: ProjectGitHubScope;
}

export interface Program extends HierarchyNodeBase {
  level: 'program';
  betId: string;
  projects: Project[];
}

export interface Bet extends HierarchyNodeBase {
  level: 'bet';
  programs: Program[];
}

export interface Hierarchy {
  bets: Bet[];
}
