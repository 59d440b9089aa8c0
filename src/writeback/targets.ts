/**
 * Where summary comments go: each configured epic (Jira) and `trackingIssue` (GitHub) of a
 * project, plus the optional `jiraIssue` / `trackingIssue` of programs and big bets.
 */
import type { Hierarchy, HierarchyNodeBase } from '../domain/hierarchy.js';
import type { CommentKind } from './render/index.js';

export interface CommentTarget {
  /** `KEY-1` or `owner/repo#N`. */
  target: string;
  kind: CommentKind;
  nodeId: string;
}

export interface NodePlace {
  name: string;
  /** Names of the program and big bet above the node (null at or above that level). */
  program: string | null;
  bet: string | null;
  /** Ids of the node's children (programs of a bet, projects of a program). */
  children: string[];
}

export interface TargetPlan {
  targets: CommentTarget[];
  /** A target named by more than one node: only the first (in config order) gets it. */
  conflicts: { target: string; nodeIds: string[] }[];
  places: Map<string, NodePlace>;
}

function nodeTargets(node: HierarchyNodeBase, epics: readonly string[]): CommentTarget[] {
  const jira = [...epics, ...(node.jiraIssue ? [node.jiraIssue] : [])];
  return [
    ...jira.map((target) => ({ target, kind: 'jira' as const, nodeId: node.id })),
    ...(node.trackingIssue
      ? [{ target: node.trackingIssue, kind: 'github' as const, nodeId: node.id }]
      : []),
  ];
}

export function planTargets(hierarchy: Hierarchy): TargetPlan {
  const all: CommentTarget[] = [];
  const places = new Map<string, NodePlace>();
  for (const bet of hierarchy.bets) {
    all.push(...nodeTargets(bet, []));
    places.set(bet.id, {
      name: bet.name,
      program: null,
      bet: null,
      children: bet.programs.map((p) => p.id),
    });
    for (const program of bet.programs) {
      all.push(...nodeTargets(program, []));
      places.set(program.id, {
        name: program.name,
        program: null,
        bet: bet.name,
        children: program.projects.map((p) => p.id),
      });
      for (const project of program.projects) {
        // `trackingIssue` sits both on the node and in its GitHub scope; they are the same.
        all.push(...nodeTargets(project, project.jira.epics));
        places.set(project.id, {
          name: project.name,
          program: program.name,
          bet: bet.name,
          children: [],
        });
      }
    }
  }
  const byTarget = new Map<string, string[]>();
  const targets: CommentTarget[] = [];
  for (const t of all) {
    const owners = byTarget.get(t.target);
    if (owners) {
      if (!owners.includes(t.nodeId)) owners.push(t.nodeId);
      continue;
    }
    byTarget.set(t.target, [t.nodeId]);
    targets.push(t);
  }
  const conflicts = [...byTarget.entries()]
    .filter(([, nodeIds]) => nodeIds.length > 1)
    .map(([target, nodeIds]) => ({ target, nodeIds }));
  return { targets, conflicts, places };
}
