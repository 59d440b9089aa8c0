import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/writeback/diff.js';

const labels = { fromLabel: 'a', toLabel: 'b' };

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('x\ny\n', 'x\ny\n', labels)).toBe('');
  });

  it('shows one hunk with context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n');
    const after = ['1', '2', '3', '4', 'five', '6', '7', '8', '9'].join('\n');
    expect(unifiedDiff(before, after, labels)).toBe(
      [
        '--- a',
        '+++ b',
        '@@ -2,7 +2,7 @@',
        ' 2',
        ' 3',
        ' 4',
        '-5',
        '+five',
        ' 6',
        ' 7',
        ' 8',
        '',
      ].join('\n'),
    );
  });

  it('splits distant changes into hunks and handles a new file', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l1\n', 'L1\n').replace('l18', 'L18');
    const diff = unifiedDiff(before, after, { ...labels, context: 1 });
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain('@@ -1,3 +1,3 @@\n l0\n-l1\n+L1\n l2\n');
    expect(unifiedDiff('', 'new\nfile\n', labels)).toBe(
      '--- a\n+++ b\n@@ -0,0 +1,2 @@\n+new\n+file\n',
    );
  });
});
