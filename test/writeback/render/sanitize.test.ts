import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  markdownLink,
  markdownUrl,
  ZWSP,
} from '../../../src/writeback/render/sanitize.js';
import { HOSTILE_TEXTS } from '../fixtures/rollups.js';
import { issueReferencesIn, linkTargets, mentionsIn, renderMarkdown } from '../helpers/markdown.js';

/** Renders `text` inside a sentence, as the comment does. */
function rendered(text: string): string {
  return renderMarkdown(`Item: ${escapeMarkdown(text)} done`);
}

/** Visible text of rendered HTML, entities decoded, zero-width spaces removed. */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u200B/g, '')
    .trim();
}

describe('escapeMarkdown', () => {
  it.each(HOSTILE_TEXTS)('renders %j as exactly that text, inert', (hostile) => {
    const html = rendered(hostile);
    expect(visible(html)).toBe(`Item: ${hostile} done`);
    expect(html).toMatch(/^<p>Item: .* done<\/p>\n$/);
    // No element but the paragraph (no <script>, <b>, <strong>, <img>, <code>, comment), except
    // the autolink GitHub itself makes of a bare http(s) URL, which the policy allows.
    const tags = html.match(/<[a-z!][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => !tag.startsWith('<a href="https://'))).toEqual(['<p>']);
    expect(linkTargets(html).every((href) => href.startsWith('https://'))).toBe(true);
    expect(mentionsIn(html)).toEqual([]);
    expect(issueReferencesIn(html)).toEqual([]);
  });

  it('breaks @mentions and #refs with a zero-width space, as Renovate does', () => {
    expect(escapeMarkdown('@everyone')).toBe(`@${ZWSP}everyone`);
    expect(escapeMarkdown('@acme/platform-team')).toBe(`@${ZWSP}acme/platform-team`);
    expect(escapeMarkdown('fixes #12')).toBe(`fixes #${ZWSP}12`);
    expect(escapeMarkdown('a@b.test')).toBe(`a@${ZWSP}b.test`);
  });

  it('escapes line-start syntax only at the start', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('v1.2 - beta')).toBe('v1.2 - beta');
  });

  it('keeps a title on one line and drops control characters', () => {
    expect(escapeMarkdown('one\r\n\n- two\u0000\tthree')).toBe('one - two three');
  });
});

describe('markdownUrl / markdownLink', () => {
  it('keeps http(s) URLs, percent-encoding what would end a link destination', () => {
    expect(markdownUrl('https://x.test/a b/(c)?q=<d>')).toBe(
      'https://x.test/a%20b/%28c%29?q=%3Cd%3E',
    );
    expect(markdownLink('INFRA-1', 'https://acme.atlassian.net/browse/INFRA-1')).toBe(
      '[INFRA-1](https://acme.atlassian.net/browse/INFRA-1)',
    );
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'vbscript:x',
    '//evil.test',
    'ftp://x.test',
    'https://u:p@x.test',
  ])('drops %s and keeps only the text', (url) => {
    expect(markdownUrl(url)).toBeNull();
    expect(markdownLink('click', url)).toBe('click');
  });

  it('escapes the label of a link', () => {
    const html = renderMarkdown(markdownLink('[x](javascript:alert(1)) @team', 'https://x.test/'));
    expect(linkTargets(html)).toEqual(['https://x.test/']);
    expect(mentionsIn(html)).toEqual([]);
  });
});
