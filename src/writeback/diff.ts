/**
 * A unified diff of two texts, line by line (for `writeback --dry-run`). Comments are a few hundred
 * lines at most, so the textbook LCS table is fast enough and keeps this dependency-free.
 */

export interface UnifiedDiffOptions {
  fromLabel: string;
  toLabel: string;
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Edit script from the longest common subsequence of lines. */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i] ?? '', a: i++, b: j++ });
    } else if (i < n && (j === m || at(i + 1, j) >= at(i, j + 1))) {
      // Deletions before insertions, as diff(1) prints them.
      ops.push({ kind: '-', line: a[i] ?? '', a: i++, b: j });
    } else {
      ops.push({ kind: '+', line: b[j] ?? '', a: i, b: j++ });
    }
  }
  return ops;
}

function range(start: number, count: number): string {
  // Unified diff ranges are 1-based; an empty range names the line before it.
  return count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
}

/** The unified diff; '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, options: UnifiedDiffOptions): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const ops = editScript(splitLines(before), splitLines(after));
  const changed = ops.map((op, k) => (op.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  const out = [`--- ${options.fromLabel}`, `+++ ${options.toLabel}`];
  let k = 0;
  while (k < changed.length) {
    const first = changed[k] ?? 0;
    let last = first;
    // Merge changes whose context windows touch.
    while (k + 1 < changed.length && (changed[k + 1] ?? 0) - last <= 2 * context)
      last = changed[++k] ?? last;
    k++;
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length, last + context + 1);
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((op) => op.kind !== '+').length;
    const bCount = hunk.filter((op) => op.kind !== '-').length;
    const aStart = hunk[0]?.a ?? 0;
    const bStart = hunk[0]?.b ?? 0;
    out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`);
    for (const op of hunk) out.push(`${op.kind}${op.line}`);
  }
  return `${out.join('\n')}\n`;
}
