/** Health overview: one stacked bar per level (bets, programs, projects) by computed health. */
import type { HierarchyLevel } from '../../domain/hierarchy.js';
import type { Health } from '../../domain/rollup.js';
import { html, type SafeHtml } from '../escape.js';
import { HEALTH_LABEL } from '../format.js';
import type { HealthTally } from '../model-types.js';
import { num, rectPath } from './geometry.js';
import { HEALTH_COLOR, MUTED } from './palette.js';

const WIDTH = 360;
const ROW = 30;
const BAR = 20;
const LABEL = 74;
const RIGHT = 8;
const ORDER: Health[] = ['green', 'amber', 'red', 'no-data'];
const LEVELS: { level: HierarchyLevel; label: string }[] = [
  { level: 'bet', label: 'Big bets' },
  { level: 'program', label: 'Programs' },
  { level: 'project', label: 'Projects' },
];

function bar(tally: HealthTally, y: number): SafeHtml {
  const total = ORDER.reduce((n, h) => n + tally[h], 0);
  const width = WIDTH - LABEL - RIGHT;
  if (total === 0) {
    return html`<path d="${rectPath(LABEL, y, width, BAR)}" fill="#eaeef2" /><text
        x="${LABEL + 6}"
        y="${num(y + 14)}"
        fill="${MUTED}"
        >none</text
      >`;
  }
  let x = LABEL;
  const parts: SafeHtml[] = [];
  for (const health of ORDER) {
    const n = tally[health];
    if (n === 0) continue;
    const w = (n / total) * width;
    parts.push(
      html`<path class="seg-${health}" d="${rectPath(x, y, w, BAR)}" fill="${HEALTH_COLOR[health]}"
        ><title>${n} ${HEALTH_LABEL[health].toLowerCase()}</title></path
      >`,
    );
    if (w >= 16) {
      parts.push(
        html`<text
          x="${num(x + w / 2)}"
          y="${num(y + 14.5)}"
          text-anchor="middle"
          fill="#fff"
          font-weight="600"
          >${n}</text
        >`,
      );
    }
    x += w;
  }
  return html`${parts}`;
}

export function healthOverviewSvg(tallies: Record<HierarchyLevel, HealthTally>): SafeHtml {
  const height = LEVELS.length * ROW + 26;
  const rows = LEVELS.map(({ level, label }, i) => {
    const y = i * ROW + 4;
    return html`<text x="0" y="${num(y + 14.5)}" fill="#1f2328">${label}</text
      >${bar(tallies[level], y)}`;
  });
  let lx = LABEL;
  const legend = ORDER.map((health) => {
    const item = html`<path
        d="${rectPath(lx, height - 15, 10, 10)}"
        fill="${HEALTH_COLOR[health]}"
      /><text x="${lx + 14}" y="${height - 6}" fill="${MUTED}">${HEALTH_LABEL[health]}</text>`;
    lx += 14 + HEALTH_LABEL[health].length * 6.5 + 12;
    return item;
  });
  const summary = LEVELS.map(
    ({ level, label }) =>
      `${label}: ${ORDER.map((h) => `${tallies[level][h]} ${HEALTH_LABEL[h].toLowerCase()}`).join(', ')}`,
  ).join('; ');
  return html`<svg
    class="chart health"
    viewBox="0 0 ${WIDTH} ${height}"
    role="img"
    aria-label="${summary}"
  >
    ${rows}${legend}
  </svg>`;
}
