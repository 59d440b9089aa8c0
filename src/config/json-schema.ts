/**
 * JSON Schema of the config file, generated from the zod schema so editors (YAML language server)
 * can autocomplete and check `northstar.yaml`. Written to `config/northstar.schema.json`.
 */
import { z } from 'zod';
import { NorthstarConfigObject } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(NorthstarConfigObject, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://github.com/northstar/northstar/config/northstar.schema.json',
    title: 'northstar configuration',
    description:
      'Big bets → programs → projects, and the Jira / GitHub sources they draw from. ${VAR} and ${VAR:-default} are replaced from the environment.',
  };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
