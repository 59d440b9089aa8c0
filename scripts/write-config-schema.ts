// Regenerates config/northstar.schema.json from the zod schema (test/config/json-schema.test.ts
// fails when the committed file is stale).
import { writeFileSync } from 'node:fs';
import { configJsonSchemaText } from '../src/config/json-schema.js';

writeFileSync(new URL('../config/northstar.schema.json', import.meta.url), configJsonSchemaText());
