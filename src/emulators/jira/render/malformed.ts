/**
 * The "malformed items" fault: marked issues are rendered broken — a required field missing or
 * of the wrong type — wherever issues are returned (search, bulk fetch, GET issue), while
 * every other issue on the same page stays valid. This is what a client's per-item validation
 * and quarantine must survive.
 */
import type { IssueRecord } from '../store/types.js';
import type { Json } from './context.js';

export const MALFORM_KINDS = [
  'missing-status',
  'created-number',
  'key-null',
  'id-number',
  'issuetype-string',
] as const;
export type MalformKind = (typeof MALFORM_KINDS)[number];

export interface Malformation {
  id: string;
  key: string;
  kind: MalformKind;
}

export class MalformedIssues {
  private readonly marked = new Map<number, MalformKind>();

  mark(issue: IssueRecord, kind: MalformKind): void {
    this.marked.set(issue.index, kind);
  }

  clear(): void {
    this.marked.clear();
  }

  get size(): number {
    return this.marked.size;
  }

  kindOf(issue: IssueRecord): MalformKind | undefined {
    return this.marked.get(issue.index);
  }

  /** Breaks the rendered issue in place (if it is marked) and returns it. */
  apply(issue: IssueRecord, json: Json): Json {
    const kind = this.marked.get(issue.index);
    if (kind === undefined) return json;
    const fields = json['fields'] as Json | undefined;
    switch (kind) {
      case 'missing-status':
        if (fields) delete fields['status'];
        break;
      case 'created-number':
        if (fields && 'created' in fields) fields['created'] = issue.created;
        break;
      case 'key-null':
        if ('key' in json) json['key'] = null;
        break;
      case 'id-number':
        json['id'] = Number(json['id']);
        break;
      case 'issuetype-string':
        if (fields && 'issuetype' in fields) fields['issuetype'] = 'Story';
        break;
    }
    return json;
  }
}
