// The archive's timeline page: events newest first, grouped by month.
import { esc } from '../../src/site/html.ts';
import type { SiteContext } from '../../src/site/context.ts';
import { articleUrl, entityUrl } from '../../src/site/archive-index.ts';
import type { Timeline, TimelineEvent } from '../../src/analysis/timeline.ts';
import { eventDateLabel } from '../../src/analysis/timeline.ts';
import { basePage } from '../base.ts';

export const TIMELINE_PATH = '/timeline/';

/**
 * One event as a list item: date, clause, linked entities, sources. An event stands on the page of each entity it
 * names and on the timeline: it is made once per site context.
 */
export function eventLi(ctx: SiteContext, e: TimelineEvent): string {
  let byEvent = items.get(ctx);
  if (!byEvent) items.set(ctx, (byEvent = new Map()));
  let html = byEvent.get(e);
  if (html === undefined) byEvent.set(e, (html = eventItem(ctx, e)));
  return html;
}
const items = new WeakMap<SiteContext, Map<TimelineEvent, string>>();

function eventItem(ctx: SiteContext, e: TimelineEvent): string {
  const ents = e.entities.length
    ? `<p class="event-entities">${e.entities.map((k) => `<a href="${esc(ctx.url(entityUrl(k.kind, k.slug)))}">${esc(k.name)}</a>`).join(', ')}</p>`
    : '';
  const sources = e.sources
    .map((s) => `<a href="${esc(ctx.url(articleUrl(s.articleId)))}">${esc(s.title)}</a>`)
    .join('; ');
  const label = e.sources.length > 1 ? `Sources (${e.sources.length})` : 'Source';
  return `<li class="event"><p class="event-date"><time datetime="${esc(e.date)}">${esc(eventDateLabel(e.date))}</time></p><p class="event-text">${esc(e.text)}</p>${ents}<p class="event-sources">${esc(label)}: ${sources}</p></li>`;
}

export function timelinePage(ctx: SiteContext, timeline: Timeline): string {
  const nav = timeline.groups.length > 1
    ? `<nav aria-label="Months"><ul class="timeline-months">${timeline.groups.map((g) => `<li><a href="#t-${esc(g.key)}">${esc(g.label)}</a></li>`).join('')}</ul></nav>`
    : '';
  const groups = timeline.groups
    .map((g) => `<section aria-labelledby="t-${esc(g.key)}"><h2 id="t-${esc(g.key)}">${esc(g.label)}</h2><ol class="timeline">${g.events.map((e) => eventLi(ctx, e)).join('')}</ol></section>`)
    .join('');
  const count = timeline.events.length;
  const body = `<h1>Timeline</h1><p>${esc(count === 1 ? '1 dated event' : `${count} dated events`)} from the archive, newest first.</p>${nav}${groups}`;
  return basePage(ctx, { title: 'Timeline', path: TIMELINE_PATH, body, description: 'Dated events from the archive, newest first.' });
}
