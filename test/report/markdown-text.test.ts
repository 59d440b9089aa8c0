import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  markdownCount,
  markdownLink,
  markdownTable,
} from '../../src/report/markdown-text.js';

describe('markdown escaping', () => {
  it('keeps markup, table pipes and line breaks from Jira/GitHub as text', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdown('a | b\nc *d* [e](f) `g`')).toBe('a \\| b c \\*d\\* \\[e\\](f) \\`g\\`');
  });

  it('leaves # and a plain & readable, but escapes an entity', () => {
    expect(escapeMarkdown('Invoice API & PDFs, acme/web#12')).toBe(
      'Invoice API & PDFs, acme/web#12',
    );
    expect(escapeMarkdown('&lt;b&gt;')).toBe('\\&lt;b\\&gt;');
  });

  it('defuses @mentions but leaves e-mail addresses alone', () => {
    expect(escapeMarkdown('ask @sre-team and @octocat')).toBe(
      'ask @\u200bsre-team and @\u200boctocat',
    );
    expect(escapeMarkdown('li@example.com')).toBe('li@example.com');
  });

  it('links only http(s) URLs, with parentheses encoded', () => {
    expect(markdownLink('3', 'https://j.test/issues/?jql=issue in (A-1)')).toBe(
      '[3](https://j.test/issues/?jql=issue%20in%20%28A-1%29)',
    );
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x');
  });

  it('links a count to Jira and GitHub, and leaves zero plain', () => {
    expect(
      markdownCount(
        { value: 2, jiraUrl: 'https://j.test/a', githubUrl: 'https://g.test/b' },
        'blocked',
      ),
    ).toBe('[2 blocked](https://j.test/a) ([GH](https://g.test/b))');
    expect(markdownCount({ value: 0, jiraUrl: 'https://j.test/a', githubUrl: null })).toBe('0');
  });

  it('writes GitHub-flavoured tables', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
