/**
 * Reads the YAML config, substitutes environment variables, validates it and turns it into the
 * domain hierarchy. Every problem is reported with its YAML path and line, never with a secret.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { interpolate, type Env } from './interpolate.js';
import { formatPath, type PathSegment } from './path.js';
import { NorthstarConfig } from './schema.js';

export interface ConfigProblem {
  /** `bets[0].programs[1].projects[2].jira.epics[0]`, or `` for the whole file. */
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `invalid config ${file}:\n` +
        problems
          .map(
            (p) =>
              `  ${p.line === null ? file : `${file}:${p.line}`}  ${p.path || '(file)'}: ${p.message}`,
          )
          .join('\n'),
    );
  }
}

export interface LoadedConfig {
  config: NorthstarConfig;
  file: string;
  /** Values that came from the environment and must never be printed (tokens, emails). */
  secrets: string[];
}

/** Keys whose values are secrets wherever they appear. */
const SECRET_KEYS = new Set(['apiToken', 'token', 'email', 'password']);

export function loadConfigFile(file: string, env: Env = process.env): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new ConfigError(file, [
      {
        path: '',
        line: null,
        column: null,
        message: `${reason} (run "northstar init" to write an example)`,
      },
    ]);
  }
  return parseConfigText(text, { file, env });
}

export function parseConfigText(text: string, options: { file: string; env: Env }): LoadedConfig {
  const { file, env } = options;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): { line: number | null; column: number | null } => {
    if (offset === undefined) return { line: null, column: null };
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  if (document.errors.length > 0) {
    throw new ConfigError(
      file,
      document.errors.map((e) => ({
        path: '',
        ...at(e.pos[0]),
        message: `YAML syntax error: ${e.message.split('\n')[0] ?? e.code}`,
      })),
    );
  }

  const problems: ConfigProblem[] = [];
  const secrets: string[] = [];
  substituteScalars(document, env, (path, node, result) => {
    for (const missing of result.missing) {
      problems.push({
        path: formatPath(path),
        ...at(node.range?.[0]),
        message: `environment variable ${missing.name} is not set (and no \${${missing.name}:-default} is given)`,
      });
    }
    const key = path[path.length - 1];
    if (
      result.used.length > 0 &&
      typeof key === 'string' &&
      SECRET_KEYS.has(key) &&
      result.value !== ''
    ) {
      secrets.push(result.value);
    }
  });
  if (problems.length > 0) throw new ConfigError(file, problems);

  const raw: unknown = document.toJS({ maxAliasCount: 100 });
  const parsed = NorthstarConfig.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((issue) => describeIssue(issue, document, at)),
    );
  }
  return { config: parsed.data, file, secrets };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  document: Document,
  at: (offset: number | undefined) => { line: number | null; column: number | null },
): ConfigProblem {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  let message = issue.message;
  let location = path;
  if (issue.code === 'unrecognized_keys') {
    // Point at the first unknown key itself, and name them all.
    const keys = issue.keys;
    message = `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
    if (keys[0] !== undefined) location = [...path, keys[0]];
    return {
      path: formatPath(location),
      ...at(keyOffset(document, location) ?? nodeOffset(document, path)),
      message,
    };
  }
  const key = path[path.length - 1];
  if (typeof key === 'string' && SECRET_KEYS.has(key)) {
    // Never echo a secret; zod's messages do not, but our refinements might.
    message = message.replace(/"[^"]*"/g, '(value hidden)');
  }
  if (issue.code === 'invalid_type' && !document.hasIn(path)) {
    message = `is required (${issue.expected})`;
    return { path: formatPath(path), ...at(nodeOffset(document, path.slice(0, -1))), message };
  }
  return { path: formatPath(path), ...at(nodeOffset(document, path)), message };
}

/**
 * Offset of the deepest node that exists along `path`. A scalar points at its value; a mapping or
 * sequence under a key points at the key, which is the line a person looks for.
 */
function nodeOffset(document: Document, path: readonly PathSegment[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    const node = document.getIn(prefix, true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) {
      if (!isScalar(node) && typeof prefix[prefix.length - 1] === 'string') {
        return keyOffset(document, prefix) ?? node.range[0];
      }
      return node.range[0];
    }
  }
  return document.contents?.range?.[0];
}

function keyOffset(document: Document, path: readonly PathSegment[]): number | undefined {
  const parent = document.getIn(path.slice(0, -1), true);
  const key = path[path.length - 1];
  if (!isMap(parent)) return undefined;
  for (const pair of parent.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.key.range?.[0];
  }
  return undefined;
}

function substituteScalars(
  document: Document,
  env: Env,
  onScalar: (path: PathSegment[], node: Node, result: ReturnType<typeof interpolate>) => void,
): void {
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        visit(item, [...path, index]);
      });
    } else if (isScalar(node) && typeof node.value === 'string' && node.value.includes('$')) {
      const result = interpolate(node.value, env);
      onScalar(path, node, result);
      node.value = result.value;
    }
  };
  visit(document.contents, []);
}
