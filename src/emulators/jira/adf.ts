/**
 * Small ADF helpers the Jira emulator needs besides validation: the plain text of a document
 * (Jira's length limit, `renderedBody`, the control API's comment listing) and a one-paragraph
 * document (seeded and control-API comments). Validation is `validateAdf` from
 * `src/writeback/adf`, the same rules northstar's renderer is tested against, so the emulator
 * and the write-back cannot drift apart.
 */

type Json = Record<string, unknown>;

/** Plain text of a document (for length limits and the control API's comment listing). */
export function adfText(node: unknown): string {
  if (!isObject(node)) return '';
  if (node['type'] === 'text' && typeof node['text'] === 'string') return node['text'];
  const content = Array.isArray(node['content']) ? node['content'] : [];
  const inner = content.map(adfText).join(node['type'] === 'doc' ? '\n' : '');
  return node['type'] === 'hardBreak' ? '\n' : inner;
}

/** A one-paragraph document. */
export function paragraphDoc(text: string): Json {
  return {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
