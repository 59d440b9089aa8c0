/**
 * The weekly report as one self-contained HTML file: inline CSS and inline SVG, no scripts, no
 * fonts, no images, no requests. The Content-Security-Policy says so to the browser too, so even
 * a mistake in escaping could not load or run anything.
 */
import { html, rawHtml } from './escape.js';
import { formatDay, formatDayRange } from './format.js';
import { burnupsHtml } from './html/burnups.js';
import { changesHtml } from './html/changes.js';
import { portfolioHtml } from './html/portfolio.js';
import { pullRequestsHtml } from './html/pull-requests.js';
import { risksHtml } from './html/risks.js';
import { REPORT_CSS } from './html/styles.js';
import { summaryHtml } from './html/summary.js';
import type { ReportModel } from './model-types.js';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderHtml(model: ReportModel): string {
  const range = formatDayRange(model.weekStart, model.weekEnd);
  const asOf =
    model.asOf !== null
      ? html` · data as of
        ${formatDay(model.asOf)}${model.comparedWith !== null ? html`, compared with ${formatDay(model.comparedWith)}` : ''}`
      : '';
  const empty =
    model.asOf === null
      ? html`<p class="notice">
          <strong>No rollup snapshots for ${model.week}.</strong> The tree below shows the
          configured hierarchy without numbers. Snapshots are written by
          <code>northstar rollup</code> (or <code>northstar run</code>) once a day.
        </p>`
      : '';
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>Weekly report ${model.week} — northstar</title>
        <style>
          ${rawHtml(REPORT_CSS)}
        </style>
      </head>
      <body>
        <div class="page">
          <header class="top">
            <div>
              <h1>Weekly report · ${model.week}</h1>
              <div class="sub">${range}${asOf}</div>
            </div>
            <div class="sub">northstar</div>
          </header>
          <nav class="toc">
            <a href="#summary">Summary</a><a href="#portfolio">Bets, programs, projects</a
            ><a href="#burnups">Burn-ups</a><a href="#changes">What changed</a
            ><a href="#risks">Top risks</a><a href="#prs">PR flow</a>
          </nav>
          ${empty} ${summaryHtml(model)} ${portfolioHtml(model.bets)} ${burnupsHtml(model.bets)}
          ${changesHtml(model)} ${risksHtml(model.risks)} ${pullRequestsHtml(model)}
          <footer>
            Generated ${model.generatedAt} by northstar. Health is computed from the forecast: green
            when the chance of finishing by the target is at least 85%, amber from 50% to 85%, red
            below 50%, no data without throughput history. P50 and P85 are the dates by which half
            and 85% of the simulated futures finish. Every count links to the Jira or GitHub search
            that lists the same items.
          </footer>
        </div>
      </body>
    </html> `;
  return page.value;
}
