/**
 * Data-level faults: chosen items are sent with a field of the wrong type or a required field
 * missing, while the rest of the page stays valid — the case a sync must quarantine without
 * losing the page. Applies to every response that renders the item (issue and pull lists and
 * single gets).
 */
import { Rng } from '../../core/index.js';
import type { GitHubStore } from '../store/store.js';
import type { ItemRecord, RepoRecord } from '../store/types.js';

type Json = Record<string, unknown>;

export type MalformKind = 'wrong-type' | 'missing-required';

export interface Malformation {
  repo: string;
  number: number;
  kind: MalformKind;
  field: string;
}

/** Each replaces one required field with a value of another type. */
const WRONG_TYPE: Record<string, (json: Json) => unknown> = {
  number: (json) => String(json['number']),
  title: () => 12345,
  created_at: (json) => Date.parse(String(json['created_at'])),
  labels: () => 'bug,enhancement',
  state: () => true,
  id: (json) => `#${String(json['id'])}`,
};

/** Required in both the issue and the pull request schemas. */
const MISSING_REQUIRED = ['id', 'number', 'state', 'created_at', 'html_url', 'user', 'title'];

export class MalformedItems {
  /** By issue id, so a mark survives edits and follows a transferred issue. */
  private readonly marks = new Map<number, { kind: MalformKind; field: string }>();

  constructor(private readonly store: GitHubStore) {}

  /** Marks `count` items picked deterministically (by `seed`) from one repo or all of them. */
  mark(options: {
    count: number;
    repo?: string;
    kinds?: MalformKind[];
    pullsOnly?: boolean;
    seed?: string;
  }): Malformation[] {
    const rng = new Rng(options.seed ?? 'malformed');
    const repos = options.repo
      ? [this.store.repoByFullName(options.repo)].filter((r): r is RepoRecord => r !== undefined)
      : this.store.repos();
    const candidates: { repo: RepoRecord; item: ItemRecord }[] = [];
    for (const repo of repos)
      for (const item of repo.items.values())
        if (!this.marks.has(item.id) && (!options.pullsOnly || item.pull))
          candidates.push({ repo, item });
    const kinds = options.kinds ?? ['wrong-type', 'missing-required'];
    const marked: Malformation[] = [];
    for (let i = 0; i < options.count && candidates.length > 0; i++) {
      const index = rng.int(0, candidates.length - 1);
      const picked = candidates[index];
      if (!picked) break;
      candidates[index] = candidates[candidates.length - 1] as (typeof candidates)[number];
      candidates.pop();
      const kind = rng.pick(kinds);
      const field = rng.pick(kind === 'wrong-type' ? Object.keys(WRONG_TYPE) : MISSING_REQUIRED);
      marked.push(this.markItem({ ...picked, kind, field }));
    }
    return marked;
  }

  markItem(options: {
    repo: RepoRecord;
    item: ItemRecord;
    kind: MalformKind;
    field?: string;
  }): Malformation {
    const field = options.field ?? (options.kind === 'wrong-type' ? 'number' : 'id');
    this.marks.set(options.item.id, { kind: options.kind, field });
    options.repo.version++;
    return {
      repo: this.store.fullName(options.repo),
      number: options.item.number,
      kind: options.kind,
      field,
    };
  }

  clear(): void {
    this.marks.clear();
    for (const repo of this.store.repos()) repo.version++;
  }

  get size(): number {
    return this.marks.size;
  }

  /** The item's JSON as this fault sends it: a shallow copy, so cached parts stay intact. */
  apply(item: ItemRecord, json: Json): Json {
    const mark = this.marks.get(item.id);
    if (!mark) return json;
    if (mark.kind === 'missing-required')
      return Object.fromEntries(Object.entries(json).filter(([key]) => key !== mark.field));
    const copy = { ...json };
    copy[mark.field] = (WRONG_TYPE[mark.field] ?? (() => null))(json);
    return copy;
  }
}
