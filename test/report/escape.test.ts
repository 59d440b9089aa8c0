import { describe, expect, it } from 'vitest';
import { escapeHtml, html, linkHtml, rawHtml, safeHttpUrl } from '../../src/report/escape.js';

describe('html escaping', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const title = '<img src=x onerror=alert(1)>';
    const out = html`<p title="${title}">${title}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('keeps markup built by the tag, joins arrays, drops null and false', () => {
    // Called through an alias so Prettier leaves the template's exact text alone.
    const tag = html;
    const items = ['a<b', 'c'].map((t) => tag`<li>${t}</li>`);
    expect(tag`<ul>${items}${null}${false}${undefined}</ul>`.value).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>',
    );
    expect(tag`${rawHtml('<br>')}${0}`.value).toBe('<br>0');
  });

  it('lets only absolute http(s) URLs into href', () => {
    expect(safeHttpUrl('https://acme.atlassian.net/browse/A-1')).toBe(
      'https://acme.atlassian.net/browse/A-1',
    );
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
    expect(linkHtml('x<y', 'javascript:alert(1)').value).toBe('x&lt;y');
    expect(linkHtml('A-1', 'https://a.test/?q="x"').value).toBe(
      '<a href="https://a.test/?q=%22x%22">A-1</a>',
    );
  });
});
