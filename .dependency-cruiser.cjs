/**
 * Import direction (see README "Architecture"):
 * cli → queue → jobs → {sources, mapping, rollup, writeback, report, db} → {domain, config, lib}.
 * Emulators are a separate world: they import only lib/domain (and the self-contained ADF validator
 * in writeback/adf) and are used by cli (demo, emulate).
 */
const layer = (name) => `^src/${name}/`;
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: layer('domain') },
      to: { path: '^src/', pathNot: layer('domain') },
    },
    {
      name: 'lib-is-leaf',
      severity: 'error',
      from: { path: layer('lib') },
      to: { path: '^src/', pathNot: [layer('lib'), layer('domain')] },
    },
    {
      name: 'config-imports-only-domain-lib',
      severity: 'error',
      from: { path: layer('config') },
      to: { path: '^src/', pathNot: [layer('config'), layer('domain'), layer('lib')] },
    },
    {
      name: 'pure-cores',
      comment: 'mapping and rollup are pure: no I/O layers',
      severity: 'error',
      from: { path: '^src/(mapping|rollup)/' },
      to: { path: '^src/(db|queue|jobs|cli|sources|writeback|report|emulators)/' },
    },
    {
      name: 'adapters-do-not-reach-up',
      comment: 'sources, db, writeback, report never import queue/jobs/cli',
      severity: 'error',
      from: { path: '^src/(sources|db|writeback|report|mapping|rollup)/' },
      to: { path: '^src/(queue|jobs|cli)/' },
    },
    {
      name: 'adf-self-contained',
      comment: 'the ADF validator is reused by the Jira emulator: it imports only lib/domain',
      severity: 'error',
      from: { path: '^src/writeback/adf/' },
      to: { path: '^src/', pathNot: ['^src/writeback/adf/', layer('lib'), layer('domain')] },
    },
    {
      name: 'sources-never-import-db',
      severity: 'error',
      from: { path: '^src/sources/' },
      to: { path: '^src/(db|mapping|rollup|writeback|report)/' },
    },
    {
      name: 'jobs-not-queue',
      severity: 'error',
      from: { path: layer('jobs') },
      to: { path: '^src/(queue|cli)/' },
    },
    {
      name: 'queue-not-cli',
      severity: 'error',
      from: { path: layer('queue') },
      to: { path: layer('cli') },
    },
    {
      name: 'emulators-standalone',
      comment: 'the Jira emulator may reuse the self-contained ADF validator',
      severity: 'error',
      from: { path: layer('emulators') },
      to: {
        path: '^src/',
        pathNot: [layer('emulators'), layer('lib'), layer('domain'), '^src/writeback/adf/'],
      },
    },
    {
      name: 'app-never-imports-emulators',
      comment: 'only the CLI (demo, emulate) may start emulators',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/emulators/'] },
      to: { path: layer('emulators') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
