/**
 * Checks request bodies against the official Jira Cloud platform OpenAPI description
 * (`shared/specs/jira-platform-v3.openapi.json`, next to the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

const SPEC_FILE = 'jira-platform-v3.openapi.json';

/** `shared/specs` beside the repository (or beside a parent folder, for worktrees); env override. */
export function specsDir(): string {
  const fromEnv = process.env['NORTHSTAR_SPECS_DIR'];
  if (fromEnv) return fromEnv;
  let dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, '..', 'shared', 'specs');
    if (existsSync(join(candidate, SPEC_FILE))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('shared/specs not found next to the repository (set NORTHSTAR_SPECS_DIR)');
}

type Json = Record<string, unknown>;
let spec: Json | undefined;

function loadSpec(): Json {
  spec ??= JSON.parse(readFileSync(join(specsDir(), SPEC_FILE), 'utf8')) as Json;
  return spec;
}

/** The JSON schema of an operation's request body (`POST /rest/api/3/issue/{key}/comment`, …). */
function requestSchema(path: string, method: string): Json {
  const paths = loadSpec()['paths'] as Record<string, Record<string, Json>>;
  const op = paths[path]?.[method];
  const body = op?.['requestBody'] as Json | undefined;
  const content = body?.['content'] as Record<string, Json> | undefined;
  const schema = content?.['application/json']?.['schema'] as Json | undefined;
  if (!schema) throw new Error(`no JSON request schema for ${method.toUpperCase()} ${path}`);
  return schema;
}

/** Names of `readOnly` properties of a component schema: a client must not send them. */
export function readOnlyProperties(component: string): string[] {
  const schemas = (loadSpec()['components'] as Json)['schemas'] as Record<string, Json>;
  const props = (schemas[component]?.['properties'] ?? {}) as Record<string, Json>;
  return Object.entries(props)
    .filter(([, p]) => p['readOnly'] === true)
    .map(([name]) => name);
}

const cache = new Map<string, ValidateFunction>();

/** A validator for the request body of an operation, resolving `#/components/...` in the spec. */
export function jiraRequestValidator(path: string, method: string): ValidateFunction {
  const key = `${method} ${path}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const doc = loadSpec();
  ajv.addSchema({ components: doc['components'] }, 'jira');
  const schema = JSON.parse(
    JSON.stringify(requestSchema(path, method)).replace(/"#\/components\//g, '"jira#/components/'),
  ) as Json;
  const validate = ajv.compile(schema);
  cache.set(key, validate);
  return validate;
}
