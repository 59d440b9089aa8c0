import { describe, expect, it } from 'vitest';
import { JiraStore } from '../../../src/emulators/jira/store/store.js';
import type { JiraData } from '../../../src/emulators/jira/store/types.js';
import { generateJiraData, jiraIssueKeys } from '../../../src/emulators/seed/jira.js';

const DAY = 86_400_000;

function shape(data: JiraData) {
  const store = new JiraStore(data);
  const items = data.issues.filter((i) => !store.isEpic(i));
  const epics = data.issues.filter((i) => store.isEpic(i));
  const category = (c: string) => data.issues.filter((i) => store.categoryOf(i) === c).length;
  return { store, items, epics, category };
}

describe('Jira seed generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateJiraData({ seed: 'alpha', issues: 500 });
    const b = generateJiraData({ seed: 'alpha', issues: 500 });
    const c = generateJiraData({ seed: 'beta', issues: 500 });
    const digest = (d: JiraData) =>
      JSON.stringify({
        keys: d.issues.map((i) => [
          i.project,
          i.number,
          i.summary,
          i.status,
          i.points,
          i.due,
          i.updated,
        ]),
        fields: d.site.fields,
        changes: d.changes.length,
        links: d.links,
      });
    expect(digest(a)).toBe(digest(b));
    expect(digest(c)).not.toBe(digest(a));
  });

  it('has realistic shapes: ~2% epics, points on ~80% of items, a mix of categories, six months of history', () => {
    const data = generateJiraData({ seed: 'shape', issues: 10_000 });
    const { store, items, epics, category } = shape(data);
    expect(epics.length / data.issues.length).toBeGreaterThan(0.015);
    expect(epics.length / data.issues.length).toBeLessThan(0.03);
    const pointed = items.filter((i) => !Number.isNaN(i.points)).length / items.length;
    expect(pointed).toBeGreaterThan(0.75);
    expect(pointed).toBeLessThan(0.85);
    for (const c of ['new', 'indeterminate', 'done'])
      expect(category(c)).toBeGreaterThan(data.issues.length * 0.05);
    const oldest = Math.min(...data.issues.map((i) => i.created));
    expect(data.now - oldest).toBeGreaterThan(170 * DAY);
    expect(data.now - oldest).toBeLessThan(190 * DAY);
    // Done transitions happen every week of the last 20 (steady throughput, no empty weeks).
    const doneWeeks = new Map<number, number>();
    for (const issue of data.issues) {
      if (Number.isNaN(issue.resolved)) continue;
      const week = Math.floor((data.now - issue.resolved) / (7 * DAY));
      doneWeeks.set(week, (doneWeeks.get(week) ?? 0) + 1);
    }
    for (let week = 0; week < 20; week++) expect(doneWeeks.get(week) ?? 0).toBeGreaterThan(50);
    // Keys and ids grow with creation time, as on a real site.
    const project0 = data.issues.filter((i) => i.project === 0);
    expect(project0.map((i) => i.number)).toEqual(project0.map((_, n) => n + 1));
    expect(store.keyOf(project0[0]!)).toMatch(/^[A-Z][A-Z0-9]+-1$/);
    // Keys for the GitHub half of the org (PR mentions).
    const keys = jiraIssueKeys(data);
    expect(keys).toHaveLength(10_000);
    expect(keys[123]).toBe(store.keyOf(data.issues[123]!));
  });

  it('contains the messy cases clients must handle', () => {
    const data = generateJiraData({ seed: 'messy', issues: 2_000 });
    const { store, items } = shape(data);
    const summaries = data.issues.map((i) => i.summary);
    expect(summaries).toContain('<img src=x onerror=alert(1)> renders in the report');
    expect(summaries.some((s) => s.startsWith('@everyone'))).toBe(true);
    expect(summaries.some((s) => s.length === 255)).toBe(true);
    expect(summaries.some((s) => /[^ -~]/.test(s))).toBe(true);
    expect(items.some((i) => i.assignee === -1)).toBe(true);
    expect(
      data.issues.some(
        (i) => store.statusOf(i).name === "Won't Do" && store.categoryOf(i) === 'done',
      ),
    ).toBe(true);
    expect(data.links.some((l) => l.type === 'Blocks')).toBe(true);
    // Overdue: due before "now" and not done.
    const today = Math.floor(data.now / DAY);
    expect(data.issues.some((i) => i.due < today && store.categoryOf(i) !== 'done')).toBe(true);
    // Epic children through `parent`, and (in legacy company-managed projects) through Epic Link only.
    expect(items.some((i) => i.parent !== -1)).toBe(true);
    expect(items.some((i) => i.parent === -1 && i.epicLink !== -1)).toBe(true);
    // Some histories are longer than an inline changelog page (100).
    expect(data.issues.some((i) => i.histories > 100)).toBe(true);
    // Team-managed projects own statuses named like the global ones, with other ids.
    const todo = data.site.statuses.filter((s) => s.category === 'new');
    expect(new Set(todo.map((s) => s.id)).size).toBeGreaterThan(1);
  });

  it('scales with the size: more projects and ~2% epics at 100k', { timeout: 60_000 }, () => {
    const started = performance.now();
    const data = generateJiraData({ seed: 'big', issues: 100_000 });
    const elapsed = performance.now() - started;
    const epics = data.issues.filter((i) => i.type === 0).length;
    expect(data.issues).toHaveLength(100_000);
    expect(data.site.projects.length).toBeGreaterThan(10);
    expect(epics).toBeGreaterThan(1_800);
    expect(epics).toBeLessThan(2_200);
    expect(elapsed).toBeLessThan(20_000);
  });
});
