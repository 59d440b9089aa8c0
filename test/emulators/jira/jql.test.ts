import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueSummary } from '../../../src/emulators/jira/index.js';
import { failure, startJira, type JiraHarness } from './helpers.js';

const ZONE = 'America/Los_Angeles';

/** A JQL literal `yyyy/MM/dd HH:mm` for an instant, as a user in `zone` writes it. */
function literal(ms: number, zone: string, separator = '/'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}${separator}${parts['month']}${separator}${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

describe('Jira emulator: the JQL subset', () => {
  let h: JiraHarness;
  let all: IssueSummary[];
  beforeAll(async () => {
    h = await startJira({ seed: 'jql', issues: 1500, projects: 3, timeZone: ZONE });
    all = h.emu.control.issues();
  });
  afterAll(() => h.close());

  /** Every key a query returns, paging through. */
  async function keys(jql: string): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql,
        fields: ['key'],
        maxResults: 5000,
        ...(token ? { nextPageToken: token } : {}),
      });
      out.push(...(page.issues ?? []).map((i) => i.key));
      token = page.nextPageToken;
    } while (token);
    return out;
  }
  const expectKeys = async (jql: string, predicate: (i: IssueSummary) => boolean) => {
    const expected = all.filter(predicate).map((i) => i.key);
    expect(expected.length).toBeGreaterThan(0);
    expect((await keys(jql)).sort()).toEqual(expected.sort());
  };

  it('project, issuetype, status, statusCategory, labels, resolution, assignee', async () => {
    const [p0, p1] = h.emu.control.projects();
    await expectKeys(`project = ${p0!.key}`, (i) => i.project === p0!.key);
    await expectKeys(
      `project in (${p0!.key}, "${p1!.name}") AND issuetype = Epic`,
      (i) => [p0!.key, p1!.key].includes(i.project) && i.isEpic,
    );
    await expectKeys(`status = "Won't Do"`, (i) => i.status === "Won't Do");
    await expectKeys('statusCategory = Done', (i) => i.statusCategory === 'done');
    await expectKeys(
      'statusCategory != Done AND statusCategory != "To Do"',
      (i) => i.statusCategory === 'indeterminate',
    );
    await expectKeys('labels = backend', (i) => i.labels.includes('backend'));
    await expectKeys(
      'labels in (perf, security) AND labels != backend',
      (i) =>
        (i.labels.includes('perf') || i.labels.includes('security')) &&
        !i.labels.includes('backend'),
    );
    await expectKeys('labels is EMPTY', (i) => i.labels.length === 0);
    await expectKeys('resolution = Unresolved', (i) => i.resolution === null);
    await expectKeys(
      'assignee is EMPTY AND statusCategory = "In Progress"',
      (i) => i.assignee === null && i.statusCategory === 'indeterminate',
    );
  });

  it('epic children by parent, by "Epic Link" / cf[id], and the batched query a sync sends', async () => {
    const epics = all
      .filter((i) => i.isEpic)
      .slice(0, 4)
      .map((i) => i.key);
    const cf = `cf[${h.emu.store.site.fields.epicLink.replace('customfield_', '')}]`;
    await expectKeys(`parent = ${epics[0]}`, (i) => i.parentKey === epics[0]);
    await expectKeys(`"Epic Link" = ${epics[0]}`, (i) => i.epicLinkKey === epics[0]);
    await expectKeys(`${cf} in (${epics.join(', ')})`, (i) => epics.includes(i.epicLinkKey ?? ''));
    await expectKeys(
      `(parent in (${epics.join(', ')}) OR ${cf} in (${epics.join(', ')}) OR key in (${epics.join(', ')})) ORDER BY key ASC`,
      (i) =>
        epics.includes(i.key) ||
        epics.includes(i.parentKey ?? '') ||
        epics.includes(i.epicLinkKey ?? ''),
    );
    // Some children are reachable only through the legacy field: the fallback matters.
    const viaParent = await keys(
      `parent in (${all
        .filter((i) => i.isEpic)
        .map((i) => i.key)
        .join(', ')})`,
    );
    const viaEpicLink = all.filter((i) => i.epicLinkKey !== null && i.parentKey === null);
    expect(viaEpicLink.length).toBeGreaterThan(0);
    expect(viaParent).not.toContain(viaEpicLink[0]!.key);
  });

  it('searches started from the project / key / parent / Epic Link indexes follow every change', async () => {
    const [p0, p1] = h.emu.control.projects();
    const epics = all.filter((i) => i.isEpic && i.project === p0!.key).slice(0, 2);
    const [from, to] = [epics[0]!.key, epics[1]!.key];
    const child = all.find((i) => i.parentKey === from && !i.isEpic)!;
    const linked = all.find((i) => i.epicLinkKey === from && i.parentKey === null)!;
    const query = `parent in (${from}, ${to}) OR "Epic Link" in (${from}, ${to}) OR key in (${from})`;
    const before = await keys(query);
    expect(before).toContain(child.key);
    // Re-parent one child, re-link another, move a third issue to another project, delete one.
    h.emu.control.updateIssue(child.key, { parent: to });
    h.emu.control.updateIssue(linked.key, { epicLink: null });
    const mover = all.find((i) => i.project === p0!.key && !i.isEpic && i.key !== child.key)!;
    const moved = h.emu.control.moveIssue(mover.key, p1!.key);
    const gone = all.find((i) => i.parentKey === to && i.key !== child.key)!;
    h.emu.control.deleteIssue(gone.key);
    all = h.emu.control.issues();
    const expected = (i: IssueSummary): boolean =>
      [from, to].includes(i.parentKey ?? '') ||
      [from, to].includes(i.epicLinkKey ?? '') ||
      i.key === from;
    await expectKeys(query, expected);
    expect(await keys(query)).not.toContain(linked.key);
    expect(await keys(query)).not.toContain(gone.key);
    await expectKeys(`project = ${p1!.key}`, (i) => i.project === p1!.key);
    expect(await keys(`project = ${p1!.key}`)).toContain(moved.key);
    expect(await keys(`project = ${p0!.key}`)).not.toContain(moved.key);
    // A moved issue is still found by its old key.
    expect(await keys(`key = ${mover.key}`)).toEqual([moved.key]);
  });

  it('NOT, OR and parentheses with AND binding tighter', async () => {
    const [p0, p1] = h.emu.control.projects();
    await expectKeys(
      `project = ${p0!.key} OR project = ${p1!.key} AND issuetype = Epic`,
      (i) => i.project === p0!.key || (i.project === p1!.key && i.isEpic),
    );
    await expectKeys(
      `(project = ${p0!.key} OR project = ${p1!.key}) AND NOT issuetype = Epic`,
      (i) => [p0!.key, p1!.key].includes(i.project) && !i.isEpic,
    );
  });

  it('reads date literals in the user’s time zone with minute precision', async () => {
    const target = all.find((i) => new Date(i.updated).getUTCSeconds() > 0)!;
    const at = Date.parse(target.updated);
    const minute = Math.floor(at / 60_000) * 60_000;
    const inZone = literal(minute, ZONE);
    // `>=` the issue's own minute includes it; `>` that minute does not (minutes only); the
    // next minute excludes it.
    await expectKeys(
      `updated >= "${inZone}"`,
      (i) => Math.floor(Date.parse(i.updated) / 60_000) * 60_000 >= minute,
    );
    expect(await keys(`updated >= "${inZone}"`)).toContain(target.key);
    expect(await keys(`updated > "${inZone}"`)).not.toContain(target.key);
    expect(await keys(`updated >= "${literal(minute + 60_000, ZONE, '-')}"`)).not.toContain(
      target.key,
    );
    // The same wall-clock text read as UTC would be another instant (hours off in LA).
    const utcLiteral = literal(minute, 'UTC');
    expect((await keys(`updated >= "${utcLiteral}"`)).length).not.toBe(
      (await keys(`updated >= "${inZone}"`)).length,
    );
  });

  it('date-only literals mean local midnight; relative periods count from the emulator clock', async () => {
    const now = h.emu.control.now().getTime();
    const day = literal(now - 30 * 86_400_000, ZONE).slice(0, 10);
    const expectedMidnight = all.filter(
      (i) => literal(Date.parse(i.created), ZONE).slice(0, 10) < day,
    );
    // created < "day" = created before local midnight starting that day.
    expect((await keys(`created < "${day}"`)).sort()).toEqual(
      expectedMidnight.map((i) => i.key).sort(),
    );
    await expectKeys(
      'updated >= -7d',
      (i) => Date.parse(i.updated) >= Math.floor((now - 7 * 86_400_000) / 60_000) * 60_000,
    );
    await expectKeys(
      'created > "-4w 2d" AND created <= now()',
      (i) =>
        Date.parse(i.created) >= Math.floor((now - 30 * 86_400_000) / 60_000) * 60_000 + 60_000,
    );
    await expectKeys(
      'duedate < now() AND statusCategory != Done',
      (i) =>
        i.dueDate !== null &&
        i.dueDate < literal(now, ZONE).slice(0, 10).replace(/\//g, '-') &&
        i.statusCategory !== 'done',
    );
  });

  it('orders by ORDER BY fields, created DESC by default', async () => {
    const byUpdated = await keys(
      `project = ${h.emu.control.projects()[0]!.key} ORDER BY updated DESC`,
    );
    const updatedOf = new Map(all.map((i) => [i.key, Date.parse(i.updated)]));
    for (let n = 1; n < byUpdated.length; n++)
      expect(updatedOf.get(byUpdated[n - 1]!)!).toBeGreaterThanOrEqual(
        updatedOf.get(byUpdated[n]!)!,
      );
    // By id (no sort needed: hits come in id order), both ways, with a later term ignored.
    const p0 = h.emu.control.projects()[0]!.key;
    const idOf = new Map(all.map((i) => [i.key, Number(i.id)]));
    const byId = await keys(`project = ${p0} ORDER BY id ASC`);
    const ids = byId.map((k) => idOf.get(k)!);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.every(Number.isFinite)).toBe(true);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await keys(`project = ${p0} ORDER BY id DESC, created ASC`)).toEqual(
      [...byId].reverse(),
    );
    const byDefault = await keys(`project = ${h.emu.control.projects()[0]!.key}`);
    const createdOf = new Map(all.map((i) => [i.key, Date.parse(i.created)]));
    expect(createdOf.get(byDefault[0]!)!).toBeGreaterThanOrEqual(
      createdOf.get(byDefault[byDefault.length - 1]!)!,
    );
  });

  it('answers invalid JQL with 400 and Jira’s error messages', async () => {
    const bad = async (jql: string) => {
      const { status, data } = await failure(
        h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql }),
      );
      expect(status).toBe(400);
      expect(data).toMatchObject({ errors: {} });
      return (data as { errorMessages: string[] }).errorMessages;
    };
    expect(await bad('project = ')).toEqual([
      'Error in the JQL Query: Expecting either a value, list or function but reached the end of the query. (line 1, character 10)',
    ]);
    expect((await bad('project = WEB AND'))[0]).toMatch(
      /^Error in the JQL Query: Expecting a field name/,
    );
    expect((await bad('project WEB'))[0]).toMatch(/Expecting operator but got 'WEB'/);
    expect((await bad('summary ~ "open'))[0]).toMatch(
      /The quoted string 'open' has not been completed/,
    );
    expect((await bad('labels = a%b'))[0]).toMatch(/The character '%' is a reserved JQL character/);
    expect(await bad('project = NOPE AND flavour = sweet')).toEqual([
      "The value 'NOPE' does not exist for the field 'project'.",
      "Field 'flavour' does not exist or you do not have permission to view it.",
    ]);
    expect((await bad('updated >= "yesterday"'))[0]).toMatch(
      /^Date value 'yesterday' for field 'updated' is invalid/,
    );
    expect((await bad('key = ZZZ-99999'))[0]).toBe(
      "An issue with key 'ZZZ-99999' does not exist for field 'key'.",
    );
    expect((await bad('labels > 3'))[0]).toBe(
      "The operator '>' is not supported by the 'labels' field.",
    );
    expect((await bad('ORDER BY key'))[0]).toMatch(/^Unbounded JQL queries are not allowed/);
    expect((await bad(''))[0]).toMatch(/^Unbounded JQL queries are not allowed/);
  });

  it('the old /rest/api/3/search answers 410 Gone', async () => {
    // The client still has the retired calls; the point is what the endpoint answers now.
    const { status, data } = await failure(
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      h.client.issueSearch.searchForIssuesUsingJql({ jql: 'project = WEB' }),
    );
    expect(status).toBe(410);
    expect((data as { errorMessages: string[] }).errorMessages[0]).toMatch(/search\/jql/);
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const post = h.client.issueSearch.searchForIssuesUsingJqlPost({ jql: 'project = WEB' });
    expect((await failure(post)).status).toBe(410);
  });
});
