/** Small HTML pieces the report's sections share: linked counts, health badges, progress bars. */
import type { DeclaredStatus } from '../../domain/hierarchy.js';
import type { Health } from '../../domain/rollup.js';
import { html, linkHtml, safeHttpUrl, type SafeHtml } from '../escape.js';
import { formatPercent, HEALTH_LABEL } from '../format.js';
import type { ItemChange, ItemView, LinkedCount } from '../model-types.js';

/**
 * A count that opens the search listing its items: the number links to Jira (or GitHub when the
 * items are only there); with both sources a small "GH" link follows. Zero is shown plain.
 */
export function countHtml(count: LinkedCount, label?: string): SafeHtml {
  const text = label === undefined ? String(count.value) : `${count.value} ${label}`;
  if (count.value === 0) return html`<span class="zero">${text}</span>`;
  const jira = safeHttpUrl(count.jiraUrl);
  const github = safeHttpUrl(count.githubUrl);
  if (jira !== null && github !== null) {
    return html`<a class="n" href="${jira}" title="Open in Jira">${text}</a
      ><a class="gh" href="${github}" title="Open the GitHub search">GH</a>`;
  }
  const only = jira ?? github;
  if (only === null) return html`<span class="n">${text}</span>`;
  return html`<a
    class="n"
    href="${only}"
    title="${jira ? 'Open in Jira' : 'Open the GitHub search'}"
    >${text}</a
  >`;
}

/** `—` when there is no earlier snapshot to compare with. */
export function changeHtml(change: ItemChange, hasBaseline: boolean, label?: string): SafeHtml {
  if (!hasBaseline)
    return html`<span class="muted" title="no earlier snapshot to compare with">—</span>`;
  return countHtml(change.count, label);
}

export function healthBadge(health: Health): SafeHtml {
  return html`<span class="badge h-${health}">${HEALTH_LABEL[health]}</span>`;
}

export function declaredHtml(declared: DeclaredStatus | null, disagrees: boolean): SafeHtml {
  if (declared === null) return html``;
  return html`<span
    class="declared${disagrees ? ' disagree' : ''}"
    title="${disagrees ? 'declared status differs from the computed health' : 'declared status'}"
    >${disagrees ? '⚑ ' : ''}declared ${HEALTH_LABEL[declared].toLowerCase()}</span
  >`;
}

export function progressBar(share: number, health: Health): SafeHtml {
  const pct = Math.max(0, Math.min(100, Math.round(share * 100)));
  return html`<span class="bar" role="img" aria-label="${pct}% done"
    ><span class="fill h-${health}" style="width:${pct}%"></span
  ></span>`;
}

export function percentHtml(share: number | null): SafeHtml {
  return html`${formatPercent(share)}`;
}

/** An item named in a list: its key/number linked, then its title. */
export function itemHtml(item: ItemView): SafeHtml {
  return html`<li>
    ${linkHtml(item.label, item.url)}${item.title !== null ? html` <span class="title">${item.title}</span>` : ''}
  </li>`;
}

export function itemListHtml(options: {
  label: string;
  change: ItemChange;
  limit: number;
}): SafeHtml {
  const { change, limit } = options;
  if (change.items.length === 0) return html``;
  const shown = change.items.slice(0, limit);
  const more = change.items.length - shown.length;
  return html`<div class="items">
    <h4>${options.label} ${countHtml(change.count)}</h4>
    <ul>
      ${shown.map(itemHtml)}${more > 0 ? html`<li class="muted">and ${more} more</li>` : ''}
    </ul>
  </div>`;
}
