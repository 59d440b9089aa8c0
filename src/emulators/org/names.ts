/**
 * Names for the seeded org's bets, programs, projects and owners, and the ids derived from them
 * (lowercase, digits and dashes; unique across the whole file, as the config demands). Pools
 * repeat at scale with a counter (`Checkout v3 (2)`), so 500 projects still read well.
 */
import type { Rng } from '../core/index.js';

const BETS = [
  'Transform infra for AI-readiness',
  'Enterprise readiness',
  'Self-serve growth',
  'Platform reliability',
  'Payments expansion',
  'Mobile first',
  'Data platform v2',
  'EU expansion',
  'Developer ecosystem',
  'Cost efficiency',
  'Trust and safety',
  'Next-gen search',
];

const PROGRAMS = [
  'GPU fleet migration',
  'Shared library refactor',
  'SOC 2 compliance milestone',
  'Checkout v3',
  'Multi-region storage',
  'Observability revamp',
  'Identity consolidation',
  'Partner API',
  'Onboarding funnel',
  'Cost attribution',
  'Accessibility pass',
  'Mobile offline mode',
  'Search relevance',
  'Release pipeline modernisation',
  'Data retention',
  'Incident response',
  'Billing platform',
  'Design system adoption',
  'Edge caching',
  'Internal tooling',
];

const PROJECTS = [
  'Scheduler rewrite',
  'GPU node images',
  'New billing endpoint',
  'Login flow revamp',
  'Search index rebuild',
  'Audit log export',
  'Rate limiter v2',
  'Webhook retries',
  'Feature flag service',
  'Session store migration',
  'Alert routing',
  'Cost dashboard',
  'CSV import',
  'Report builder',
  'API pagination',
  'SSO settings',
  'Image resizer',
  'Mobile onboarding',
  'Retention jobs',
  'Release train',
  'Tenant isolation',
  'Queue sharding',
  'Schema registry',
  'Consent management',
  'Invoice PDFs',
  'Dark mode',
  'Offline sync',
  'Access reviews',
  'Key rotation',
  'Canary deploys',
];

const FIRST = ['ana', 'raj', 'li', 'jane', 'omar', 'sofia', 'kenji', 'maria', 'tom', 'zoe'];
const LAST = ['silva', 'patel', 'wei', 'doe', 'haddad', 'berg', 'tanaka', 'costa', 'khan', 'iyer'];

/** Hands out names from a pool, then the same names with a counter. */
export class NamePool {
  private used = 0;
  constructor(private readonly pool: readonly string[]) {}

  next(): string {
    const base = this.pool[this.used % this.pool.length] as string;
    const round = Math.floor(this.used / this.pool.length);
    this.used++;
    return round === 0 ? base : `${base} (${round + 1})`;
  }
}

export const betNames = (): NamePool => new NamePool(BETS);
export const programNames = (): NamePool => new NamePool(PROGRAMS);
export const projectNames = (rng: Rng): NamePool => new NamePool(shuffled(rng, PROJECTS));

/** People who own things: `first.last@example.com`, a few dozen of them. */
export function ownerPool(rng: Rng): string[] {
  const owners = FIRST.flatMap((f) => LAST.map((l) => `${f}.${l}@example.com`));
  return shuffled(rng, owners).slice(0, 40);
}

/** Ids unique across the file: the slug of the name, then `-2`, `-3`, … */
export class IdRegistry {
  private readonly taken = new Set<string>();

  claim(name: string): string {
    const base =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 48) || 'node';
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Splits `items` into `groups` non-empty runs of random sizes (in order), as organisations
 * grow: some programs hold two projects, some eight.
 */
export function splitIntoGroups<T>(rng: Rng, items: readonly T[], groups: number): T[][] {
  const count = Math.max(1, Math.min(groups, items.length));
  const weights = Array.from({ length: count }, () => 0.5 + rng.next() * 1.5);
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = items.length - count;
  const sizes = weights.map((w) => 1 + Math.floor((spare * w) / sum));
  let left = items.length - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % count, left--) sizes[i] = (sizes[i] ?? 0) + 1;
  const out: T[][] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}
