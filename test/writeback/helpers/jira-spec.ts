/**
 * Checks request bodies against the official Jira Cloud platform OpenAPI description
 * (`shared/specs/jira-platform-v3.openapi.json`, next to the repository).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { JIRA_SPEC } from '../../helpers/openapi.js';

type Json = Record<string, unknown>;
let spec: Json | undefined;

function loadSpec(): Json {
  spec ??= JSON.parse(readFileSync(JIRA_SPEC, 'utf8')) as Json;
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
