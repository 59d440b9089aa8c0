/**
 * Words for the Jira half of the seeded organisation: project names, people, summaries. A few
 * summaries are hostile on purpose (HTML, mass mentions, Markdown/javascript links, unicode,
 * 255-character titles) so the renderers' escaping is tested against real-looking data.
 */
import type { Rng } from '../core/index.js';

export const PROJECT_POOL: readonly (readonly [string, string])[] = [
  ['INFRA', 'Infrastructure'],
  ['WEB', 'Web app'],
  ['MOB', 'Mobile'],
  ['DATA', 'Data platform'],
  ['PAY', 'Payments'],
  ['SEC', 'Security'],
  ['OPS', 'Operations'],
  ['ML', 'Machine learning'],
  ['API', 'Public API'],
  ['CORE', 'Core services'],
  ['UX', 'Design system'],
  ['QA', 'Quality'],
  ['SRE', 'Reliability'],
  ['BI', 'Business intelligence'],
  ['AUTH', 'Identity'],
  ['SRCH', 'Search'],
  ['GPU', 'GPU fleet'],
  ['NET', 'Networking'],
  ['STOR', 'Storage'],
  ['OBS', 'Observability'],
  ['DOCS', 'Documentation'],
  ['GROW', 'Growth'],
  ['ADS', 'Ads'],
  ['CRM', 'Customer tools'],
  ['EDGE', 'Edge'],
  ['BILL', 'Billing'],
  ['PLAT', 'Platform'],
  ['CMPL', 'Compliance'],
  ['EXP', 'Experiments'],
  ['SUP', 'Support tooling'],
];

const FIRST_NAMES = [
  'Ana',
  'Raj',
  'Li',
  'Jane',
  'Omar',
  'Zoë',
  'Björn',
  'Chloé',
  'Søren',
  'Aiko',
  'Mateus',
  'Priya',
  'Kwame',
  'Olga',
  'Tomás',
  'Fatima',
  'Łukasz',
  'Nguyễn',
  'Hannah',
  'Diego',
  '李',
  'Yusuf',
  'Ingrid',
  'Kofi',
  'Mei',
  'Arjun',
  'Élodie',
  'Sven',
  'Noor',
  'Rafael',
];
const LAST_NAMES = [
  'Silva',
  'Patel',
  'Wei',
  'Doe',
  'Haddad',
  'Ødegård',
  'Müller',
  'Dubois',
  'Kierkegaard',
  'Tanaka',
  'Costa',
  'Sharma',
  'Mensah',
  'Ivanova',
  'García',
  'Khan',
  'Wójcik',
  'Văn An',
  'Schmidt',
  'Fernández',
  '雷',
  'Yılmaz',
  'Berg',
  'Boateng',
  'Chen',
  'Iyer',
  'Lefèvre',
  'Lindqvist',
  'Rahman',
  'Moreira',
];

const VERBS = [
  'Add',
  'Fix',
  'Remove',
  'Migrate',
  'Refactor',
  'Document',
  'Speed up',
  'Harden',
  'Split',
  'Retry',
  'Cache',
  'Validate',
  'Instrument',
  'Deprecate',
  'Backfill',
  'Rename',
  'Paginate',
];
const OBJECTS = [
  'scheduler queue',
  'login flow',
  'billing export',
  'search index',
  'GPU node pool',
  'webhook retries',
  'rate limiter',
  'audit log',
  'feature flags',
  'report builder',
  'mobile onboarding',
  'CSV import',
  'cost dashboard',
  'API pagination',
  'session store',
  'alert routing',
  'data retention job',
  'image resizer',
  'SSO settings',
  'release pipeline',
];
const QUALIFIERS = [
  'for large tenants',
  'behind a flag',
  'in the EU region',
  'on Safari',
  'for v2 clients',
  'without downtime',
  'under load',
  'after the upgrade',
  'for admins',
  '',
];
const EPIC_THEMES = [
  'Scheduler rewrite',
  'GPU fleet migration',
  'SOC 2 readiness',
  'Checkout v3',
  'Search relevance',
  'Multi-region storage',
  'Self-serve onboarding',
  'Observability revamp',
  'Mobile offline mode',
  'Partner API',
  'Cost attribution',
  'Accessibility pass',
];
const UNICODE_SUMMARIES = [
  'Ünïcödé façade für Größenänderung — naïve café',
  '日本語のタイトル: 検索インデックスを再構築する',
  'Исправить экспорт отчётов в CSV',
  'إصلاح اتجاه النص من اليمين إلى اليسار',
  'Emoji in titles 🚀🔥 break the 📊 export',
  'Zero\u200bwidth\u200bspaces and “smart quotes” in ‘names’',
];

export const LABEL_POOL = [
  'backend',
  'frontend',
  'gpu-fleet',
  'tech-debt',
  'customer',
  'security',
  'perf',
  'q3-okr',
  'infra',
  'api',
  'mobile',
  'compliance',
  'ux',
  'data',
];

/** Titles every seed of at least a handful of issues contains, for escaping tests. */
export const HOSTILE_SUMMARIES = [
  '<img src=x onerror=alert(1)> renders in the report',
  '@everyone please look at @acme/platform-team blockers',
  '[click me](javascript:alert(1)) | **bold** | `code` |',
  'Ünïcödé façade — 日本語のタイトル 🚀 “smart quotes” & <b>ampersands</b>',
];

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

export function epicSummary(rng: Rng, ordinal: number): string {
  const theme = rng.pick(EPIC_THEMES);
  return ordinal < EPIC_THEMES.length ? theme : `${theme} — phase ${ordinal % 7}`;
}

export function issueSummary(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.03) return rng.pick(UNICODE_SUMMARIES);
  if (roll < 0.04) return longSummary(rng);
  const qualifier = rng.pick(QUALIFIERS);
  return `${rng.pick(VERBS)} ${rng.pick(OBJECTS)}${qualifier ? ` ${qualifier}` : ''}`;
}

/** A summary at Jira's 255-character limit. */
export function longSummary(rng: Rng): string {
  let text = `${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`;
  while (text.length < 255) text += ` and ${rng.pick(OBJECTS)}`;
  return text.slice(0, 255);
}

export function pickLabels(rng: Rng, inherited: readonly string[]): string[] {
  const count = rng.pick([0, 0, 1, 1, 1, 2, 2, 3]);
  const labels: string[] = [];
  if (inherited.length > 0 && rng.chance(0.5)) labels.push(inherited[0] as string);
  while (labels.length < count) {
    const label = rng.pick(LABEL_POOL);
    if (!labels.includes(label)) labels.push(label);
  }
  return labels.sort();
}
