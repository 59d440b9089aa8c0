/**
 * What a client learns about the site before reading issues: who it is and its time zone
 * (`/myself`), the fields and their ids (`/field`), statuses and their categories (`/status`,
 * `/statuses/search`), and which projects exist (`/project/search`, `/project`).
 */
import { NEW_STYLE_CATEGORY } from '../store/catalog.js';
import { fail, intParam, listParam } from '../errors.js';
import type { Json } from '../render/context.js';
import type { RouteTable } from './context.js';
import { fieldDefinitions } from './field-list.js';

export function siteRoutes({ router, api }: RouteTable): void {
  const { store, render } = api;

  router.get('/rest/api/3/myself', (request) => {
    const user = store.site.users[api.callerOf(request)];
    if (!user)
      fail(401, ['You are not authenticated. Authentication required to perform this operation.']);
    return {
      status: 200,
      body: {
        ...render.userJson(user),
        // The API user's zone: JQL date literals are read in it.
        timeZone: api.time.timeZone,
        locale: 'en_US',
        groups: { size: 1, items: [] },
        applicationRoles: { size: 1, items: [] },
        expand: 'groups,applicationRoles',
      },
    };
  });

  router.get('/rest/api/3/serverInfo', () => ({
    status: 200,
    body: {
      baseUrl: render.baseUrl,
      displayUrl: render.baseUrl,
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
      deploymentType: 'Cloud',
      buildNumber: 100_290,
      buildDate: api.time.timestamp(Date.parse('2026-11-01T00:00:00Z')),
      serverTime: api.time.timestamp(api.clock.now().getTime()),
      serverTimeZone: api.time.timeZone,
      scmInfo: 'emulator',
      serverTitle: store.site.title,
    },
  }));

  router.get('/rest/api/3/field', () => ({
    status: 200,
    body: fieldDefinitions(store.site.fields),
  }));

  router.get('/rest/api/3/status', () => ({
    status: 200,
    body: store.site.statuses.map((s) => render.status(s.index)),
  }));

  router.get('/rest/api/3/statuses/search', (request) => {
    const q = request.query;
    const projectId = q.get('projectId');
    const search = (q.get('searchString') ?? '').toLowerCase();
    const category = q.get('statusCategory');
    const all = store.site.statuses.filter((s) => {
      const project = s.projectIndex === null ? null : store.site.projects[s.projectIndex];
      if (projectId !== null && project && project.id !== projectId) return false;
      if (search && !s.name.toLowerCase().includes(search)) return false;
      return category === null || NEW_STYLE_CATEGORY[s.category] === category;
    });
    const startAt = Math.max(0, intParam(q.get('startAt'), 0));
    const maxResults = Math.max(1, Math.min(intParam(q.get('maxResults'), 200), 200));
    const values = all.slice(startAt, startAt + maxResults).map((s) => {
      const project = s.projectIndex === null ? null : store.site.projects[s.projectIndex];
      return {
        id: s.id,
        name: s.name,
        statusCategory: NEW_STYLE_CATEGORY[s.category],
        scope: project ? { type: 'PROJECT', project: { id: project.id } } : { type: 'GLOBAL' },
        description: '',
      };
    });
    return {
      status: 200,
      body: page(render.api('/statuses/search'), {
        startAt,
        maxResults,
        total: all.length,
        values,
      }),
    };
  });

  router.get('/rest/api/3/project', () => ({
    status: 200,
    body: store.site.projects.map((p) => render.project(p)),
  }));

  router.get('/rest/api/3/project/search', (request) => {
    const q = request.query;
    const keys = new Set(listParam(q.getAll('keys')).map((k) => k.toUpperCase()));
    const ids = new Set(listParam(q.getAll('id')));
    const query = (q.get('query') ?? '').toLowerCase();
    const orderBy = q.get('orderBy') ?? 'key';
    const matching = store.site.projects.filter(
      (p) =>
        (keys.size === 0 || keys.has(p.key)) &&
        (ids.size === 0 || ids.has(p.id)) &&
        (!query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query)),
    );
    const byName = orderBy.replace(/^[+-]/, '') === 'name';
    matching.sort((a, b) => (byName ? a.name.localeCompare(b.name) : a.key.localeCompare(b.key)));
    if (orderBy.startsWith('-')) matching.reverse();
    const { projectSearchDefault, projectSearchMax } = api.limits;
    const startAt = Math.max(0, intParam(q.get('startAt'), 0));
    const maxResults = Math.max(
      1,
      Math.min(intParam(q.get('maxResults'), projectSearchDefault), projectSearchMax),
    );
    const values = matching.slice(startAt, startAt + maxResults).map((p) => render.project(p));
    return {
      status: 200,
      body: page(render.api('/project/search'), {
        startAt,
        maxResults,
        total: matching.length,
        values,
      }),
    };
  });

  router.get('/rest/api/3/project/{projectIdOrKey}', (request) => {
    const project = store.projectByKeyOrId(request.params['projectIdOrKey'] ?? '');
    if (!project) fail(404, ['No project could be found with key or id.']);
    return { status: 200, body: render.project(project) };
  });
}

/** Offset pages (`PageBean…`): `isLast` and `nextPage` tell the client whether to go on. */
function page(
  self: string,
  p: { startAt: number; maxResults: number; total: number; values: unknown[] },
): Json {
  const isLast = p.startAt + p.values.length >= p.total;
  return {
    self: `${self}?startAt=${p.startAt}&maxResults=${p.maxResults}`,
    ...(isLast
      ? {}
      : { nextPage: `${self}?startAt=${p.startAt + p.values.length}&maxResults=${p.maxResults}` }),
    maxResults: p.maxResults,
    startAt: p.startAt,
    total: p.total,
    isLast,
    values: p.values,
  };
}
