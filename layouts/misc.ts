// The search page (Pagefind's UI, the only page that runs JavaScript) and the 404 page.
import { esc } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/context.ts';
import { basePage } from './base.ts';
import { searchShardPlan } from '../src/site/search-shards.ts';

/** Search bundles, one per year (or busy year's quarter) of articles, newest first, and one for undated articles: see src/site/search-shards.ts. */
export function searchShards(ctx: SiteContext): string[] {
  return [...searchShardPlan(ctx.index.articles).keys()];
}

export function searchPage(ctx: SiteContext): string {
  const shards = searchShards(ctx);
  const bundles = shards.map((s) => ctx.url(`/pagefind/${s}/`));
  const primary = bundles[0] ?? ctx.url('/pagefind/');
  const body = `<h1>Search</h1>
<p>Search the text of every article; narrow the results by person, organisation or place.</p>
<div id="search" class="search" data-prefix="${esc(ctx.prefix)}" data-bundles="${esc(JSON.stringify(bundles))}"></div>
<noscript><p>Search needs JavaScript. Without it, browse <a href="${esc(ctx.url('/people/'))}">people</a>, <a href="${esc(ctx.url('/organisations/'))}">organisations</a>, <a href="${esc(ctx.url('/places/'))}">places</a> or the <a href="${esc(ctx.url('/archive/'))}">archive by date</a>.</p></noscript>`;
  return basePage(ctx, {
    title: 'Search',
    path: '/search/',
    body,
    noSearchBox: true,
    head: `<link rel="stylesheet" href="${esc(`${primary}pagefind-ui.css`)}">
<script src="${esc(`${primary}pagefind-ui.js`)}" defer></script>
<script src="${esc(ctx.url('/assets/search.js'))}" defer></script>`,
  });
}

export function notFoundPage(ctx: SiteContext): string {
  const body = `<h1>Page not found</h1>
<p>There is no page at this address. It may have moved when the archive was rebuilt.</p>
<ul>
<li><a href="${esc(ctx.url('/'))}">Latest articles</a></li>
<li><a href="${esc(ctx.url('/search/'))}">Search the archive</a></li>
<li><a href="${esc(ctx.url('/people/'))}">People</a>, <a href="${esc(ctx.url('/organisations/'))}">organisations</a> and <a href="${esc(ctx.url('/places/'))}">places</a></li>
<li><a href="${esc(ctx.url('/archive/'))}">Archive by date</a></li>
</ul>`;
  return basePage(ctx, { title: 'Page not found', path: '/404.html', body, noCanonical: true, robots: 'noindex' });
}
