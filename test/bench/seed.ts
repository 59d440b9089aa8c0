/**
 * How long generating the Jira half of a 100k-issue organisation takes, and what it holds in
 * memory; then how fast the emulator serves that data to jira.js (first search page = the
 * snapshot of all matching ids; then every id page).
 *
 *   node --expose-gc --import tsx test/bench/seed.ts [issues]
 *
 * Prints one JSON line.
 */
import { Version3Client } from 'jira.js';
import { startJiraEmulator } from '../../src/emulators/jira/index.js';
import { generateJiraData } from '../../src/emulators/seed/jira.js';

const issues = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

const heapBefore = heap();
const started = performance.now();
const data = generateJiraData({ seed: 'bench', issues });
const generateMs = performance.now() - started;
const heapAfter = heap();
const histories = data.issues.reduce((n, i) => n + i.histories, 0);

const emu = await startJiraEmulator({ data });
try {
  const client = new Version3Client({
    host: emu.url,
    authentication: { basic: { email: emu.credentials.email, apiToken: emu.credentials.apiToken } },
  });
  const jql = `project in (${emu.control
    .projects()
    .map((p) => p.key)
    .join(', ')}) ORDER BY key ASC`;
  const firstStarted = performance.now();
  let page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
    jql,
    fields: ['id'],
    maxResults: 5000,
  });
  const firstPageMs = performance.now() - firstStarted;
  let seen = page.issues?.length ?? 0;
  while (page.nextPageToken) {
    page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql,
      fields: ['id'],
      maxResults: 5000,
      nextPageToken: page.nextPageToken,
    });
    seen += page.issues?.length ?? 0;
  }
  const allIdsMs = performance.now() - firstStarted;
  const fieldsStarted = performance.now();
  const fields = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
    jql,
    fields: ['summary', 'status', 'parent', 'issuelinks'],
    expand: 'changelog',
    maxResults: 40,
    nextPageToken: undefined,
  });
  const changelogPageMs = performance.now() - fieldsStarted;
  console.log(
    JSON.stringify({
      issues,
      projects: data.site.projects.length,
      epics: data.issues.filter((i) => i.type === 0).length,
      histories,
      changeRows: data.changes.length,
      links: data.links.length,
      generateMs: Math.round(generateMs),
      heapMB: mb(heapAfter - heapBefore),
      changeTableMB: mb(data.changes.byteSize()),
      rssMB: mb(process.memoryUsage().rss),
      search: {
        firstIdPageMs: Math.round(firstPageMs),
        allIdPagesMs: Math.round(allIdsMs),
        idsSeen: seen,
        changelogPageMs: Math.round(changelogPageMs),
        changelogPageIssues: fields.issues?.length ?? 0,
      },
    }),
  );
} finally {
  await emu.close();
}
