import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MALFORM_KINDS } from '../../../src/emulators/jira/index.js';
import { startJira, type JiraHarness } from './helpers.js';

type Hit = { id: unknown; key: unknown; fields: Record<string, unknown> };

/** What a well-formed hit looks like for the fields requested below. */
function wellFormed(hit: Hit): boolean {
  const f = hit.fields;
  return (
    typeof hit.id === 'string' &&
    typeof hit.key === 'string' &&
    typeof f['created'] === 'string' &&
    typeof (f['status'] as { name?: unknown } | undefined)?.name === 'string' &&
    typeof (f['issuetype'] as { name?: unknown } | undefined)?.name === 'string'
  );
}

describe('Jira emulator: malformed items', () => {
  let h: JiraHarness;
  let jql: string;
  beforeAll(async () => {
    h = await startJira({ seed: 'malformed', issues: 300, projects: 3 });
    jql = `project in (${h.emu.control
      .projects()
      .map((p) => p.key)
      .join(', ')}) ORDER BY key ASC`;
  });
  afterAll(() => h.close());

  const everything = async (): Promise<Hit[]> => {
    const out: Hit[] = [];
    let token: string | undefined;
    do {
      const page = await h.client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql,
        fields: ['summary', 'status', 'issuetype', 'created'],
        maxResults: 100,
        ...(token ? { nextPageToken: token } : {}),
      });
      out.push(...((page.issues ?? []) as unknown as Hit[]));
      token = page.nextPageToken;
    } while (token);
    return out;
  };

  it('breaks exactly the marked issues, one defect each, and leaves the rest of every page valid', async () => {
    const marked = h.emu.control.markMalformed({ count: 10 });
    expect(marked).toHaveLength(10);
    expect(new Set(marked.map((m) => m.kind))).toEqual(new Set(MALFORM_KINDS));
    const hits = await everything();
    expect(hits).toHaveLength(300);
    const broken = hits.filter((hit) => !wellFormed(hit));
    expect(broken).toHaveLength(10);
    const byId = new Map(broken.map((hit) => [String(hit.id), hit]));
    for (const m of marked) {
      const hit = byId.get(m.id)!;
      switch (m.kind) {
        case 'missing-status':
          expect(hit.fields).not.toHaveProperty('status');
          break;
        case 'created-number':
          expect(typeof hit.fields['created']).toBe('number');
          break;
        case 'key-null':
          expect(hit.key).toBeNull();
          break;
        case 'id-number':
          expect(typeof hit.id).toBe('number');
          break;
        case 'issuetype-string':
          expect(hit.fields['issuetype']).toBe('Story');
          break;
      }
    }
  });

  it('serves them broken from bulk fetch and GET issue too, until cleared', async () => {
    h.emu.control.clearMalformed();
    const [m] = h.emu.control.markMalformed({
      keys: [h.emu.control.issues()[3]!.key],
      kinds: ['missing-status'],
    });
    const bulk = await h.client.issues.bulkFetchIssues({
      issueIdsOrKeys: [m!.key, h.emu.control.issues()[4]!.key],
    });
    expect(bulk.issues?.[0]?.fields).not.toHaveProperty('status');
    expect(bulk.issues?.[1]?.fields).toHaveProperty('status');
    expect((await h.client.issues.getIssue({ issueIdOrKey: m!.key })).fields).not.toHaveProperty(
      'status',
    );
    h.emu.control.clearMalformed();
    expect((await h.client.issues.getIssue({ issueIdOrKey: m!.key })).fields).toHaveProperty(
      'status',
    );
    expect((await everything()).every(wellFormed)).toBe(true);
  });
});
