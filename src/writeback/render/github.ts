/**
 * The GitHub sticky comment: GitHub-flavoured Markdown that starts with the hidden marker.
 * Every string from the model goes through `escapeMarkdown` / `markdownLink` (see sanitize.ts);
 * only this file's own fixed labels are written raw.
 */
import {
  HEALTH_EMOJI,
  HEALTH_LABEL,
  LEVEL_LABEL,
  hours,
  percent,
  points,
  timestamp,
} from './format.js';
import { githubMarker, footerText } from './marker.js';
import type { CommentModel, Count } from './model.js';
import { escapeMarkdown, markdownLink } from './sanitize.js';

/** A number linked to the search(es) that list its items. */
function count(c: Count): string {
  const { jira, github } = c.urls;
  const n = String(c.value);
  if (jira && github)
    return `${n} (${markdownLink('Jira', jira)} · ${markdownLink('GitHub', github)})`;
  const only = jira ?? github;
  return only ? markdownLink(n, only) : n;
}

function healthSection(model: CommentModel): string[] {
  const { health } = model;
  const lines = [
    `**Health:** ${HEALTH_EMOJI[health.value]} **${HEALTH_LABEL[health.value]}** — ${escapeMarkdown(health.reason)}`,
  ];
  if (health.declared) {
    const flag = health.disagrees ? ' ⚠️ differs from the computed health' : '';
    lines.push(`**Declared status:** ${health.declared}${flag}`);
  }
  const parents = [
    model.program ? `${escapeMarkdown(model.program)} (program)` : null,
    model.bet ? `${escapeMarkdown(model.bet)} (big bet)` : null,
  ].filter((p): p is string => p !== null);
  if (parents.length > 0) lines.push(`**Part of:** ${parents.join(' · ')}`);
  if (model.owner) lines.push(`**Owner:** ${escapeMarkdown(model.owner)}`);
  // Hard line breaks (two trailing spaces) keep these short lines in one compact block.
  return [lines.join('  \n')];
}

function progressSection(model: CommentModel): string[] {
  const { counts, progress } = model;
  const rows = [
    '| Items | Count |',
    '|---|---:|',
    `| Done | ${count(counts.done)} |`,
    `| In progress | ${count(counts.inProgress)} |`,
    `| To do | ${count(counts.todo)} |`,
    `| **Total** | ${count(counts.total)} |`,
  ];
  if (counts.outOfScope.value > 0) rows.push(`| Out of scope | ${count(counts.outOfScope)} |`);
  const byPoints =
    progress.byPoints === null
      ? 'no story points'
      : `${percent(progress.byPoints)} by points (${points(model.points.done)} of ${points(model.points.total)})`;
  return [
    '#### Progress',
    rows.join('\n'),
    `${percent(progress.byCount)} done by count · ${byPoints} · estimate coverage ${percent(model.points.coverage)}`,
  ];
}

function forecastSection(model: CommentModel): string[] {
  const { forecast } = model;
  const chance = forecast.probOnTime === null ? '—' : percent(forecast.probOnTime);
  return [
    '#### Forecast',
    [
      '| P50 | P85 | Target | Chance by target | Items left |',
      '|---|---|---|---:|---:|',
      `| ${forecast.p50 ?? '—'} | ${forecast.p85 ?? '—'} | ${model.target ?? '—'} | ${chance} | ${forecast.remaining} |`,
    ].join('\n'),
  ];
}

function changesSection(model: CommentModel): string[] {
  const { since, lines } = model.changes;
  const title = since ? `#### What changed since ${since}` : '#### What changed';
  return [title, lines.map((l) => `- ${escapeMarkdown(l)}`).join('\n')];
}

function risksSection(model: CommentModel): string[] {
  const { risks } = model;
  const out = [
    '#### Risks',
    `Blocked ${count(risks.blocked)} · Stale ${count(risks.stale)} · Overdue ${count(risks.overdue)}`,
  ];
  if (risks.top.length > 0) {
    out.push(
      risks.top
        .map(
          (r) =>
            `- ${markdownLink(r.ref, r.url)} ${escapeMarkdown(r.title)} — ${escapeMarkdown(r.detail)}`,
        )
        .join('\n'),
    );
  }
  return out;
}

function pullRequestSection(model: CommentModel): string[] {
  const pr = model.pullRequests;
  const median = pr.medianHoursToMerge === null ? '—' : hours(pr.medianHoursToMerge);
  return [
    '#### Pull requests',
    [
      `Open ${count(pr.open)} · Draft ${count(pr.draft)} · Merged this week ${count(pr.mergedThisWeek)}`,
      `Median time to merge ${median} · Waiting for review ${count(pr.waitingForReview)} · Without a Jira key ${count(pr.withoutJiraKey)}`,
    ].join('  \n'),
  ];
}

function childrenSection(model: CommentModel): string[] {
  if (model.children.length === 0) return [];
  const title = model.level === 'bet' ? '#### Programs' : '#### Projects';
  return [
    title,
    model.children
      .map(
        (c) => `- ${HEALTH_EMOJI[c.health]} ${escapeMarkdown(c.name)} — ${HEALTH_LABEL[c.health]}`,
      )
      .join('\n'),
  ];
}

function footer(model: CommentModel): string {
  const asOf = model.dataAsOf ? `Data as of ${timestamp(model.dataAsOf)}. ` : '';
  return `<sub>${asOf}${footerText(model.nodeId)}</sub>`;
}

/** The Markdown body; the caller appends the content-hash trailer (see `render/index.ts`). */
export function renderGitHubComment(model: CommentModel): string {
  const title = `### ${HEALTH_EMOJI[model.health.value]} ${escapeMarkdown(model.name)} — ${LEVEL_LABEL[model.level]} status`;
  const sections = [
    githubMarker(model.nodeId),
    title,
    ...healthSection(model),
    ...progressSection(model),
    ...forecastSection(model),
    ...changesSection(model),
    ...childrenSection(model),
    ...risksSection(model),
    ...pullRequestSection(model),
    '---',
    footer(model),
  ];
  // The marker sits on the first line, directly followed by the title.
  return `${sections[0] ?? ''}\n${sections.slice(1).join('\n\n')}\n`;
}
