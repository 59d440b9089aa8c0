/**
 * A project's burn-up as inline SVG: scope and done per day, a forecast cone from today's done to
 * the full scope between the P50 and P85 dates, and the target date as a marker.
 *
 * The future part of the axis is capped (twice the history shown, at least six weeks) so a far-off
 * P85 or target does not squash the history into a sliver; what lies beyond is clipped and named
 * at the edge ("P85 → 12 Mar 2028").
 */
import { addDays, daysBetween } from '../../lib/dates.js';
import { html, rawHtml, type SafeHtml } from '../escape.js';
import { formatDay, formatShortDay } from '../format.js';
import type { Burnup } from '../model-types.js';
import {
  dayScale,
  linearScale,
  linePath,
  niceMax,
  num,
  polygonPath,
  type Point,
} from './geometry.js';
import { CONE, DONE, GRID, MUTED, SCOPE, TARGET } from './palette.js';

// Sized close to how wide a card shows it (~400 px), so 11-unit text reads as ~11 px.
const WIDTH = 420;
const HEIGHT = 200;
const M = { left: 30, right: 10, top: 34, bottom: 22 };
/** The future shown: twice the history shown, at least six weeks. */
const MIN_FUTURE_DAYS = 42;
/** Axis labels closer than this (in user units) would overlap. */
const MIN_LABEL_GAP = 44;

interface Frame {
  first: string;
  last: string;
  end: string;
  x: (day: string) => number;
  y: (v: number) => number;
  plot: { left: number; top: number; right: number; bottom: number };
}

function frameOf(burnup: Burnup, yMax: number): Frame {
  const points = burnup.points;
  const last = points[points.length - 1]?.day ?? '1970-01-01';
  // A single snapshot still gets a week of width, so its point is not on the axis.
  const first = points.length > 1 ? (points[0]?.day ?? last) : addDays(last, -7);
  const history = daysBetween(first, last);
  const cap = addDays(last, Math.max(MIN_FUTURE_DAYS, 2 * history));
  // A forecast beyond the cap still runs to the edge (its cone is drawn clipped); a target
  // beyond it is only named at the edge, so it does not stretch an empty future.
  const target = burnup.targetDate !== null && burnup.targetDate <= cap ? burnup.targetDate : null;
  const future = [burnup.forecastP85, burnup.forecastP50, target]
    .filter((d): d is string => d !== null && d > last)
    .map((d) => (d > cap ? cap : d));
  const furthest = future.reduce((a, b) => (b > a ? b : a), last);
  // Leave a little room after the last date so end markers are not on the frame.
  const end = addDays(furthest, Math.max(2, Math.round(daysBetween(first, furthest) * 0.03)));
  const plot = {
    left: M.left,
    top: M.top,
    right: WIDTH - M.right,
    bottom: HEIGHT - M.bottom,
  };
  return {
    first,
    last,
    end,
    x: dayScale([first, end], [plot.left, plot.right]),
    y: linearScale([0, yMax], [plot.bottom, plot.top]),
    plot,
  };
}

function axes(f: Frame, yMax: number): SafeHtml {
  const ticks = [0, yMax / 2, yMax];
  const grid = ticks.map(
    (t) =>
      html`<path
          class="grid"
          d="M${num(f.plot.left)} ${num(f.y(t))}H${num(f.plot.right)}"
          stroke="${GRID}"
          stroke-width="1"
        /><text x="${num(f.plot.left - 6)}" y="${num(f.y(t) + 4)}" text-anchor="end"
          >${num(t)}</text
        >`,
  );
  const lastApart = f.x(f.last) - f.x(f.first) >= MIN_LABEL_GAP;
  const labels = [
    { day: f.first, anchor: 'start' },
    ...(lastApart ? [{ day: f.last, anchor: f.end > f.last ? 'middle' : 'end' }] : []),
  ].map(
    (l) =>
      html`<text x="${num(f.x(l.day))}" y="${num(f.plot.bottom + 17)}" text-anchor="${l.anchor}"
        >${formatShortDay(l.day)}</text
      >`,
  );
  return html`${grid}${labels}`;
}

function cone(burnup: Burnup, f: Frame): SafeHtml {
  const now = burnup.points[burnup.points.length - 1];
  if (!now || burnup.forecastP85 === null || now.done >= now.scope) return html``;
  const p50 = burnup.forecastP50 ?? burnup.forecastP85;
  const start: Point = { x: f.x(f.last), y: f.y(now.done) };
  const at = (day: string): Point => ({ x: f.x(day > f.last ? day : f.last), y: f.y(now.scope) });
  const cone = polygonPath([start, at(p50), at(burnup.forecastP85)]);
  const median = linePath([start, at(p50)]);
  const scopeAhead = linePath([
    { x: f.x(f.last), y: f.y(now.scope) },
    { x: f.x(burnup.forecastP85), y: f.y(now.scope) },
  ]);
  return rawHtml(
    `<path class="cone" d="${cone}" fill="${CONE}" fill-opacity="0.16" stroke="${CONE}" stroke-opacity="0.45" stroke-dasharray="3 3"/>` +
      `<path class="p50" d="${median}" fill="none" stroke="${CONE}" stroke-width="1.5" stroke-dasharray="5 3"/>` +
      `<path class="scope-ahead" d="${scopeAhead}" fill="none" stroke="${SCOPE}" stroke-width="1" stroke-dasharray="2 3"/>`,
  );
}

