/**
 * Turns the validated config into the domain hierarchy (bets → programs → projects) that the rest
 * of northstar works with.
 */
import type { Bet, Hierarchy, Program, Project } from '../domain/hierarchy.js';
import type { NorthstarConfig } from './schema.js';

export function buildHierarchy(config: NorthstarConfig): Hierarchy {
  const bets = config.bets.map((bet): Bet => {
    const programs = bet.programs.map((program): Program => {
      const projects = program.projects.map((project): Project => ({
        level: 'project',
        id: project.id,
        name: project.name,
        owner: project.owner ?? null,
        targetDate: project.targetDate ?? null,
        declaredStatus: project.status ?? null,
        jiraIssue: null,
        trackingIssue: project.github?.trackingIssue ?? null,
        programId: program.id,
        betId: bet.id,
        jira: { epics: project.jira?.epics ?? [], jql: project.jira?.jql ?? null },
        github: {
          repos: project.github?.repos ?? [],
          labels: project.github?.labels ?? [],
          milestones: project.github?.milestones ?? [],
          trackingIssue: project.github?.trackingIssue ?? null,
        },
      }));
      return {
        level: 'program',
        id: program.id,
        name: program.name,
        owner: program.owner ?? null,
        targetDate: program.targetDate ?? null,
        declaredStatus: program.status ?? null,
        jiraIssue: program.jiraIssue ?? null,
        trackingIssue: program.trackingIssue ?? null,
        betId: bet.id,
        projects,
      };
    });
    return {
      level: 'bet',
      id: bet.id,
      name: bet.name,
      owner: bet.owner ?? null,
      targetDate: bet.targetDate ?? null,
      declaredStatus: bet.status ?? null,
      jiraIssue: bet.jiraIssue ?? null,
      trackingIssue: bet.trackingIssue ?? null,
      programs,
    };
  });
  return { bets };
}

export function allProjects(hierarchy: Hierarchy): Project[] {
  return hierarchy.bets.flatMap((bet) => bet.programs.flatMap((program) => program.projects));
}

export function allPrograms(hierarchy: Hierarchy): Program[] {
  return hierarchy.bets.flatMap((bet) => bet.programs);
}
