/**
 * The HTML report in a real browser: headless Chromium (the Debian package at /usr/bin/chromium,
 * driven by playwright-core; no browser is ever downloaded) opens the file with every network
 * request blocked, and must show no console errors, no failed or blocked requests, and charts with
 * real path data. Screenshots and a PDF go to test/artifacts/ (git-ignored) for a person to review.
 *
 * Skips, saying why, when /usr/bin/chromium is absent (CI installs nothing for it:
 * `apt-get install -y chromium` on Debian/Ubuntu).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../src/db/open.js';
import { renderHtml } from '../../src/report/html.js';
import { createSeededDb } from './fixtures/seeded-db.js';
import { reportOf } from './fixtures/report-of.js';
import { XSS_TITLE } from './fixtures/org-spec.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.warn(
    `report browser test skipped: ${CHROMIUM} not found (install the Debian package: apt-get install -y chromium)`,
  );
}

/**
 * Evaluates an expression in the page. Written as a string: the project compiles without the DOM
 * library, and the code runs in the browser, not in Node.
 */
async function inPage<T>(page: Page, expression: string): Promise<T> {
  const value: unknown = await page.evaluate(expression);
  return value as T;
}

interface PageLog {
  consoleErrors: string[];
  failed: string[];
  blocked: string[];
  dialogs: string[];
}

async function openReport(
  browser: Browser,
  file: string,
  width: number,
): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const log: PageLog = { consoleErrors: [], failed: [], blocked: [], dialogs: [] };
  const self = pathToFileURL(file).href;
  await page.route('**', async (route) => {
    if (route.request().url() === self) return route.continue();
    log.blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.consoleErrors.push(e.message));
  page.on('requestfailed', (r) => log.failed.push(r.url()));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(self, { waitUntil: 'load' });
  return { page, log };
}

describe.skipIf(!HAS_CHROMIUM)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    const seeded = createSeededDb();
    const html = renderHtml(reportOf(seeded, '2026-W48'));
    closeDatabase(seeded.db);
    file = join(seeded.dir, 'northstar-2026-W48.html');
    writeFileSync(file, html);
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('loads with no console errors, no failed or blocked requests, no dialogs', async () => {
    const { page, log } = await openReport(browser, file, 1280);
    expect(log).toEqual({ consoleErrors: [], failed: [], blocked: [], dialogs: [] });
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await page.close();
  });

  it('draws every chart with real path data', async () => {
    const { page } = await openReport(browser, file, 1280);
    const charts = await inPage<{ kind: string; paths: string[] }[]>(
      page,
      `[...document.querySelectorAll('svg.chart')].map((svg) => ({
        kind: svg.getAttribute('class') ?? '',
        paths: [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? ''),
      }))`,
    );
    const burnups = charts.filter((c) => c.kind === 'chart burnup');
    expect(burnups).toHaveLength(8);
    expect(charts.filter((c) => c.kind === 'chart health')).toHaveLength(1);
    expect(charts.filter((c) => c.kind === 'chart bars')).toHaveLength(1);
    expect(charts.filter((c) => c.kind === 'chart spark').length).toBeGreaterThanOrEqual(12);
    for (const chart of charts) {
      expect(chart.paths.length, chart.kind).toBeGreaterThan(0);
      for (const d of chart.paths) {
        expect(d, chart.kind).toMatch(/^M-?\d/);
        const numbers: string[] = d.match(/-?\d+(?:\.\d+)?/g) ?? [];
        expect(numbers.length).toBeGreaterThanOrEqual(3);
        expect(numbers.every((n) => Number.isFinite(Number(n)))).toBe(true);
      }
    }
    // Each burn-up's done line has drawn, visible length.
    const lengths = await inPage<number[]>(
      page,
      `[...document.querySelectorAll('svg.burnup path.done')].map((p) => p.getTotalLength())`,
    );
    expect(lengths.every((l) => l > 10)).toBe(true);
    await page.close();
  });

  it('shows a Jira title with markup as text, creating no element from it', async () => {
    const { page, log } = await openReport(browser, file, 1280);
    expect(await page.locator('body').innerText()).toContain(XSS_TITLE);
    expect(await page.locator('img').count()).toBe(0);
    expect(log.dialogs).toEqual([]);
    await page.close();
  });

  it('fits a phone: no sideways scrolling of the page', async () => {
    const { page } = await openReport(browser, file, 390);
    const overflow = await inPage<number>(
      page,
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'report-phone.png'), fullPage: true });
    await page.close();
  });

  it('fits a laptop: the tree tables need no sideways scrolling at 1280 px', async () => {
    const { page } = await openReport(browser, file, 1280);
    const hidden = await inPage<number[]>(
      page,
      `[...document.querySelectorAll('.scroll')]
        .filter((box) => box.querySelector('table.tree'))
        .map((box) => box.scrollWidth - box.clientWidth)`,
    );
    expect(hidden.every((h) => h <= 0)).toBe(true);
    await page.close();
  });

  it('prints: navigation hidden, tables fit A4 landscape, a PDF comes out', async () => {
    const { page } = await openReport(browser, file, 1280);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    // A4 landscape less 12 mm margins is ~1030 CSS px: the tree tables fit it.
    await page.setViewportSize({ width: 1030, height: 760 });
    const cut = await inPage<number[]>(
      page,
      `[...document.querySelectorAll('table.tree')].map((t) => t.scrollWidth - t.parentElement.clientWidth)`,
    );
    expect(cut).toEqual(cut.map((c) => Math.min(c, 0)));
    const pdf = await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
