/** Colours shared by the charts and the page's CSS (GitHub Primer-like, readable when printed). */
import type { Health } from '../../domain/rollup.js';

export const HEALTH_COLOR: Record<Health, string> = {
  green: '#1a7f37',
  amber: '#bf8700',
  red: '#cf222e',
  'no-data': '#8c959f',
};

export const INK = '#1f2328';
export const MUTED = '#656d76';
export const GRID = '#d0d7de';
export const SCOPE = '#57606a';
export const DONE = '#0969da';
export const CONE = '#0969da';
export const TARGET = '#cf222e';
