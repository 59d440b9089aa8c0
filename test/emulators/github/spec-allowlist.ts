/**
 * Known defects of GitHub's official OpenAPI description (`../shared/specs/github-rest.openapi.json`,
 * from @octokit/openapi 23.0.2) that real api.github.com answers — and so the emulator — do not
 * fit. Each rule says why it is the spec that is wrong, not the emulator. Keep this list short:
 * a rule must name the narrowest operation / path / keyword that covers the defect.
 */
import type { AllowRule } from '../../helpers/openapi.js';

export const GITHUB_SPEC_ALLOWLIST: AllowRule[] = [
  {
    instancePath: /(^|\/)state_reason$/,
    keyword: 'enum',
    reason:
      '`state_reason` is declared `nullable: true` with an enum that omits null; under OpenAPI ' +
      '3.0.3 a nullable enum must list null, so validators reject the `null` GitHub sends for ' +
      'every issue that was never closed and for every pull request.',
  },
  {
    operation: 'GET /repos/{owner}/{repo}/pulls',
    instancePath: /^\/\d+\/labels\/\d+\/description$/,
    keyword: 'type',
    reason:
      'pull-request-simple declares label `description` as a non-null string, but labels without ' +
      'a description come back as null (the full pull-request schema and the label schema both ' +
      'say `nullable: true`).',
  },
  {
    instancePath: /(^|\/\d+)\/head\/repo$/,
    keyword: 'type',
    reason:
      '`head.repo` is declared a required repository object, but GitHub sends null when the fork ' +
      'a pull request came from has been deleted.',
  },
  {
    operation: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    instancePath: /^\/(user|head\/user)$/,
    keyword: 'type',
    reason:
      'The full pull-request schema declares `user` as non-null simple-user, while ' +
      'pull-request-simple (same object, list form) has nullable-simple-user: authors whose ' +
      'account is gone come back as null.',
  },
  {
    status: 304,
    keyword: 'status',
    reason:
      'Conditional requests: "Most endpoints return an etag header … If the data has not ' +
      'changed, you will receive a 304 Not Modified" (REST best practices), but the spec lists ' +
      '304 only on some operations. A 304 has no body to check.',
  },
  {
    status: 403,
    keyword: 'status',
    reason:
      'Primary and secondary rate limits answer 403 on every endpoint (REST rate-limit docs); ' +
      'the spec documents 403 on only some operations. The body is still checked where 403 is ' +
      'documented (basic-error).',
  },
  {
    status: 429,
    keyword: 'status',
    reason:
      'Secondary rate limits may answer 429 on any endpoint (REST rate-limit docs); the spec ' +
      'documents 429 nowhere (see ../shared/specs/README.md).',
  },
  {
    status: 401,
    keyword: 'status',
    reason:
      '"Requires authentication" / "Bad credentials" can come from any endpoint; the spec lists ' +
      '401 only on a few (e.g. GET /user).',
  },
];
