import { describe, expect, it } from 'vitest';
import { planTargets } from '../../src/writeback/targets.js';
import { loadTestConfig } from './fixtures/config.js';

describe('planTargets', () => {
  it('lists epics, tracking issues and program/bet targets once each, in config order', () => {
    const { hierarchy } = loadTestConfig({
      jiraUrl: 'https://a.test',
      githubUrl: 'https://api.github.com',
    });
    const plan = planTargets(hierarchy);
    expect(plan.targets).toEqual([
      { target: 'INFRA-1', kind: 'jira', nodeId: 'ai-ready-infra' },
      { target: 'acme/infra#7', kind: 'github', nodeId: 'gpu-fleet' },
      { target: 'INFRA-123', kind: 'jira', nodeId: 'scheduler-rewrite' },
      { target: 'INFRA-130', kind: 'jira', nodeId: 'scheduler-rewrite' },
      { target: 'acme/scheduler#42', kind: 'github', nodeId: 'scheduler-rewrite' },
      { target: 'INFRA-140', kind: 'jira', nodeId: 'node-images' },
    ]);
    expect(plan.conflicts).toEqual([
      { target: 'INFRA-123', nodeIds: ['scheduler-rewrite', 'node-images'] },
    ]);
    expect(plan.places.get('scheduler-rewrite')).toEqual({
      name: 'Scheduler rewrite',
      program: 'GPU fleet migration',
      bet: 'Transform infra for AI-readiness',
      children: [],
    });
    expect(plan.places.get('ai-ready-infra')?.children).toEqual(['gpu-fleet']);
  });
});
