/**
 * A search starts from the store's indexes when the query allows (`src/emulators/jira/jql/
 * bounds.ts`): those starts must give exactly the issues that testing every issue gives —
 * minute truncation, `>` vs `>=`, label case and all — and keep doing so after changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileJql } from '../../../src/emulators/jira/jql/compile.js';
import { ZonedTime } from '../../../src/emulators/jira/time.js';
import { startJira, type JiraHarness } from './helpers.js';

const ZONE = 'America/Los_Angeles';
const time = new ZonedTime(ZONE);

/** `yyyy/MM/dd HH:mm` in ZONE. */
function literal(ms: number): string {
  const p = time.local(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${String(p.year)}/${two(p.month)}/${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

describe('Jira emulator: searches started from indexes', () => {
  let h: JiraHarness;
  beforeAll(async () => {
    h = await startJira({ seed: 'bounds', issues: 1200, projects: 3, timeZone: ZONE });
  });
  afterAll(() => h.close());

  const compile = (jql: string) =>
    compileJql(jql, {
      store: h.emu.store,
      time,
      now: h.emu.control.now().getTime(),
      currentUser: h.emu.store.site.botUser,
    });

  /** The live matches from the indexes, and from testing every issue. */
  function both(jql: string): { indexed: number[] | null; scanned: number[] } {
    const compiled = compile(jql);
    const live = (index: number): boolean => h.emu.store.issues[index]?.deleted === false;
    const candidates = compiled.candidates();
    return {
      indexed: candidates === null ? null : [...candidates].filter(live),
      scanned: h.emu.store.issues
        .filter((issue) => !issue.deleted && compiled.matches(issue))
        .map((issue) => issue.index),
    };
  }

  function queries(): string[] {
    const store = h.emu.store;
    const live = [...store.live()];
    // An issue updated at hh:mm:ss with ss > 0: its own minute is the interesting boundary.
    const target = live.find((i) => i.updated % 60_000 !== 0) ?? live[0]!;
    const minute = literal(target.updated);
    const created = literal(live[Math.floor(live.length / 2)]!.created);
    const resolved = live.find((i) => !Number.isNaN(i.resolved))!;
    const [p0, p1] = store.site.projects;
    const epics = live.filter((i) => store.isEpic(i)).slice(0, 3);
    const epicKeys = epics.map((e) => store.keyOf(e)).join(', ');
    const cf = `cf[${store.site.fields.epicLink.replace('customfield_', '')}]`;
    const label = live.find((i) => i.labels.length > 0)!.labels[0]!;
    return [
      ...['>=', '>', '<', '<=', '='].map((op) => `updated ${op} "${minute}"`),
      // Epoch milliseconds, not on a minute boundary.
      `updated >= ${String(Math.floor(target.updated))}`,
      `updated > ${String(Math.floor(target.updated) - 60_000)}`,
      `created >= "${created}" AND created < "${literal(target.updated)}"`,
      `resolved <= "${literal(resolved.resolved)}"`,
      `project = ${p0!.key} AND updated >= "${minute}"`,
      `(key in (${epicKeys}) OR parent in (${epicKeys}) OR ${cf} in (${epicKeys})) AND updated >= "${minute}" ORDER BY id ASC`,
      `(key in (${epicKeys}) OR parent in (${epicKeys}) OR ${cf} in (${epicKeys})) ORDER BY id ASC`,
      `(project = ${p1!.key} AND labels = "${label.toUpperCase()}") ORDER BY id ASC`,
      `labels in (${label}, nope) AND project in (${p0!.key}, ${p1!.key})`,
      `labels = ${label} OR updated > "${minute}"`,
      `project = ${p0!.key} AND NOT labels = ${label} AND updated <= "${minute}"`,
      `updated >= -3d AND statusCategory != Done`,
    ];
  }

  const expectSame = (): void => {
    for (const jql of queries()) {
      const { indexed, scanned } = both(jql);
      expect(indexed, jql).not.toBeNull();
      expect(indexed, jql).toEqual(scanned);
    }
  };

  it('gives the same issues as testing each one, in id order', () => {
    expectSame();
    // The queries are not trivially empty or full.
    const sizes = queries().map((jql) => both(jql).scanned.length);
    expect(sizes.some((n) => n > 0 && n < 1200)).toBe(true);
    // Without a bounded clause every issue is tested.
    expect(both('assignee is EMPTY').indexed).toBeNull();
    expect(both('updated != -1d').indexed).toBeNull();
    expect(both('labels != x OR updated > -1d').indexed).toBeNull();
  });

  it('follows updates, moves, deletions, comments and new issues', () => {
    const control = h.emu.control;
    const store = h.emu.store;
    const live = [...store.live()].filter((i) => !store.isEpic(i));
    const [p0, p1] = store.site.projects;
    control.advanceClock(90_000);
    control.updateIssue(store.keyOf(live[0]!), { summary: 'changed' });
    control.updateIssue(store.keyOf(live[1]!), { labels: ['Fresh', 'fresh'] });
    control.moveIssue(store.keyOf(live[2]!), p1!.key);
    control.deleteIssue(store.keyOf(live[3]!));
    control.addComment(store.keyOf(live[4]!), 'a comment bumps updated');
    control.linkBlocks({ blocker: store.keyOf(live[5]!), blocked: store.keyOf(live[6]!) });
    const created = control.createIssue({ project: p0!.key, summary: 'new', type: 'Task' });
    expectSame();
    const now = literal(control.now().getTime());
    const recent = both(`updated >= "${now}"`);
    expect(recent.indexed).toEqual(recent.scanned);
    expect(recent.indexed!.length).toBeGreaterThanOrEqual(5);
    expect(both(`updated > "${now}"`).indexed).toEqual([]);
    expect(both('labels = FRESH').indexed).toEqual([live[1]!.index]);
    expect(both(`key = ${created.key} AND updated >= "${now}"`).scanned).toHaveLength(1);
  });
});
