// A person, organisation or place: who or what it is, how often and when it is mentioned,
// what it is mentioned with, quotes, and its articles newest first, grouped by month, 50 a page.
import { esc, count } from '../src/site/html.ts';
import type { SiteContext, EntityPage } from '../src/site/context.ts';
import { KIND_LABEL, KIND_PATH, type EntityEntry } from '../src/site/archive-index.ts';
import { readableDate } from '../src/site/dates.ts';
import { basePage } from './base.ts';
import { mentionChart } from './chart.ts';
import { bioLine, entityEventsSection, entityNetworkSection } from './research/index.ts';
import { groupedByMonth, pager, pageUrl, plural, entityLinks } from './parts.ts';

export const entityFeedUrl = (e: EntityEntry) => `${e.url}feed.xml`;

export function entityPage(ctx: SiteContext, p: EntityPage): string {
  const e = p.entity;
  const label = KIND_LABEL[e.kind];
  const n = e.articles.length;
  const span =
    e.firstDate && e.lastDate
      ? e.firstDate === e.lastDate
        ? ` on <time datetime="${esc(e.firstDate)}">${esc(readableDate(e.firstDate))}</time>`
        : ` from <time datetime="${esc(e.firstDate)}">${esc(readableDate(e.firstDate))}</time> to <time datetime="${esc(e.lastDate)}">${esc(readableDate(e.lastDate))}</time>`
      : '';
  const facts = [
    e.description ? `<p class="description">${esc(e.description)}</p>` : '',
    e.roles.length ? `<p class="roles"><span class="label">${e.roles.length === 1 ? 'Role' : 'Roles'}:</span> ${e.roles.map(esc).join('; ')}</p>` : '',
    e.aliases.length ? `<p class="aliases"><span class="label">Also written:</span> ${e.aliases.map(esc).join(', ')}</p>` : '',
    `<p class="summary">Mentioned ${plural(e.mentions, 'time')} in ${plural(n, 'article')}${span}.</p>`,
  ].join('');
  const withList = e.with
    .map((w) => ({ w, x: ctx.entityBySlug[w.kind].get(w.slug) }))
    .filter((x) => x.x)
    .map(({ w, x }) => ({ e: x!, count: w.count, title: `${plural(w.count, 'article')} with both` }));
  const quotes = e.quotes.length
    ? `<section class="quotes" aria-labelledby="quotes-h"><h2 id="quotes-h">Quoted</h2>${e.quotes
        .map((q) => {
          const a = ctx.articleById.get(q.article);
          return `<blockquote><p>“${esc(q.text)}”</p>${a ? `<footer><a href="${esc(ctx.url(a.url))}">${esc(a.title)}</a></footer>` : ''}</blockquote>`;
        })
        .join('')}</section>`
    : '';
  const first = p.page === 1;
  const key = `${e.kind}:${e.slug}`;
  const network = ctx.research.network[key];
  const side = first
    ? `${withList.length ? `<section aria-labelledby="with-h"><h2 id="with-h">Often mentioned with</h2>${entityLinks(ctx, withList, 'entity-list with-list')}<p class="note">Numbers: articles naming both.</p></section>` : ''}${network ? entityNetworkSection(ctx, network.node, network.neighbours) : ''}${quotes}`
    : '';
  const events = first ? entityEventsSection(ctx, ctx.research.eventsByEntity.get(key) ?? []) : '';
  const bio = !e.description ? bioLine(ctx.research.bios[key]) : '';
  const head = first ? `<div class="entity-facts">${bio}${facts}${mentionChart(e.name, e.timeline)}<p class="feed-link"><a href="${esc(ctx.url(entityFeedUrl(e)))}">Atom feed of articles mentioning ${esc(e.name)}</a></p></div>` : `<p class="summary">${plural(n, 'article')}; page ${p.page} of ${p.pages}.</p>`;
  const body = `<div class="entity-layout${side ? '' : ' single'}">
<div class="entity-main">
<header class="entity-header"><p class="kind"><a href="${esc(ctx.url(`/${KIND_PATH[e.kind]}/`))}">${esc(label.many)}</a></p><h1>${esc(e.name)}${p.page > 1 ? ` <span class="page-of">page ${p.page}</span>` : ''}</h1></header>
${head}
<section class="entity-articles" aria-labelledby="articles-h"><h2 id="articles-h">Articles${p.pages > 1 ? ` <span class="count">${(p.page - 1) * 50 + 1}–${(p.page - 1) * 50 + p.items.length} of ${count(n)}</span>` : ''}</h2>
${groupedByMonth(ctx, p.items, 3)}
</section>
${events}
${pager(ctx, e.url, p.page, p.pages, `Pages of articles mentioning ${e.name}`)}
</div>
${side ? `<aside class="entity-side">${side}</aside>` : ''}
</div>`;
  return basePage(ctx, {
    title: p.page > 1 ? `${e.name} (page ${p.page})` : e.name,
    path: pageUrl(e.url, p.page),
    body,
    description: e.description ?? `${label.one}: ${e.name}. Mentioned in ${plural(n, 'article')}.`,
    ogType: e.kind === 'people' ? 'profile' : 'website',
    head: `<link rel="alternate" type="application/atom+xml" title="${esc(e.name)}" href="${esc(ctx.url(entityFeedUrl(e)))}">`,
  });
}