/** A date marker at the top of the plot, or an arrow label at the edge when it is off the axis. */
function marker(options: {
  day: string;
  label: string;
  color: string;
  f: Frame;
  row: number;
  line: boolean;
}): SafeHtml {
  const { day, f, color } = options;
  const y = f.plot.top - 6 - options.row * 13;
  if (day > f.end) {
    return html`<text x="${num(f.plot.right)}" y="${num(y)}" text-anchor="end" fill="${color}"
      >${options.label} → ${formatDay(day)}</text
    >`;
  }
  if (day < f.first) {
    return html`<text x="${num(f.plot.left)}" y="${num(y)}" fill="${color}"
      >← ${options.label} ${formatDay(day)}</text
    >`;
  }
  const x = f.x(day);
  const anchor = x > (f.plot.left + f.plot.right) / 2 ? 'end' : 'start';
  const dx = anchor === 'end' ? -3 : 3;
  const line = options.line
    ? `<path class="marker" d="M${num(x)} ${num(f.plot.top - 4)}V${num(f.plot.bottom)}" stroke="${color}" stroke-width="1.5" stroke-dasharray="4 3"/>`
    : '';
  return html`${rawHtml(line)}<text
      x="${num(x + dx)}"
      y="${num(y)}"
      text-anchor="${anchor}"
      fill="${color}"
      >${options.label} ${formatShortDay(day)}</text
    >`;
}

export interface BurnupChartOptions {
  burnup: Burnup;
  /** Accessible name, e.g. the project's name. */
  title: string;
}

export function burnupSvg(options: BurnupChartOptions): SafeHtml {
  const { burnup, title } = options;
  if (burnup.points.length === 0) {
    return html`<svg
      class="chart burnup empty"
      viewBox="0 0 ${WIDTH} 60"
      role="img"
      aria-label="${title}: no snapshots yet"
    >
      <text x="${WIDTH / 2}" y="34" text-anchor="middle" fill="${MUTED}">
        No snapshots yet — the burn-up starts with the first rollup.
      </text>
    </svg>`;
  }
  const yMax = niceMax(Math.max(...burnup.points.map((p) => p.scope), 1) * 1.05);
  const f = frameOf(burnup, yMax);
  const scope = linePath(burnup.points.map((p) => ({ x: f.x(p.day), y: f.y(p.scope) })));
  const donePoints = burnup.points.map((p) => ({ x: f.x(p.day), y: f.y(p.done) }));
  const doneArea = polygonPath([
    { x: f.x(burnup.points[0]?.day ?? f.first), y: f.y(0) },
    ...donePoints,
    { x: f.x(f.last), y: f.y(0) },
  ]);
  const now = donePoints[donePoints.length - 1] ?? { x: f.x(f.last), y: f.y(0) };
  const lastScope = burnup.points[burnup.points.length - 1]?.scope ?? 0;
  // A lone snapshot is a point, not a line: mark today's scope too so it is visible.
  const scopeDot =
    burnup.points.length === 1
      ? html`<circle
          class="scope-dot"
          cx="${num(now.x)}"
          cy="${num(f.y(lastScope))}"
          r="3.5"
          fill="${SCOPE}"
        />`
      : '';
  const markers = [
    burnup.targetDate !== null
      ? marker({ day: burnup.targetDate, label: 'Target', color: TARGET, f, row: 0, line: true })
      : null,
    burnup.forecastP85 !== null
      ? marker({ day: burnup.forecastP85, label: 'P85', color: CONE, f, row: 1, line: false })
      : null,
  ];
  const plot = f.plot;
  const clip = `x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" viewBox="${plot.left} ${plot.top} ${plot.right - plot.left} ${plot.bottom - plot.top}" preserveAspectRatio="none" overflow="hidden"`;
  return html`<svg
    class="chart burnup"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    role="img"
    aria-label="${title}: burn-up"
  >
    <title>${title}: scope and done per day, forecast cone to P85</title>
    ${axes(f, yMax)}<svg ${rawHtml(clip)}>
      ${cone(burnup, f)}
      <path class="done-area" d="${doneArea}" fill="${DONE}" fill-opacity="0.1" />
      <path class="scope" d="${scope}" fill="none" stroke="${SCOPE}" stroke-width="2" />
      <path
        class="done"
        d="${linePath(donePoints)}"
        fill="none"
        stroke="${DONE}"
        stroke-width="2.5"
      />
      <circle cx="${num(now.x)}" cy="${num(now.y)}" r="3.5" fill="${DONE}" />
      ${scopeDot}
    </svg>
    <path class="axis" d="M${plot.left} ${plot.bottom}H${plot.right}" stroke="${GRID}" />
    ${markers}
  </svg>`;
}
