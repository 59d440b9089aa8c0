/** The org's throughput: items done per ISO week as labelled bars (the summary's larger chart). */
import type { WeeklyThroughput } from '../../domain/rollup.js';
import { html, type SafeHtml } from '../escape.js';
import { linearScale, num, rectPath } from './geometry.js';
import { DONE, MUTED } from './palette.js';

const WIDTH = 300;
const HEIGHT = 120;
const TOP = 16;
const BOTTOM = 18;

export function throughputBarsSvg(weeks: readonly WeeklyThroughput[]): SafeHtml {
  if (weeks.length === 0) {
    return html`<svg
      class="chart bars empty"
      viewBox="0 0 ${WIDTH} 40"
      role="img"
      aria-label="no throughput yet"
    >
      <text x="0" y="24" fill="${MUTED}">No items done yet.</text>
    </svg>`;
  }
  const max = Math.max(...weeks.map((w) => w.done), 1);
  const slot = WIDTH / weeks.length;
  const barWidth = Math.min(28, slot * 0.7);
  const y = linearScale([0, max], [HEIGHT - BOTTOM, TOP]);
  const bars = weeks.map((w, i) => {
    const x = i * slot + (slot - barWidth) / 2;
    const top = y(w.done);
    const last = i === weeks.length - 1;
    // Keep a hairline for zero weeks so the week is visibly counted.
    const height = Math.max(1, HEIGHT - BOTTOM - top);
    return html`<path
        class="bar-week"
        d="${rectPath(x, HEIGHT - BOTTOM - height, barWidth, height)}"
        fill="${DONE}"
        fill-opacity="${last ? 1 : 0.45}"
        ><title>${w.week}: ${w.done} done</title></path
      ><text
        x="${num(x + barWidth / 2)}"
        y="${num(top - 4)}"
        text-anchor="middle"
        fill="${last ? '#1f2328' : MUTED}"
        >${w.done}</text
      ><text x="${num(x + barWidth / 2)}" y="${HEIGHT - 4}" text-anchor="middle" fill="${MUTED}"
        >${w.week.slice(5)}</text
      >`;
  });
  const label = `Items done per week: ${weeks.map((w) => `${w.week} ${w.done}`).join(', ')}`;
  return html`<svg
    class="chart bars"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    role="img"
    aria-label="${label}"
  >
    ${bars}
  </svg>`;
}
