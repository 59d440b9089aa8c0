/**
 * The `fields` parameter: `*all`, `*navigable`, field ids, and `-field` exclusions, given as a
 * comma-separated list, repeated parameters or a JSON array. Defaults differ per endpoint:
 * enhanced search returns `id` only, bulk fetch `*navigable`, GET issue `*all`
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get).
 * Unknown field ids are ignored, as Jira ignores them.
 */

export class FieldSelection {
  private constructor(
    private readonly all: boolean,
    private readonly include: ReadonlySet<string>,
    private readonly exclude: ReadonlySet<string>,
  ) {}

  static parse(specs: readonly string[], fallback: string): FieldSelection {
    const list = specs.length > 0 ? specs : [fallback];
    let all = false;
    const include = new Set<string>();
    const exclude = new Set<string>();
    for (const spec of list) {
      if (spec === '*all' || spec === '*navigable') all = true;
      else if (spec.startsWith('-')) exclude.add(spec.slice(1));
      else include.add(spec);
    }
    // "-description" alone means "navigable fields except description".
    if (include.size === 0 && exclude.size > 0) all = true;
    return new FieldSelection(all, include, exclude);
  }

  wants(field: string): boolean {
    return !this.exclude.has(field) && (this.all || this.include.has(field));
  }

  /** Only `id` (and/or `key`) asked for: the cheap hits that allow 5000 per page. */
  get idsOnly(): boolean {
    if (this.all) return false;
    for (const field of this.include) if (field !== 'id' && field !== 'key') return false;
    return true;
  }

  get wantsKey(): boolean {
    return this.include.has('key');
  }
}
