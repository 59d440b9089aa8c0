/**
 * Titles, branch names and bodies for seeded GitHub items, and the ways real pull requests
 * mention Jira keys: in the title (`ABC-123: …`, `[ABC-123] …`), only in the head branch
 * (`feature/abc-123-thing`, lower case), only in the body (sometimes lower case), several keys,
 * or none at all — plus "false friends" that look like keys but name no Jira project
 * (`UTF-8`, `RFC-7231`, `ISO-8601`).
 */
import type { Rng } from '../core/index.js';
import type { SeedMention } from '../github/store/types.js';

const VERBS = [
  'Add',
  'Fix',
  'Refactor',
  'Remove',
  'Update',
  'Improve',
  'Migrate',
  'Document',
  'Handle',
  'Support',
  'Speed up',
  'Deprecate',
  'Split',
  'Harden',
  'Retry',
];
const OBJECTS = [
  'scheduler queue',
  'GPU node pool',
  'retry policy',
  'login flow',
  'billing export',
  'search index',
  'cache eviction',
  'audit log',
  'feature flag',
  'rate limiter',
  'CSV export',
  'API client',
  'metrics dashboard',
  'webhook handler',
  'config loader',
  'DB migration',
  'error page',
  'CI pipeline',
  'SSO settings',
  'job runner',
  'upload service',
  'token refresh',
];
const QUALIFIERS = [
  'for large tenants',
  'on ARM nodes',
  'behind a flag',
  'in the EU region',
  'after timeouts',
  'for the v2 API',
  '',
  '',
  '',
  '',
];
const FALSE_FRIENDS = [
  'Handle UTF-8 file names',
  'Follow RFC-7231 caching rules',
  'Parse ISO-8601 timestamps',
  'Switch checksums to SHA-256',
  'Serve over HTTP-2',
];
const TRACKING_TOPICS = [
  'GPU fleet migration',
  'Scheduler rewrite',
  'Q3 reliability',
  'SSO rollout',
  'Billing v2',
  'Search relevance',
  'EU data residency',
  'Observability',
];

export function phrase(rng: Rng): string {
  const qualifier = rng.pick(QUALIFIERS);
  return `${rng.pick(VERBS)} ${rng.pick(OBJECTS)}${qualifier ? ` ${qualifier}` : ''}`;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

export function trackingTitle(rng: Rng): string {
  return `Tracking: ${rng.pick(TRACKING_TOPICS)}`;
}

export function issueBody(rng: Rng, title: string): string | null {
  if (rng.chance(0.15)) return null;
  return `${title}.\n\nSeen by ${rng.int(2, 40)} customers this week; see the runbook before changing defaults.`;
}

export interface PullText {
  title: string;
  headRef: string;
  body: string | null;
  mentions: SeedMention[];
}

/** How a seeded PR refers to Jira, with roughly the mix found in real repositories. */
type MentionStyle = 'none' | 'title' | 'title+branch' | 'branch' | 'body' | 'several';

const STYLES: readonly [MentionStyle, number][] = [
  ['none', 0.2],
  ['title', 0.22],
  ['title+branch', 0.12],
  ['branch', 0.18],
  ['body', 0.16],
  ['several', 0.12],
];

function pickStyle(rng: Rng): MentionStyle {
  let roll = rng.next();
  for (const [style, weight] of STYLES) {
    roll -= weight;
    if (roll < 0) return style;
  }
  return 'none';
}

/**
 * Title, branch and body of one PR. `nextKey()` hands out the caller's Jira keys (null: that
 * mention is left out). `mentions` is what a correct extractor should find (upper-case keys).
 */
export function pullText(rng: Rng, nextKey: () => string | null): PullText {
  const style = pickStyle(rng);
  const base = rng.chance(0.12) ? rng.pick(FALSE_FRIENDS) : phrase(rng);
  const words = slug(base);
  const mentions: SeedMention[] = [];
  const use = (key: string | null, source: SeedMention['source']): string | null => {
    if (key === null) return null;
    mentions.push({ key: key.toUpperCase(), source });
    return key;
  };
  const plainBranch = `${rng.pick(['fix', 'chore', 'feat', 'dev'])}/${words}`;
  let title = base;
  let headRef = plainBranch;
  let body: string | null = rng.chance(0.1) ? null : `${base}.\n\nTested locally.`;

  if (style === 'title' || style === 'title+branch') {
    const key = use(nextKey(), 'title');
    if (key) {
      title = rng.chance(0.7) ? `${key}: ${base}` : `[${key}] ${base}`;
      if (style === 'title+branch') {
        headRef = `feature/${key.toLowerCase()}-${words}`;
        mentions.push({ key: key.toUpperCase(), source: 'branch' });
      }
    }
  } else if (style === 'branch') {
    const key = use(nextKey(), 'branch');
    if (key) headRef = `feature/${key.toLowerCase()}-${words}`;
  } else if (style === 'body') {
    const key = use(nextKey(), 'body');
    if (key) body = `${base}.\n\nPart of ${rng.chance(0.3) ? key.toLowerCase() : key}.`;
  } else if (style === 'several') {
    const first = use(nextKey(), 'title');
    const second = use(nextKey(), 'body');
    if (first) title = `${first}: ${base}`;
    if (second) body = `${base}.\n\nAlso moves ${second} forward.`;
  }
  if (rng.chance(0.08) && body !== null) body += '\n\nTimestamps are ISO-8601 now (RFC-3339).';
  return { title, headRef, body, mentions };
}
