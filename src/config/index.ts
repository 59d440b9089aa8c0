export { ConfigError, loadConfigFile, parseConfigText } from './load.js';
export { formatPath } from './path.js';
export type { ConfigProblem, LoadedConfig } from './load.js';
export { NorthstarConfig } from './schema.js';
export { buildHierarchy, allProjects, allPrograms } from './hierarchy.js';
export { configJsonSchema, configJsonSchemaText } from './json-schema.js';
