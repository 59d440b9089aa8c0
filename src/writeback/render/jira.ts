/**
 * The Jira sticky comment as an ADF document, built from typed node constructors only: health as
 * an ADF `status` lozenge, numbers in tables and lists, every count linked to its JQL search.
 * Untrusted strings only ever become `text` nodes, which Jira shows literally.
 */
import {
  bulletList,
  doc,
  em,
  heading,
  link,
  paragraph,
  rule,
  status,
  strong,
  table,
  tableCell,
  tableHeader,
  tableRow,
  text,
  type AdfDocument,
  type AdfInline,
  type AdfTableRow,
} from '../adf/nodes.js';
import {
  HEALTH_COLOR,
  HEALTH_LABEL,
  LEVEL_LABEL,
  hours,
  percent,
  points,
  timestamp,
} from './format.js';
import { footerText } from './marker.js';
import type { CommentModel, Count } from './model.js';

/** A number linked to its search(es): the number itself when one, "(Jira · GitHub)" when two. */
function count(c: Count): AdfInline[] {
  const { jira, github } = c.urls;
  const n = String(c.value);
  if (jira && github) {
    return [text(`${n} (`), link('Jira', jira), text(' · '), link('GitHub', github), text(')')];
  }
  return [link(n, jira ?? github)];
}

function labelled(label: string, ...value: AdfInline[]): AdfInline[] {
  return [strong(`${label}: `), ...value];
}

function healthBlock(model: CommentModel): ReturnType<typeof paragraph>[] {
  const { health } = model;
  const blocks = [
    paragraph(
      ...labelled(
        'Health',
        status(HEALTH_LABEL[health.value], HEALTH_COLOR[health.value]),
        text(` ${health.reason}`),
      ),
    ),
  ];
  if (health.declared) {
    blocks.push(
      paragraph(
        ...labelled('Declared status', text(health.declared)),
        health.disagrees ? text(' (differs from the computed health)') : null,
      ),
    );
  }
  const parents = [
    model.program ? `${model.program} (program)` : null,
    model.bet ? `${model.bet} (big bet)` : null,
  ].filter((p): p is string => p !== null);
  if (parents.length > 0) blocks.push(paragraph(...labelled('Part of', text(parents.join(' · ')))));
  if (model.owner) blocks.push(paragraph(...labelled('Owner', text(model.owner))));
  return blocks;
}

function progressTable(model: CommentModel): ReturnType<typeof table> {
  const { counts } = model;
  const row = (label: string, c: Count): AdfTableRow =>
    tableRow([tableCell(text(label)), tableCell(...count(c))]);
  const rows = [
    tableRow([tableHeader(strong('Items')), tableHeader(strong('Count'))]),
    row('Done', counts.done),
    row('In progress', counts.inProgress),
    row('To do', counts.todo),
    tableRow([tableCell(strong('Total')), tableCell(...count(counts.total))]),
  ];
  if (counts.outOfScope.value > 0) rows.push(row('Out of scope', counts.outOfScope));
  return table(rows);
}

function progressLine(model: CommentModel): ReturnType<typeof paragraph> {
  const { progress } = model;
  const byPoints =
    progress.byPoints === null
      ? 'no story points'
      : `${percent(progress.byPoints)} by points (${points(model.points.done)} of ${points(model.points.total)})`;
  return paragraph(
    text(
      `${percent(progress.byCount)} done by count · ${byPoints} · estimate coverage ${percent(model.points.coverage)}`,
    ),
  );
}

function forecastTable(model: CommentModel): ReturnType<typeof table> {
  const { forecast } = model;
  const chance = forecast.probOnTime === null ? '—' : percent(forecast.probOnTime);
  const headers = ['P50', 'P85', 'Target', 'Chance by target', 'Items left'];
  const values = [
    forecast.p50 ?? '—',
    forecast.p85 ?? '—',
    model.target ?? '—',
    chance,
    String(forecast.remaining),
  ];
  return table([
    tableRow(headers.map((h) => tableHeader(strong(h)))),
    tableRow(values.map((v) => tableCell(text(v)))),
  ]);
}

function risksBlocks(
  model: CommentModel,
): (ReturnType<typeof paragraph> | ReturnType<typeof bulletList>)[] {
  const { risks } = model;
  return [
    paragraph(
      text('Blocked '),
      ...count(risks.blocked),
      text(' · Stale '),
      ...count(risks.stale),
      text(' · Overdue '),
      ...count(risks.overdue),
    ),
    bulletList(risks.top.map((r) => [link(r.ref, r.url), text(` ${r.title} — ${r.detail}`)])),
  ];
}

function pullRequestList(model: CommentModel): ReturnType<typeof bulletList> {
  const pr = model.pullRequests;
  const median = pr.medianHoursToMerge === null ? '—' : hours(pr.medianHoursToMerge);
  return bulletList([
    [text('Open: '), ...count(pr.open), text(' · Draft: '), ...count(pr.draft)],
    [
      text('Merged this week: '),
      ...count(pr.mergedThisWeek),
      text(` · Median time to merge: ${median}`),
    ],
    [text('Waiting for review: '), ...count(pr.waitingForReview)],
    [text('Without a Jira key: '), ...count(pr.withoutJiraKey)],
  ]);
}

function childrenBlocks(
  model: CommentModel,
): (ReturnType<typeof heading> | ReturnType<typeof bulletList>)[] {
  if (model.children.length === 0) return [];
  return [
    heading(4, text(model.level === 'bet' ? 'Programs' : 'Projects')),
    bulletList(
      model.children.map((c) => [
        status(HEALTH_LABEL[c.health], HEALTH_COLOR[c.health]),
        text(` ${c.name}`),
      ]),
    ),
  ];
}

export function renderJiraComment(model: CommentModel): AdfDocument {
  const { since, lines } = model.changes;
  const asOf = model.dataAsOf ? `Data as of ${timestamp(model.dataAsOf)}. ` : '';
  return doc(
    heading(3, text(`${model.name} — ${LEVEL_LABEL[model.level]} status`)),
    ...healthBlock(model),
    heading(4, text('Progress')),
    progressTable(model),
    progressLine(model),
    heading(4, text('Forecast')),
    forecastTable(model),
    heading(4, text(since ? `What changed since ${since}` : 'What changed')),
    bulletList(lines.map((l) => [text(l)])),
    ...childrenBlocks(model),
    heading(4, text('Risks')),
    ...risksBlocks(model),
    heading(4, text('Pull requests')),
    pullRequestList(model),
    rule(),
    paragraph(em(`${asOf}${footerText(model.nodeId)}`)),
  );
}
