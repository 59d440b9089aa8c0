import { describe, expect, it } from 'vitest';
import type { Burnup } from '../../../src/report/model-types.js';
import { burnupSvg } from '../../../src/report/svg/burnup.js';
import { healthOverviewSvg } from '../../../src/report/svg/health-overview.js';
import { sparklineSvg } from '../../../src/report/svg/sparkline.js';
import { throughputBarsSvg } from '../../../src/report/svg/throughput-bars.js';
import { coordinates, pathData } from './paths.js';

const points = [
  { day: '2026-11-02', scope: 20, done: 2 },
  { day: '2026-11-09', scope: 24, done: 6 },
  { day: '2026-11-16', scope: 25, done: 11 },
  { day: '2026-11-29', scope: 26, done: 15 },
];

function burnup(overrides: Partial<Burnup>): Burnup {
  return {
    points,
    forecastP50: '2026-12-20',
    forecastP85: '2027-01-05',
    targetDate: '2026-12-31',
    ...overrides,
  };
}

describe('burn-up chart', () => {
  it('draws scope, done and a forecast cone from today to the P50/P85 dates', () => {
    const svg = burnupSvg({ burnup: burnup({}), title: 'Scheduler' }).value;
    const paths = pathData(svg);
    for (const cls of ['scope', 'done', 'done-area', 'cone', 'p50', 'marker']) {
      const d = paths.get(cls)?.[0] ?? '';
      expect(d, cls).toMatch(/^M/);
      expect(coordinates(d).every(Number.isFinite), cls).toBe(true);
    }
    // The cone is a triangle: today's done point, then scope reached at P50 and at P85.
    const cone = coordinates(paths.get('cone')?.[0] ?? '');
    expect(cone).toHaveLength(6);
    const [x0, , x50, y50, x85, y85] = cone as [number, number, number, number, number, number];
    expect(x0).toBeLessThan(x50);
    expect(x50).toBeLessThan(x85);
    expect(y50).toBe(y85);
    expect(svg).toContain('Target 31 Dec');
    expect(svg).toContain('P85 5 Jan');
  });

  it('names a target far beyond the shown future at the edge instead of squashing the history', () => {
    const svg = burnupSvg({ burnup: burnup({ targetDate: '2028-06-30' }), title: 'x' }).value;
    expect(svg).toContain('Target → 30 Jun 2028');
    expect(pathData(svg).has('marker')).toBe(false);
  });

  it('does not stretch the axis to a far target when there is no forecast to show', () => {
    const far = burnup({ forecastP50: null, forecastP85: null, targetDate: '2028-06-30' });
    const near = burnup({ forecastP50: null, forecastP85: null, targetDate: null });
    const lastX = (svg: string): number =>
      coordinates(pathData(svg).get('done')?.[0] ?? '').at(-2) ?? 0;
    expect(lastX(burnupSvg({ burnup: far, title: 'x' }).value)).toBe(
      lastX(burnupSvg({ burnup: near, title: 'x' }).value),
    );
  });

  it('draws no cone without a forecast, and a placeholder without snapshots', () => {
    const noForecast = burnupSvg({
      burnup: burnup({ forecastP50: null, forecastP85: null, targetDate: null }),
      title: 'x',
    }).value;
    expect(pathData(noForecast).has('cone')).toBe(false);
    expect(pathData(noForecast).get('done')?.[0]).toMatch(/^M/);
    const empty = burnupSvg({ burnup: burnup({ points: [] }), title: 'x' }).value;
    expect(empty).not.toContain('<path');
    expect(empty).toContain('No snapshots yet');
  });

  it('marks a single snapshot with dots for scope and done, and still draws the cone', () => {
    const one = burnupSvg({ burnup: burnup({ points: points.slice(-1) }), title: 'x' }).value;
    expect(one).toContain('class="scope-dot"');
    expect(pathData(one).get('cone')?.[0]).toMatch(/Z$/);
  });

  it('escapes the title it is given', () => {
    const svg = burnupSvg({ burnup: burnup({}), title: '<script>x</script>' }).value;
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('small charts', () => {
  it('sparkline: a line through the weeks, the last value labelled', () => {
    const svg = sparklineSvg({
      throughput: [
        { week: '2026-W46', done: 3, points: 5 },
        { week: '2026-W47', done: 0, points: 0 },
        { week: '2026-W48', done: 7, points: 9 },
      ],
      title: 'p',
    }).value;
    expect(coordinates(pathData(svg).get('spark-line')?.[0] ?? '')).toHaveLength(6);
    expect(svg).toContain('>7</span>');
    expect(sparklineSvg({ throughput: [], title: 'p' }).value).not.toContain('<svg');
  });

  it('health overview: one segment per health present, counts in the label', () => {
    const svg = healthOverviewSvg({
      bet: { green: 1, amber: 1, red: 0, 'no-data': 0 },
      program: { green: 2, amber: 1, red: 1, 'no-data': 0 },
      project: { green: 0, amber: 0, red: 0, 'no-data': 0 },
    }).value;
    const paths = pathData(svg);
    expect(paths.get('seg-green')).toHaveLength(2);
    expect(paths.get('seg-red')).toHaveLength(1);
    expect(svg).toContain('Programs: 2 green, 1 amber, 1 red, 0 no data');
  });

  it('throughput bars: one bar per week', () => {
    const svg = throughputBarsSvg([
      { week: '2026-W47', done: 4, points: 0 },
      { week: '2026-W48', done: 0, points: 0 },
    ]).value;
    expect(pathData(svg).get('bar-week')).toHaveLength(2);
  });
});
