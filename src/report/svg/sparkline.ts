/** A throughput sparkline: items done per ISO week, the latest week marked and labelled. */
import type { WeeklyThroughput } from '../../domain/rollup.js';
import { html, type SafeHtml } from '../escape.js';
import { linearScale, linePath, num, polygonPath } from './geometry.js';
import { DONE } from './palette.js';

const WIDTH = 96;
const HEIGHT = 24;
const PAD = 3;

export function sparklineSvg(options: {
  throughput: readonly WeeklyThroughput[];
  /** Accessible name. */
  title: string;
}): SafeHtml {
  const weeks = options.throughput;
  if (weeks.length === 0) return html`<span class="muted">—</span>`;
  const max = Math.max(...weeks.map((w) => w.done), 1);
  const x = linearScale([0, Math.max(weeks.length - 1, 1)], [PAD, WIDTH - PAD]);
  const y = linearScale([0, max], [HEIGHT - PAD, PAD]);
  const points = weeks.map((w, i) => ({ x: x(i), y: y(w.done) }));
  // A single week still draws a flat line across, so the chart is never a lone dot.
  if (points.length === 1 && points[0]) {
    points[0].x = WIDTH - PAD;
    points.unshift({ x: PAD, y: points[0].y });
  }
  const last = points[points.length - 1] ?? { x: PAD, y: HEIGHT - PAD };
  const area = polygonPath([
    { x: points[0]?.x ?? PAD, y: HEIGHT - PAD },
    ...points,
    { x: last.x, y: HEIGHT - PAD },
  ]);
  const latest = weeks[weeks.length - 1];
  const label = `${options.title}: ${weeks.map((w) => `${w.week} ${w.done}`).join(', ')}`;
  return html`<svg
      class="chart spark"
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      width="${WIDTH}"
      height="${HEIGHT}"
      role="img"
      aria-label="${label}"
    >
      <path class="spark-area" d="${area}" fill="${DONE}" fill-opacity="0.12" />
      <path
        class="spark-line"
        d="${linePath(points)}"
        fill="none"
        stroke="${DONE}"
        stroke-width="1.5"
        stroke-linejoin="round"
      />
      <circle cx="${num(last.x)}" cy="${num(last.y)}" r="2.2" fill="${DONE}" /></svg
    ><span class="spark-value" title="done in ${latest?.week ?? ''}">${latest?.done ?? 0}</span>`;
}
