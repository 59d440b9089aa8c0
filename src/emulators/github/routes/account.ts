/**
 * GET /user (who the token belongs to) and GET /rate_limit (which does not count against the
 * primary limit).
 * https://docs.github.com/en/rest/users/users#get-the-authenticated-user
 * https://docs.github.com/en/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user
 */
import { HttpError } from '../../core/index.js';
import { conditional } from '../http/etag.js';
import { notFound } from '../http/errors.js';
import { iso } from '../render/urls.js';
import { route, type RouteTable } from './context.js';

export function accountRoutes(table: RouteTable): void {
  const { api } = table;

  route(table, { method: 'GET', path: '/user', cost: 'read' }, (request) => {
    const user = api.store.userByLogin(request.principal);
    const simple = user ? api.render.user(user.id) : null;
    if (!user || !simple) throw new HttpError(notFound());
    const created = Date.UTC(2019, 0, 1) + user.id * 86_400_000;
    return conditional(request, {
      ...simple,
      user_view_type: 'private',
      name: user.name,
      company: null,
      blog: '',
      location: null,
      email: null,
      notification_email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: iso(created),
      updated_at: iso(created),
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
      plan: { name: 'pro', space: 976562499, collaborators: 0, private_repos: 9999 },
    });
  });

  route(table, { method: 'GET', path: '/rate_limit', cost: 'free' }, (request) => {
    const core = api.limits.primary.snapshot(request.principal);
    const other = (limit: number) => ({ limit, used: 0, remaining: limit, reset: core.reset });
    return {
      status: 200,
      body: {
        resources: {
          core,
          search: other(30),
          graphql: other(5000),
          integration_manifest: other(5000),
          code_search: other(10),
        },
        rate: core,
      },
    };
  });
}
