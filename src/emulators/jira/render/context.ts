/**
 * What every renderer needs: the store, the site's time zone, the base URL for `self` links
 * (known only once the server listens) and the JSON of catalog objects (users, statuses,
 * projects…) that many issues share — built once per request page, not once per issue.
 */
import type { JiraLimits } from '../limits.js';
import { LINK_TYPES, STATUS_CATEGORIES } from '../store/catalog.js';
import type { JiraStore } from '../store/store.js';
import type { LinkTypeName, ProjectRecord, StatusRecord, UserRecord } from '../store/types.js';
import type { ZonedTime } from '../time.js';

export type Json = Record<string, unknown>;

export class RenderContext {
  baseUrl = 'http://pending';

  constructor(
    readonly store: JiraStore,
    readonly time: ZonedTime,
    readonly limits: JiraLimits,
  ) {}

  api(path: string): string {
    return `${this.baseUrl}/rest/api/3${path}`;
  }

  avatarUrls(kind: string, id: string): Json {
    const base = `${this.baseUrl}/secure/${kind}avatar?avatarId=${id}`;
    return {
      '48x48': base,
      '24x24': `${base}&size=small`,
      '16x16': `${base}&size=xsmall`,
      '32x32': `${base}&size=medium`,
    };
  }

  user(index: number): Json | null {
    const user = this.store.site.users[index];
    return user ? this.userJson(user) : null;
  }

  userJson(user: UserRecord): Json {
    return {
      self: this.api(`/user?accountId=${encodeURIComponent(user.accountId)}`),
      accountId: user.accountId,
      ...(user.email === null ? {} : { emailAddress: user.email }),
      avatarUrls: this.avatarUrls('user', String(user.index + 10_000)),
      displayName: user.displayName,
      active: user.active,
      timeZone: user.timeZone,
      accountType: 'atlassian',
    };
  }

  statusCategory(status: StatusRecord): Json {
    const category = STATUS_CATEGORIES[status.category];
    return {
      self: this.api(`/statuscategory/${category.id}`),
      id: category.id,
      key: category.key,
      colorName: category.colorName,
      name: category.name,
    };
  }

  status(index: number): Json {
    const status = this.store.site.statuses[index] as StatusRecord;
    const project =
      status.projectIndex === null ? undefined : this.store.site.projects[status.projectIndex];
    return {
      self: this.api(`/status/${status.id}`),
      description: '',
      iconUrl: `${this.baseUrl}/images/icons/statuses/generic.png`,
      name: status.name,
      untranslatedName: status.name,
      id: status.id,
      statusCategory: this.statusCategory(status),
      ...(project ? { scope: { type: 'PROJECT', project: { id: project.id } } } : {}),
    };
  }

  issueType(index: number, project?: ProjectRecord): Json {
    const type = this.store.site.issueTypes[index];
    if (!type) return {};
    return {
      self: this.api(`/issuetype/${type.id}`),
      id: type.id,
      description: '',
      iconUrl: `${this.baseUrl}/images/icons/issuetypes/${type.name.toLowerCase()}.svg`,
      name: type.name,
      subtask: false,
      hierarchyLevel: type.hierarchyLevel,
      ...(project?.style === 'next-gen'
        ? { scope: { type: 'PROJECT', project: { id: project.id } } }
        : {}),
    };
  }

  priority(index: number): Json | null {
    const priority = this.store.site.priorities[index];
    if (!priority) return null;
    return {
      self: this.api(`/priority/${priority.id}`),
      iconUrl: `${this.baseUrl}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
      name: priority.name,
      id: priority.id,
    };
  }

  resolution(index: number): Json | null {
    const resolution = this.store.site.resolutions[index];
    if (!resolution) return null;
    return {
      self: this.api(`/resolution/${resolution.id}`),
      id: resolution.id,
      description: '',
      name: resolution.name,
    };
  }

  /** The short project object inside issues (ProjectDetails). */
  projectRef(project: ProjectRecord): Json {
    return {
      self: this.api(`/project/${project.id}`),
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: 'software',
      simplified: project.style === 'next-gen',
      avatarUrls: this.avatarUrls('project', project.id),
    };
  }

  /** The full Project object of `/project` and `/project/search`. */
  project(project: ProjectRecord): Json {
    return {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      ...this.projectRef(project),
      style: project.style,
      isPrivate: false,
      properties: {},
    };
  }

  linkType(name: LinkTypeName): Json {
    const type = LINK_TYPES[name];
    return {
      id: type.id,
      name: type.name,
      inward: type.inward,
      outward: type.outward,
      self: this.api(`/issueLinkType/${type.id}`),
    };
  }
}
