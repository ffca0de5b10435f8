// Fragments for an entity's page: bio line, quotations, events, network.
import { esc } from '../../src/site/html.ts';
import type { SiteContext } from '../../src/site/context.ts';
import { articleUrl, entityUrl } from '../../src/site/archive-index.ts';
import { readableDate } from '../../src/site/dates.ts';
import type { Bio } from '../../src/analysis/bio.ts';
import type { SpeakerQuote } from '../../src/analysis/quotes-index.ts';
import type { TimelineEvent } from '../../src/analysis/timeline.ts';
import type { ConnectionNode, Neighbour } from '../../src/analysis/connections.ts';
import { eventLi } from './timeline.ts';
import { networkSvg } from './network.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `<p class="bio">Kremlin spokesperson</p>`, or '' when nothing is known. */
export function bioLine(bio: Bio | undefined): string {
  if (!bio?.line) return '';
  return `<p class="bio">${esc(bio.line)}</p>`;
}

/** The entity's quotations, newest article first (at most `limit`). '' when there are none. */
export function entityQuotesSection(ctx: SiteContext, quotes: SpeakerQuote[], limit = 20): string {
  if (!quotes.length) return '';
  const items = quotes
    .slice(0, limit)
    .map((q) => {
      const when = q.date ? `<time datetime="${esc(q.date)}">${esc(readableDate(q.date))}</time>, ` : '';
      const who = q.unnamed && q.attribution ? `${esc(q.attribution)}, ` : '';
      return `<li><blockquote><p>${esc(q.text)}</p></blockquote><p class="quote-source">— ${who}${when}<a href="${esc(ctx.url(articleUrl(q.articleId)))}">${esc(q.title)}</a></p></li>`;
    })
    .join('');
  const more = quotes.length > limit ? `<p>${esc(`Showing ${limit} of ${quotes.length} quotations.`)}</p>` : '';
  return `<section class="entity-quotes" aria-labelledby="quotes-h"><h2 id="quotes-h">Quotations</h2><ul class="quotes">${items}</ul>${more}</section>`;
}

/** Dated events that name the entity, newest first. '' when there are none. */
export function entityEventsSection(ctx: SiteContext, events: TimelineEvent[], limit = 30): string {
  if (!events.length) return '';
  const more = events.length > limit ? `<p><a href="${esc(ctx.url('/timeline/'))}">${esc(`All ${events.length} events on the timeline`)}</a></p>` : '';
  return `<section class="entity-events" aria-labelledby="events-h"><h2 id="events-h">Timeline</h2><ol class="timeline">${events
    .slice(0, limit)
    .map((e) => eventLi(ctx, e))
    .join('')}</ol>${more}</section>`;
}

/** The network picture and the same information as a list. '' when the entity has no neighbours. */
export function entityNetworkSection(ctx: SiteContext, center: ConnectionNode, neighbours: Neighbour[]): string {
  if (!neighbours.length) return '';
  const list = neighbours
    .map((n) => `<li><a href="${esc(ctx.url(entityUrl(n.node.kind, n.node.slug)))}">${esc(n.node.name)}</a> <span class="count">${esc(plural(n.shared, 'shared article'))}</span></li>`)
    .join('');
  return `<section class="entity-network" aria-labelledby="network-h"><h2 id="network-h">Appears with</h2><figure>${networkSvg(ctx, center, neighbours, 'network')}<figcaption>${esc(`${center.name} and the entities most often in the same articles; thicker lines mean a stronger link.`)}</figcaption></figure><ol class="neighbours">${list}</ol></section>`;
}
