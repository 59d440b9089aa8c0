export { BOT_LOGIN, HUMAN_LOGIN } from './accounts.js';
export { DEFAULT_GITHUB_TOKEN } from './auth.js';
export { GitHubControl, type EarlyRetries, type ItemRef } from './control/control.js';
export type { MalformKind, Malformation } from './faults/malformed.js';
export type { GitHubLimitOptions } from './limits/limits.js';
export type { ItemPatch, NewIssue, NewPull } from './store/mutations.js';
export { GitHubStore } from './store/store.js';
export type * from './store/types.js';
export { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions } from './server.js';
