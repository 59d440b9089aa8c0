import { describe, expect, it } from 'vitest';
import { closingReferences } from '../../src/sources/github/closing-refs.js';

describe('closing references in a PR description', () => {
  it('reads every closing keyword, #N, owner/repo#N and issue URLs', () => {
    const body = [
      'Fixes #12 and closes acme/Api#7.',
      'Resolved: #30',
      'fixed https://github.com/acme/web/issues/44',
      'Close #12', // the same issue again: once
    ].join('\n');
    expect(closingReferences(body, 'Acme/Web')).toEqual([
      'acme/web#12',
      'acme/api#7',
      'acme/web#30',
      'acme/web#44',
    ]);
  });

  it('ignores mentions without a closing keyword, and empty descriptions', () => {
    expect(
      closingReferences('See #12; related to acme/api#7; prefix#3; unfixes #4', 'a/b'),
    ).toEqual([]);
    expect(closingReferences(null, 'a/b')).toEqual([]);
    expect(closingReferences('', 'a/b')).toEqual([]);
  });
});
