/**
 * A readable plain-text projection of an ADF document, one block per line: what a person diffs in
 * `--dry-run`, and where the sticky-comment finder looks for northstar's visible footer. Lenient on
 * purpose (it reads whatever Jira returns, including node types northstar never writes).
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: Json): unknown[] {
  const content = node['content'];
  return Array.isArray(content) ? content : [];
}

/** A string attribute, or '' for anything else. */
function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function inlineText(node: unknown): string {
  if (!isObject(node)) return '';
  const attrs = isObject(node['attrs']) ? node['attrs'] : {};
  switch (node['type']) {
    case 'text': {
      const text = typeof node['text'] === 'string' ? node['text'] : '';
      const marks = Array.isArray(node['marks']) ? node['marks'] : [];
      const link = marks.find((m): m is Json => isObject(m) && m['type'] === 'link');
      const href = link && isObject(link['attrs']) ? link['attrs']['href'] : undefined;
      return typeof href === 'string' ? `${text} <${href}>` : text;
    }
    case 'status':
      return `[${str(attrs['text'])}]`;
    case 'hardBreak':
      return '\n';
    case 'mention':
      return str(attrs['text']) || `@${str(attrs['id'])}`;
    case 'emoji':
      return str(attrs['text']) || str(attrs['shortName']);
    case 'date':
      return str(attrs['timestamp']);
    case 'inlineCard':
      return str(attrs['url']);
    default:
      return children(node).map(inlineText).join('');
  }
}

function blockLines(node: unknown, indent: string): string[] {
  if (!isObject(node)) return [];
  const attrs = isObject(node['attrs']) ? node['attrs'] : {};
  switch (node['type']) {
    case 'paragraph':
      return [`${indent}${children(node).map(inlineText).join('')}`];
    case 'heading': {
      const level = typeof attrs['level'] === 'number' ? attrs['level'] : 1;
      return [`${indent}${'#'.repeat(level)} ${children(node).map(inlineText).join('')}`];
    }
    case 'bulletList':
    case 'orderedList':
      return children(node).flatMap((item, i) => {
        const bullet = node['type'] === 'bulletList' ? '-' : `${i + 1}.`;
        const [first = '', ...rest] = blockLines(item, `${indent}  `);
        return [`${indent}${bullet} ${first.trimStart()}`, ...rest];
      });
    case 'listItem':
      return children(node).flatMap((child) => blockLines(child, indent));
    case 'table':
      return children(node).map(
        (row) =>
          `${indent}| ${(isObject(row) ? children(row) : [])
            .map((cell) =>
              isObject(cell)
                ? children(cell)
                    .flatMap((b) => blockLines(b, ''))
                    .join(' ')
                : '',
            )
            .join(' | ')} |`,
      );
    case 'rule':
      return [`${indent}---`];
    default:
      return children(node).flatMap((child) => blockLines(child, indent));
  }
}

export function adfToText(doc: unknown): string {
  if (!isObject(doc)) return '';
  return children(doc)
    .flatMap((block) => blockLines(block, ''))
    .join('\n');
}
