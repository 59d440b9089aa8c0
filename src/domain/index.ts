export type * from './items.js';
export type * from './hierarchy.js';
export type * from './rollup.js';
