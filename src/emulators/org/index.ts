export { DEMO_ORG_SIZE, generateOrg, type GenerateOrgOptions, type OrgData } from './generate.js';
export { startOrgEmulators, type OrgEmulators, type StartOrgOptions } from './start.js';
export type * from './types.js';
