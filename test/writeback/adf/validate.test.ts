import { describe, expect, it } from 'vitest';
import {
  bulletList,
  doc,
  link,
  paragraph,
  status,
  table,
  tableCell,
  tableHeader,
  tableRow,
  text,
} from '../../../src/writeback/adf/nodes.js';
import { validateAdf } from '../../../src/writeback/adf/validate.js';

const p = (...content: unknown[]): unknown => ({ type: 'paragraph', content });
const t = (value: string, marks?: unknown[]): unknown =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const d = (...content: unknown[]): unknown => ({ version: 1, type: 'doc', content });

function problemsOf(value: unknown): string[] {
  return validateAdf(value).problems.map((x) => `${x.path}: ${x.message}`);
}

describe('validateAdf', () => {
  it('accepts documents built from the constructors', () => {
    const built = doc(
      paragraph(
        text('Health: '),
        status('On track', 'green'),
        link(' INFRA-1', 'https://x.test/1'),
      ),
      bulletList([[text('one')], [text('two')]]),
      table([tableRow([tableHeader(text('a'))]), tableRow([tableCell(text('1'))])]),
    );
    expect(validateAdf(built)).toEqual({ valid: true, problems: [] });
  });

  it('accepts an empty document and the nodes Jira allows beyond what northstar writes', () => {
    expect(validateAdf(d()).valid).toBe(true);
    const rich = d(
      { type: 'heading', attrs: { level: 2 }, content: [t('Title')] },
      {
        type: 'panel',
        attrs: { panelType: 'info' },
        content: [
          p(t('x', [{ type: 'code' }, { type: 'link', attrs: { href: 'https://a.test' } }])),
        ],
      },
      { type: 'codeBlock', attrs: { language: 'ts' }, content: [t('const a = 1;')] },
      { type: 'blockquote', content: [p(t('quoted'))] },
      {
        type: 'orderedList',
        attrs: { order: 3 },
        content: [
          {
            type: 'listItem',
            content: [
              p(t('a')),
              { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('b'))] }] },
            ],
          },
        ],
      },
      p(
        { type: 'mention', attrs: { id: 'abc', text: '@Li' } },
        { type: 'emoji', attrs: { shortName: ':smile:' } },
        { type: 'date', attrs: { timestamp: '1700000000000' } },
        { type: 'hardBreak' },
        { type: 'inlineCard', attrs: { url: 'https://a.test/card' } },
      ),
      { type: 'expand', attrs: { title: 'more' }, content: [p(t('hidden'))] },
      { type: 'rule' },
      {
        ...(p(t('centered')) as object),
        marks: [{ type: 'alignment', attrs: { align: 'center' } }],
      },
    );
    expect(problemsOf(rich)).toEqual([]);
  });

  it('requires version 1 and a doc root', () => {
    expect(problemsOf({ version: 2, type: 'doc', content: [] })).toEqual([
      'version: the document version must be 1',
    ]);
    expect(problemsOf({ type: 'paragraph', content: [] })).toContain(
      'type: the root node must have type "doc"',
    );
    expect(problemsOf('text')).toEqual(['(root): an ADF document must be a JSON object']);
    expect(problemsOf({ version: 1, type: 'doc', content: [], extra: 1 })).toEqual([
      'extra: unexpected property "extra"',
    ]);
  });

  it('rejects unknown node types and nodes in the wrong place', () => {
    expect(problemsOf(d({ type: 'blink', content: [] }))).toEqual([
      'content[0].type: unknown node type "blink"',
    ]);
    expect(problemsOf(d(t('loose text')))).toEqual([
      'content[0].type: "text" is not allowed inside "doc"',
    ]);
    expect(problemsOf(d(p(p(t('nested')))))).toEqual([
      'content[0].content[0].type: "paragraph" is not allowed inside "paragraph"',
    ]);
    expect(
      problemsOf(
        d({
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [] }] }],
        }),
      ),
    ).toEqual([
      'content[0].content[0].content[0].type: "bulletList" is not allowed first inside "listItem"',
    ]);
    expect(problemsOf(d({ type: 'table', content: [{ type: 'tableRow', content: [] }] }))).toEqual([
      'content[0].content[0].content: "tableRow" needs at least 1 child node(s)',
    ]);
    expect(problemsOf(d({ type: 'bulletList', content: [] }))).toEqual([
      'content[0].content: "bulletList" needs at least 1 child node(s)',
    ]);
    expect(problemsOf(d({ type: 'rule', content: [] }))).toEqual([
      'content[0].content: unexpected property "content"',
      'content[0].content: "rule" nodes have no content',
    ]);
  });

  it('checks text nodes and their marks', () => {
    expect(problemsOf(d(p(t(''))))).toEqual([
      'content[0].content[0].text: text must be a non-empty string',
    ]);
    expect(problemsOf(d(p(t('x', [{ type: 'strong' }, { type: 'strong' }]))))).toEqual([
      'content[0].content[0].marks[1].type: mark "strong" appears twice',
    ]);
    expect(problemsOf(d(p(t('x', [{ type: 'code' }, { type: 'strong' }]))))).toEqual([
      'content[0].content[0].marks: the "code" mark can only be combined with "link"',
    ]);
    expect(problemsOf(d(p(t('x', [{ type: 'blink' }]))))).toEqual([
      'content[0].content[0].marks[0].type: mark "blink" is not allowed here',
    ]);
    expect(problemsOf(d(p(t('x', [{ type: 'strong', attrs: {} }]))))).toEqual([
      'content[0].content[0].marks[0].attrs: "strong" has no attrs',
    ]);
    expect(problemsOf(d({ type: 'codeBlock', content: [t('x', [{ type: 'strong' }])] }))).toEqual([
      'content[0].content[0].marks: text inside a codeBlock cannot carry marks',
    ]);
    expect(problemsOf(d(p({ type: 'text', text: 'x', bold: true })))).toEqual([
      'content[0].content[0].bold: unexpected property "bold"',
    ]);
  });

  it('allows only absolute http(s) links', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,x',
      '/relative',
      'mailto:a@b.c',
      'https://user:pw@x.test',
    ]) {
      expect(problemsOf(d(p(t('x', [{ type: 'link', attrs: { href } }]))))).toEqual([
        'content[0].content[0].marks[0].attrs.href: must be an absolute http(s) URL',
      ]);
    }
    expect(problemsOf(d(p(t('x', [{ type: 'link', attrs: {} }]))))).toEqual([
      'content[0].content[0].marks[0].attrs.href: attribute "href" is required',
    ]);
    expect(problemsOf(d(p({ type: 'inlineCard', attrs: { url: 'javascript:x' } })))).toEqual([
      'content[0].content[0].attrs.url: must be an absolute http(s) URL',
    ]);
  });

  it('checks status lozenges and other attributes', () => {
    expect(problemsOf(d(p({ type: 'status', attrs: { text: 'OK', color: 'orange' } })))).toEqual([
      'content[0].content[0].attrs.color: must be one of "neutral", "purple", "blue", "red", "yellow", "green"',
    ]);
    expect(problemsOf(d(p({ type: 'status', attrs: { text: '', color: 'green' } })))).toEqual([
      'content[0].content[0].attrs.text: must be a non-empty string',
    ]);
    expect(problemsOf(d(p({ type: 'status' })))).toEqual([
      'content[0].content[0].attrs: attrs are required',
    ]);
    expect(
      problemsOf(d(p({ type: 'status', attrs: { text: 'x', color: 'red', size: 3 } }))),
    ).toEqual(['content[0].content[0].attrs.size: unexpected attribute "size"']);
    expect(problemsOf(d({ type: 'heading', attrs: { level: 7 }, content: [] }))).toEqual([
      'content[0].attrs.level: must be a number from 1 to 6',
    ]);
    expect(problemsOf(d({ type: 'panel', attrs: { panelType: 'info' }, content: [] }))).toEqual([
      'content[0].content: "panel" needs at least 1 child node(s)',
    ]);
    expect(
      problemsOf(
        d(p(t('x')), {
          ...(p(t('y')) as object),
          marks: [{ type: 'breakout', attrs: { mode: 'wide' } }],
        }),
      ),
    ).toEqual(['content[1].marks[0].type: mark "breakout" is not allowed here']);
  });

  it('stops after maxProblems', () => {
    const many = d(...Array.from({ length: 10 }, () => ({ type: 'blink' })));
    expect(validateAdf(many, { maxProblems: 3 }).problems).toHaveLength(3);
  });
});
