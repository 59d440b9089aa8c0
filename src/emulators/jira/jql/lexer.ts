/**
 * JQL tokens. Quoted strings take `"…"` or `'…'` with backslash escapes; unquoted words may
 * hold letters, digits and `_ . - : / @ $` (so `ABC-12`, `2026/11/20`, `-5d` need no quotes);
 * `cf[10014]` is one word. Other punctuation outside quotes is a reserved character, reported
 * the way Jira reports it
 * (https://support.atlassian.com/jira-software-cloud/docs/jql-keywords/ — "Reserved characters").
 */

/** Invalid JQL: Jira answers 400 with these as `errorMessages`. */
export class JqlError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(' '));
  }
}

export type TokenKind = 'string' | 'word' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  kind: TokenKind;
  value: string;
  /** 1-based character position, as in Jira's "(line 1, character N)". */
  pos: number;
}

const WORD_CHAR = /[\p{L}\p{N}_.\-:/@$]/u;
const OPERATORS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'];

export function syntaxError(message: string, pos: number): JqlError {
  return new JqlError([`Error in the JQL Query: ${message} (line 1, character ${pos})`]);
}

export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i] as string;
    const pos = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const [value, end] = readQuoted(jql, i);
      tokens.push({ kind: 'string', value, pos });
      i = end;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', value: c, pos });
      i++;
    } else if (c === '&' || c === '|') {
      const double = jql[i + 1] === c;
      tokens.push({ kind: 'word', value: c === '&' ? 'AND' : 'OR', pos });
      i += double ? 2 : 1;
    } else if (c === '!' && jql[i + 1] !== '=' && jql[i + 1] !== '~') {
      tokens.push({ kind: 'word', value: 'NOT', pos });
      i++;
    } else {
      const op = OPERATORS.find((o) => jql.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', value: op, pos });
        i += op.length;
        continue;
      }
      const cf = /^cf\[\d+\]/i.exec(jql.slice(i));
      if (cf) {
        tokens.push({ kind: 'word', value: cf[0], pos });
        i += cf[0].length;
        continue;
      }
      if (!WORD_CHAR.test(c)) {
        const code = c.charCodeAt(0).toString(16).padStart(4, '0');
        throw syntaxError(
          `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead.`,
          pos,
        );
      }
      let end = i;
      while (end < jql.length && WORD_CHAR.test(jql[end] as string)) end++;
      tokens.push({ kind: 'word', value: jql.slice(i, end), pos });
      i = end;
    }
  }
  tokens.push({ kind: 'end', value: '', pos: jql.length + 1 });
  return tokens;
}

function readQuoted(jql: string, start: number): [string, number] {
  const quote = jql[start];
  let value = '';
  let i = start + 1;
  while (i < jql.length) {
    const c = jql[i] as string;
    if (c === quote) return [value, i + 1];
    if (c === '\\') {
      const next = jql[i + 1];
      if (next === 'u') {
        value += String.fromCharCode(parseInt(jql.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      value += next === 'n' ? '\n' : next === 't' ? '\t' : (next ?? '');
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw syntaxError(`The quoted string '${value}' has not been completed.`, start + 1);
}
