/**
 * Token authentication. GitHub accepts `Authorization: token …` and `Bearer …`; a missing
 * header on a private resource is "Requires authentication", an unknown token "Bad credentials".
 * The principal is the token's user: GitHub's primary budget is per user, shared by all of that
 * user's tokens.
 * https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api
 */
import type { EmuRequest, EmuResponse } from '../core/index.js';
import { githubError } from './http/errors.js';

/** The token the seeded bot user (`northstar-bot`) accepts by default. */
export const DEFAULT_GITHUB_TOKEN = 'ghp_northstarEmulatorToken000000000000';

export function createAuthenticator(
  tokens: ReadonlyMap<string, string>,
): (request: EmuRequest) => string | EmuResponse {
  return (request) => {
    const header = request.headers.authorization;
    if (!header) return githubError(401, 'Requires authentication');
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
    const login = match?.[1] === undefined ? undefined : tokens.get(match[1]);
    return login ?? githubError(401, 'Bad credentials');
  };
}
