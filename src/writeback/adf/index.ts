/**
 * Atlassian Document Format: typed node constructors, the validator Jira's rules imply, and a text
 * projection. Self-contained (imports nothing outside this folder) so the Jira emulator can reuse
 * the validator to answer 400 on malformed comment bodies.
 */
export * from './nodes.js';
export {
  validateAdf,
  type AdfProblem,
  type AdfValidation,
  type ValidateAdfOptions,
} from './validate.js';
export { adfToText } from './text.js';
export { safeHttpUrl, isHttpUrl } from './url.js';
