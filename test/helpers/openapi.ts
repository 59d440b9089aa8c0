/**
 * Validates emulator responses against the vendors' official OpenAPI descriptions
 * (`../shared/specs/*.openapi.json`), so the emulators cannot drift from what real Jira and GitHub
 * answer. Known defects of the specs are waived through an explicit allowlist, each rule with its
 * reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const SPECS_DIR = fileURLToPath(new URL('../../../shared/specs/', import.meta.url));
export const JIRA_SPEC = `${SPECS_DIR}jira-platform-v3.openapi.json`;
export const GITHUB_SPEC = `${SPECS_DIR}github-rest.openapi.json`;

export interface AllowRule {
  /** Operation this rule applies to, as `METHOD /path/{template}`; omit for every operation. */
  operation?: string;
  status?: number;
  /** Matches the error's instance path (e.g. `/issues/0/changelog/histories/0/items/0/from`). */
  instancePath?: RegExp;
  /** Matches the failing schema keyword (`type`, `required`, `additionalProperties`, `format`, …). */
  keyword?: string;
  /** Matches the error message. */
  message?: RegExp;
  /** Why this is a defect of the spec rather than of the emulator. Required. */
  reason: string;
}

export interface Exchange {
  method: string;
  /** Path (with or without query string), relative to the API root, e.g. `/rest/api/3/myself`. */
  url: string;
  status: number;
  body: unknown;
}

export interface SpecValidator {
  /** Problems with this exchange; empty when it conforms (or every problem is allowlisted). */
  validate(exchange: Exchange): string[];
  /** `METHOD /template` of the operation a request maps to, or null when the spec lacks it. */
  operationOf(method: string, url: string): string | null;
}

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  /** Literal segments count: `/issue/bulkfetch` wins over `/issue/{key}`. */
  literals: number;
}

interface SpecDocument {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  components?: { responses?: Record<string, unknown> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function createSpecValidator(
  specFile: string,
  options: { allow?: AllowRule[]; pathPrefix?: string } = {},
): SpecValidator {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as SpecDocument;
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    discriminator: false,
  });
  addFormats(ajv);
  ajv.addSchema(spec, 'spec');
  const allow = options.allow ?? [];
  const prefix = options.pathPrefix ?? '';

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      if (!(method in item)) continue;
      const parts = template.split('/');
      const pattern = parts
        .map((part) => (part.startsWith('{') && part.endsWith('}') ? '[^/]+' : escapeRegex(part)))
        .join('/');
      operations.push({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${pattern}$`),
        literals: parts.filter((p) => !p.startsWith('{')).length,
      });
    }
  }
  operations.sort((a, b) => b.literals - a.literals);

  const compiled = new Map<string, ValidateFunction | null>();

  const find = (method: string, url: string): Operation | undefined => {
    let path = url.split('?')[0] ?? '';
    if (prefix && path.startsWith(prefix)) path = path.slice(prefix.length);
    return operations.find((op) => op.method === method.toUpperCase() && op.regex.test(path));
  };

  const validatorFor = (op: Operation, status: number): ValidateFunction | null | undefined => {
    const key = `${op.method} ${op.template} ${status}`;
    if (compiled.has(key)) return compiled.get(key);
    const responses = spec.paths[op.template]?.[op.method.toLowerCase()]?.responses ?? {};
    const code = [String(status), `${String(status)[0]}XX`, 'default'].find((c) => c in responses);
    if (code === undefined) {
      compiled.set(key, undefined as unknown as null);
      return undefined;
    }
    let pointer = `spec#/paths/${escapePointer(op.template)}/${op.method.toLowerCase()}/responses/${code}`;
    let response = responses[code] as {
      $ref?: string;
      content?: Record<string, { schema?: unknown }>;
    };
    if (response.$ref) {
      pointer = `spec${response.$ref}`;
      response = resolveLocal(spec, response.$ref) as typeof response;
    }
    const mediaType = Object.keys(response.content ?? {}).find((m) => m.includes('json'));
    const hasSchema =
      mediaType !== undefined && response.content?.[mediaType]?.schema !== undefined;
    const fn = hasSchema
      ? ajv.compile({ $ref: `${pointer}/content/${escapePointer(mediaType)}/schema` })
      : null;
    compiled.set(key, fn);
    return fn;
  };

  return {
    operationOf(method, url) {
      const op = find(method, url);
      return op ? `${op.method} ${op.template}` : null;
    },
    validate(exchange) {
      const op = find(exchange.method, exchange.url);
      if (!op) return [`${exchange.method} ${exchange.url}: operation not in the spec`];
      const operation = `${op.method} ${op.template}`;
      const fn = validatorFor(op, exchange.status);
      if (fn === undefined) {
        return allowed(allow, {
          operation,
          status: exchange.status,
          instancePath: '',
          keyword: 'status',
          message: 'undocumented status',
        })
          ? []
          : [`${operation}: status ${exchange.status} is not documented`];
      }
      if (fn === null || fn(exchange.body)) return [];
      return (fn.errors ?? [])
        .filter((e) => !allowed(allow, { operation, status: exchange.status, ...pick(e) }))
        .map(
          (e) =>
            `${operation} ${exchange.status} ${e.instancePath || '/'}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
        );
    },
  };
}

function pick(error: ErrorObject): { instancePath: string; keyword: string; message: string } {
  return { instancePath: error.instancePath, keyword: error.keyword, message: error.message ?? '' };
}

function allowed(
  rules: AllowRule[],
  problem: {
    operation: string;
    status: number;
    instancePath: string;
    keyword: string;
    message: string;
  },
): boolean {
  return rules.some(
    (rule) =>
      (rule.operation === undefined || rule.operation === problem.operation) &&
      (rule.status === undefined || rule.status === problem.status) &&
      (rule.instancePath === undefined || rule.instancePath.test(problem.instancePath)) &&
      (rule.keyword === undefined || rule.keyword === problem.keyword) &&
      (rule.message === undefined || rule.message.test(problem.message)),
  );
}

function resolveLocal(spec: unknown, ref: string): unknown {
  let node: unknown = spec;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
