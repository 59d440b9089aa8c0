import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../../src/emulators/github/index.js';
import { createSpecValidator, GITHUB_SPEC } from '../../helpers/openapi.js';
import { get, startEmulator } from './helpers.js';
import { GITHUB_SPEC_ALLOWLIST } from './spec-allowlist.js';

const validator = createSpecValidator(GITHUB_SPEC, { allow: GITHUB_SPEC_ALLOWLIST });

/** Indices of the list entries the spec validator complains about. */
function invalidIndices(path: string, body: unknown): number[] {
  const problems = validator.validate({ method: 'GET', url: path, status: 200, body });
  const indices = problems.map((p) => Number(/ \/(\d+)/.exec(p)?.[1]));
  return [...new Set(indices)].sort((a, b) => a - b);
}

describe('GitHub emulator: malformed items', () => {
  let emu: GitHubEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ repos: 2, issues: 80, prs: 40 });
  });
  afterAll(() => emu.close());

  it('sends exactly the marked items malformed; the rest of the page stays valid', async () => {
    const path = '/repos/acme/scheduler/issues?state=all&per_page=100';
    const clean = (await (await get(emu, path)).json()) as { number: number }[];
    expect(invalidIndices(path, clean)).toEqual([]);

    const marked = emu.control.malform({ count: 6, repo: 'acme/scheduler', seed: 'm1' });
    expect(marked).toHaveLength(6);
    expect(new Set(marked.map((m) => m.kind))).toEqual(new Set(['wrong-type', 'missing-required']));
    const broken = (await (await get(emu, path)).json()) as unknown[];
    const expected = marked
      .map((m) => clean.findIndex((item) => item.number === m.number))
      .sort((a, b) => a - b);
    expect(invalidIndices(path, broken)).toEqual(expected);
    expect(broken.length).toBe(clean.length);

    emu.control.clearMalformed();
    expect(invalidIndices(path, await (await get(emu, path)).json())).toEqual([]);
  });

  it('marks a chosen item with a chosen defect, in lists and single gets, pulls included', async () => {
    const pull = [...emu.control.store.repo('acme', 'scheduler')!.items.values()].find(
      (i) => i.pull,
    )!;
    emu.control.markMalformed(
      { repo: 'acme/scheduler', number: pull.number },
      'missing-required',
      'user',
    );
    const single = (await (
      await get(emu, `/repos/acme/scheduler/pulls/${pull.number}`)
    ).json()) as Record<string, unknown>;
    expect('user' in single).toBe(false);
    const list = (await (
      await get(emu, '/repos/acme/scheduler/pulls?state=all&per_page=100')
    ).json()) as Record<string, unknown>[];
    expect(list.filter((p) => !('user' in p)).map((p) => p['number'])).toEqual([pull.number]);
    emu.control.clearMalformed();
  });

  it('can be driven over HTTP', async () => {
    const response = await fetch(`${emu.origin}/_emulator/github/malformed`, {
      method: 'POST',
      body: JSON.stringify({ count: 2, kinds: ['wrong-type'], pullsOnly: true }),
    });
    const marked = (await response.json()) as { kind: string; repo: string; number: number }[];
    expect(marked).toHaveLength(2);
    expect(marked.every((m) => m.kind === 'wrong-type')).toBe(true);
    const bad = await fetch(`${emu.origin}/_emulator/github/malformed`, {
      method: 'POST',
      body: JSON.stringify({ count: 0 }),
    });
    expect(bad.status).toBe(400);
    await fetch(`${emu.origin}/_emulator/github/malformed`, { method: 'DELETE' });
  });
});
