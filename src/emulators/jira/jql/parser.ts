/**
 * JQL → syntax tree: `clause ((AND|OR) clause)*` with `NOT` and parentheses (AND binds tighter
 * than OR), clauses `field operator operand`, operands that are values, lists `(a, b)`,
 * functions `now()`, or `EMPTY`/`NULL`, and an optional `ORDER BY f [ASC|DESC], …`.
 * Syntax errors carry Jira's wording and position.
 */
import { syntaxError, tokenize, type Token } from './lexer.js';

export type Operator =
  '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type Operand =
  | { kind: 'value'; text: string; quoted: boolean; pos: number }
  | { kind: 'list'; items: Operand[]; pos: number }
  | { kind: 'function'; name: string; args: string[]; pos: number }
  | { kind: 'empty'; pos: number };

export interface Clause {
  kind: 'clause';
  field: string;
  fieldPos: number;
  op: Operator;
  operand: Operand;
}

export type JqlNode =
  Clause | { kind: 'and' | 'or'; nodes: JqlNode[] } | { kind: 'not'; node: JqlNode };

export interface OrderTerm {
  field: string;
  pos: number;
  descending: boolean;
}

export interface JqlQuery {
  where: JqlNode | null;
  orderBy: OrderTerm[];
}

const OPERATOR_HELP =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).query();
}

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): JqlQuery {
    const where = this.isWord('ORDER') ? null : this.or();
    const orderBy: OrderTerm[] = [];
    if (this.isWord('ORDER')) {
      this.next();
      if (!this.isWord('BY')) throw this.unexpected("Expecting 'BY'");
      this.next();
      for (;;) {
        const field = this.next();
        if (field.kind !== 'word' && field.kind !== 'string')
          throw this.unexpectedAt(field, 'Expecting a field name');
        let descending = false;
        if (this.isWord('ASC') || this.isWord('DESC'))
          descending = this.next().value.toUpperCase() === 'DESC';
        orderBy.push({ field: field.value, pos: field.pos, descending });
        if (this.peek().kind !== 'comma') break;
        this.next();
      }
    }
    const end = this.peek();
    if (end.kind !== 'end') {
      throw this.unexpectedAt(
        end,
        where ? "Expecting either 'OR' or 'AND'" : 'Expecting a field name',
      );
    }
    return { where, orderBy };
  }

  private or(): JqlNode {
    const nodes = [this.and()];
    while (this.isWord('OR')) {
      this.next();
      nodes.push(this.and());
    }
    return nodes.length === 1 ? (nodes[0] as JqlNode) : { kind: 'or', nodes };
  }

  private and(): JqlNode {
    const nodes = [this.unary()];
    while (this.isWord('AND')) {
      this.next();
      nodes.push(this.unary());
    }
    return nodes.length === 1 ? (nodes[0] as JqlNode) : { kind: 'and', nodes };
  }

  private unary(): JqlNode {
    if (this.isWord('NOT')) {
      this.next();
      return { kind: 'not', node: this.unary() };
    }
    if (this.peek().kind === 'lparen') {
      this.next();
      const inner = this.or();
      if (this.peek().kind !== 'rparen') throw this.unexpected("Expecting ')'");
      this.next();
      return inner;
    }
    return this.clause();
  }

  private clause(): Clause {
    const field = this.next();
    if (field.kind !== 'word' && field.kind !== 'string')
      throw this.unexpectedAt(field, 'Expecting a field name');
    const op = this.operator();
    const operand = op === 'in' || op === 'not in' ? this.list() : this.operand(op);
    return { kind: 'clause', field: field.value, fieldPos: field.pos, op, operand };
  }

  private operator(): Operator {
    const t = this.next();
    if (t.kind === 'op') return t.value as Operator;
    const word = t.kind === 'word' ? t.value.toUpperCase() : '';
    if (word === 'IN') return 'in';
    if (word === 'IS') {
      if (this.isWord('NOT')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (word === 'NOT' && this.isWord('IN')) {
      this.next();
      return 'not in';
    }
    throw this.unexpectedAt(t, 'Expecting operator', ` ${OPERATOR_HELP}`);
  }

  private list(): Operand {
    const open = this.peek();
    if (open.kind !== 'lparen') return this.operand('in');
    this.next();
    const items: Operand[] = [this.operand('in')];
    while (this.peek().kind === 'comma') {
      this.next();
      items.push(this.operand('in'));
    }
    if (this.peek().kind !== 'rparen') throw this.unexpected("Expecting ')'");
    this.next();
    return { kind: 'list', items, pos: open.pos };
  }

  private operand(op: Operator): Operand {
    const t = this.next();
    if (t.kind === 'string') return { kind: 'value', text: t.value, quoted: true, pos: t.pos };
    if (t.kind === 'word') {
      const upper = t.value.toUpperCase();
      if (upper === 'EMPTY' || upper === 'NULL') return { kind: 'empty', pos: t.pos };
      if (this.peek().kind === 'lparen') return this.functionCall(t);
      if (!['AND', 'OR', 'NOT', 'ORDER', 'IN', 'IS'].includes(upper) || op === 'is')
        return { kind: 'value', text: t.value, quoted: false, pos: t.pos };
    }
    throw this.unexpectedAt(
      t,
      'Expecting either a value, list or function',
      t.kind === 'end'
        ? ''
        : ` You must surround '${t.value}' in quotation marks to use it as a value.`,
    );
  }

  private functionCall(name: Token): Operand {
    this.next();
    const args: string[] = [];
    while (this.peek().kind !== 'rparen') {
      const arg = this.next();
      if (arg.kind === 'end') throw this.unexpected("Expecting ')'");
      if (arg.kind !== 'comma') args.push(arg.value);
    }
    this.next();
    return { kind: 'function', name: name.value, args, pos: name.pos };
  }

  private peek(): Token {
    return this.tokens[this.i] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.value.toUpperCase() === word;
  }

  private unexpected(expecting: string): Error {
    return this.unexpectedAt(this.peek(), expecting);
  }

  private unexpectedAt(t: Token, expecting: string, tail = ''): Error {
    const got = t.kind === 'end' ? 'reached the end of the query' : `got '${t.value}'`;
    return syntaxError(`${expecting} but ${got}.${tail}`, t.pos);
  }
}
