/**
 * Starts the Jira Cloud REST v3 emulator in-process on the shared emulator core: seeded data
 * (or data the caller generated), Basic auth, the site's time zone, Jira's limits, 429s with
 * Jira's headers, malformed-item faults and the control API. `url` is what a client gets as
 * `JIRA_BASE_URL`; `credentials` is the API user's email and token.
 */
import {
  EmulatorClock,
  hashSeed,
  Router,
  startEmulatorServer,
  type EmulatorServer,
} from '../core/index.js';
import { BOT_EMAIL, HUMAN_EMAIL } from '../seed/jira-site.js';
import { generateJiraData, type GenerateJiraOptions } from '../seed/jira.js';
import {
  createAuthenticator,
  DEFAULT_JIRA_TOKEN,
  notFoundAnswer,
  rateLimitedAnswer,
  type Credential,
  type RateLimitReason,
} from './auth.js';
import { JiraControl } from './control/control.js';
import { controlRoutes } from './control/routes.js';
import { DEFAULT_LIMITS, type JiraLimits } from './limits.js';
import { RenderContext } from './render/context.js';
import { MalformedIssues } from './render/malformed.js';
import { changelogRoutes } from './routes/changelogs.js';
import { commentRoutes } from './routes/comments.js';
import type { JiraApi, RouteTable } from './routes/context.js';
import { issueRoutes } from './routes/issues.js';
import { searchRoutes } from './routes/search.js';
import { siteRoutes } from './routes/site.js';
import { SearchCursors } from './search/cursors.js';
import { JiraStore } from './store/store.js';
import type { JiraData } from './store/types.js';
import { ZonedTime } from './time.js';

export interface JiraEmulatorOptions extends Partial<Omit<GenerateJiraOptions, 'seed'>> {
  /** Seed name for the generator (default `northstar`). Ignored when `data` is given. */
  seed?: string;
  data?: JiraData;
  port?: number;
  host?: string;
  /** The site's (and the API user's) time zone (default `America/Los_Angeles`). */
  timeZone?: string;
  /** Extra accepted credentials; the bot (API user) and the human always exist. */
  tokens?: { bot?: string; human?: string };
  limits?: Partial<JiraLimits>;
  /** `RateLimit-Reason` on 429s (default `jira-burst-based`). */
  rateLimitReason?: RateLimitReason;
  /** Where the emulator clock starts (default: the data's `now`). */
  clockStart?: Date;
}

export interface JiraEmulator {
  /** The site URL to give clients (`JIRA_BASE_URL`). */
  url: string;
  /** The API user (the bot): what `JIRA_EMAIL` / `JIRA_API_TOKEN` should be. */
  credentials: Credential;
  /** A second user (the "human"), for tests that need another client. */
  humanCredentials: Credential;
  control: JiraControl;
  store: JiraStore;
  server: EmulatorServer;
  close(): Promise<void>;
}

export async function startJiraEmulator(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
  const seed = options.seed ?? 'northstar';
  const data =
    options.data ??
    generateJiraData({
      seed,
      issues: options.issues ?? 60,
      ...(options.projects !== undefined ? { projects: options.projects } : {}),
      ...(options.epicsPerProject !== undefined
        ? { epicsPerProject: options.epicsPerProject }
        : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.historyDays !== undefined ? { historyDays: options.historyDays } : {}),
      ...(options.people !== undefined ? { people: options.people } : {}),
    });
  const clock = new EmulatorClock(options.clockStart ?? new Date(data.now));
  const store = new JiraStore(data);
  const time = new ZonedTime(options.timeZone ?? 'America/Los_Angeles');
  const limits: JiraLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const site = store.site;
  const bot = site.users[site.botUser];
  const human = site.users[site.humanUser];
  if (!bot || !human) throw new Error('the seed has no bot or human user');
  const credentials = {
    email: bot.email ?? BOT_EMAIL,
    apiToken: options.tokens?.bot ?? DEFAULT_JIRA_TOKEN,
  };
  const humanCredentials = {
    email: human.email ?? HUMAN_EMAIL,
    apiToken: options.tokens?.human ?? 'human-api-token',
  };
  const userByAccount = new Map(site.users.map((u) => [u.accountId, u.index]));

  const api: JiraApi = {
    store,
    render: new RenderContext(store, time, limits),
    time,
    clock,
    limits,
    malformed: new MalformedIssues(),
    cursors: new SearchCursors(hashSeed(`cursors:${seed}`)),
    notifications: [],
    callerOf: (request) => userByAccount.get(request.principal) ?? site.botUser,
  };
  const table: RouteTable = { router: new Router(), api };
  for (const register of [siteRoutes, searchRoutes, issueRoutes, changelogRoutes, commentRoutes])
    register(table);

  const settings: { rateLimitReason: RateLimitReason } = {
    rateLimitReason: options.rateLimitReason ?? 'jira-burst-based',
  };
  const holder: { control?: JiraControl } = {};
  const server = await startEmulatorServer({
    name: 'jira',
    router: table.router,
    clock,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    authenticate: createAuthenticator([
      { ...credentials, accountId: bot.accountId },
      { ...humanCredentials, accountId: human.accountId },
    ]),
    rateLimited: (_request, waitMs) => rateLimitedAnswer(waitMs, settings.rateLimitReason),
    notFound: () => notFoundAnswer(),
    control: controlRoutes(() => {
      if (!holder.control) throw new Error('the Jira emulator is still starting');
      return holder.control;
    }),
  });
  api.render.baseUrl = server.url;
  const control = new JiraControl(api, server, settings);
  holder.control = control;
  return {
    url: server.url,
    credentials,
    humanCredentials,
    control,
    store,
    server,
    close: () => server.close(),
  };
}
