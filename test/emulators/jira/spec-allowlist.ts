/**
 * Known defects of Atlassian's official Jira platform v3 description
 * (`../shared/specs/jira-platform-v3.openapi.json`) that real Jira answers — and so the emulator
 * answers — differently. Every rule says why it is the spec's fault, not the emulator's. Keep
 * this the only place such waivers live; add a rule only with a reason and, where there is one,
 * the evidence.
 */
import type { AllowRule } from '../../helpers/openapi.js';

export const JIRA_SPEC_ALLOWLIST: AllowRule[] = [
  {
    // Wherever changelogs appear (inline, /issue/{key}/changelog, /changelog/bulkfetch).
    instancePath: /\/items\/\d+\/(from|to|fromString|toString)$/,
    keyword: 'type',
    reason:
      'ChangeDetails declares from/to/fromString/toString as strings, but Jira sends null when a ' +
      'field had or gets no value (e.g. resolution set from none, assignee cleared); the specs ' +
      "README notes Atlassian's own examples fail the same way.",
  },
  {
    status: 429,
    keyword: 'status',
    message: /undocumented status/,
    reason:
      'The spec documents no 429 for any operation, yet "any REST API can return a rate limit ' +
      'response" (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).',
  },
  {
    operation: 'GET /rest/api/3/search',
    status: 410,
    keyword: 'status',
    message: /undocumented status/,
    reason:
      'The old search was removed (https://developer.atlassian.com/changelog/#CHANGE-2046) and ' +
      'answers 410 Gone; this copy of the spec still describes it as live.',
  },
];
