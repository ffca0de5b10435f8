// The article page: headline, date, dateline, reading time, body with linked mentions, entities beside it,
// related articles, previous/next, JSON-LD NewsArticle, and a citation for print.
import { esc, jsonForScript } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/context.ts';
import type { Article, EntityKind, EntityRef } from '../src/types.ts';
import { ENTITY_KINDS } from '../src/types.ts';
import { KIND_LABEL, entityUrl, articleUrl, roleText, type ArticleSummary } from '../src/site/archive-index.ts';
import { readableDate } from '../src/site/dates.ts';
import { basePage } from './base.ts';
import { articleItem, dateHtml, readingMinutes } from './parts.ts';

const SCHEMA_TYPE: Record<EntityKind, string> = { people: 'Person', organisations: 'Organization', places: 'Place' };

export function articlePage(ctx: SiteContext, a: Article, bodyHtml: string): string {
  const path = articleUrl(a.id);
  const summary = ctx.articleById.get(a.id);
  const words = summary?.words ?? bodyHtml.replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean).length;
  const meta = [
    dateHtml(a.date),
    a.location ? `<span class="dateline">${esc(a.location)}</span>` : '',
    a.byline ? `<span class="byline">By ${esc(a.byline)}</span>` : '',
    `<span>${readingMinutes(words)} min read</span>`,
  ].filter(Boolean).join(' <span aria-hidden="true">·</span> ');
  const aside = ENTITY_KINDS.map((kind) => entityList(ctx, kind, a[kind] ?? [])).join('');
  const filters = ENTITY_KINDS.flatMap((kind) => (a[kind] ?? []).map((e) => `<span data-pagefind-filter="${KIND_LABEL[kind].filter}">${esc(e.name)}</span>`)).join('');
  const canonical = ctx.absoluteUrl(path);
  const body = `<div class="article-layout">
<article class="article" data-pagefind-body${a.date ? ` data-pagefind-sort="date:${esc(a.date)}"` : ''}>
<header class="article-header">
${a.dateline ? `<p class="kicker">${esc(a.location ?? a.dateline)}</p>` : ''}<h1 data-pagefind-meta="title">${esc(a.title)}</h1>
<p class="meta">${meta}</p>
</header>
<div class="article-body">
${bodyHtml}
</div>
<footer class="article-footer">
<p class="citation">${a.date ? `Published <time datetime="${esc(a.date)}">${esc(readableDate(a.date))}</time>. ` : ''}Source: <code>${esc(a.source)}</code>. <span class="print-only">From ${esc(ctx.settings.title)}: ${esc(canonical)}</span></p>
${a.date ? `<p hidden data-pagefind-meta="date">${esc(readableDate(a.date))}</p>` : ''}<div hidden>${filters}</div>
</footer>
</article>
${aside ? `<aside class="entities" aria-labelledby="in-this-article"><h2 id="in-this-article">In this article</h2>${aside}</aside>` : ''}
</div>
${prevNext(ctx, summary)}
${related(ctx, summary)}`;
  return basePage(ctx, {
    title: a.title,
    path,
    body,
    description: summary?.lede,
    ogType: 'article',
    head: `${a.date ? `<meta property="article:published_time" content="${esc(a.date)}">\n` : ''}<script type="application/ld+json">${jsonForScript(jsonLd(ctx, a, summary))}</script>`,
  });
}

function entityList(ctx: SiteContext, kind: EntityKind, list: EntityRef[]): string {
  if (!list.length) return '';
  const items = list
    .map((e) => {
      const role = roleText(e.role, e.roleOrg);
      return `<li><a href="${esc(ctx.url(entityUrl(kind, e.slug)))}">${esc(e.name)}</a>${role ? `<span class="role">${esc(role)}</span>` : ''}</li>`;
    })
    .join('');
  return `<section><h3>${esc(KIND_LABEL[kind].many)}</h3><ul>${items}</ul></section>`;
}

function prevNext(ctx: SiteContext, s?: ArticleSummary): string {
  const prev = s?.prev ? ctx.articleById.get(s.prev) : undefined;
  const next = s?.next ? ctx.articleById.get(s.next) : undefined;
  if (!prev && !next) return '';
  const link = (x: ArticleSummary, rel: string, label: string) =>
    `<a href="${esc(ctx.url(x.url))}" rel="${rel}"><span class="label">${label}</span> <span class="title">${esc(x.title)}</span> <span class="meta">${dateHtml(x.date)}</span></a>`;
  return `<nav class="prev-next" aria-label="Previous and next article"><ul>${prev ? `<li class="prev">${link(prev, 'prev', 'Previous')}</li>` : ''}${next ? `<li class="next">${link(next, 'next', 'Next')}</li>` : ''}</ul></nav>`;
}

function related(ctx: SiteContext, s?: ArticleSummary): string {
  const list = (s?.related ?? []).map((id) => ctx.articleById.get(id)).filter((x): x is ArticleSummary => !!x);
  if (!list.length) return '';
  return `<section class="related" aria-labelledby="related-h"><h2 id="related-h">Related articles</h2><ol class="article-list related-list">${list.map((x) => articleItem(ctx, x, 3)).join('')}</ol></section>`;
}

/** schema.org NewsArticle: `about` is what the article is mostly about (mentioned more than once, or its dateline place); `mentions` the rest. */
export function jsonLd(ctx: SiteContext, a: Article, s?: ArticleSummary): Record<string, unknown> {
  const about: unknown[] = [];
  const mentions: unknown[] = [];
  for (const kind of ENTITY_KINDS) {
    for (const e of a[kind] ?? []) {
      const node = { '@type': SCHEMA_TYPE[kind], name: e.name, url: ctx.absoluteUrl(entityUrl(kind, e.slug)) };
      ((e.mentions ?? 1) > 1 || (kind === 'places' && e.name === a.location) ? about : mentions).push(node);
    }
  }
  const url = ctx.absoluteUrl(articleUrl(a.id));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    url,
    mainEntityOfPage: url,
    ...(a.date ? { datePublished: a.date } : {}),
    ...(a.location ? { contentLocation: { '@type': 'Place', name: a.location } } : {}),
    ...(a.byline ? { author: { '@type': 'Person', name: a.byline } } : {}),
    ...(s ? { wordCount: s.words, description: s.lede } : {}),
    inLanguage: ctx.settings.language,
    isPartOf: { '@type': 'WebSite', name: ctx.settings.title, url: ctx.absoluteUrl('/') },
    publisher: { '@type': 'Organization', name: ctx.settings.title, url: ctx.absoluteUrl('/') },
    ...(about.length ? { about } : {}),
    ...(mentions.length ? { mentions } : {}),
  };
}
