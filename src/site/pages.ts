// Every page of the site except article pages: a flat list of (URL, render) built from the site context.
// These pages are plain functions of the precomputed archive index, so they are rendered directly rather than
// as Eleventy templates: at archive scale that is where the build's time would otherwise go.
import type { SiteContext, EntityPage } from './context.ts';
import type { ArticleSummary, EntityEntry } from './archive-index.ts';
import { ENTITY_KINDS } from '../types.ts';
import { KIND_PATH } from './archive-index.ts';
import { homePage, entityIndexPage, entityByMentionsPage } from '../../layouts/lists.ts';
import { entityPage, entityFeedUrl } from '../../layouts/entity.ts';
import { archivePage, yearPage, monthPage, undatedPage, monthUrl, yearUrl, UNDATED_URL } from '../../layouts/archive.ts';
import { searchPage, notFoundPage } from '../../layouts/misc.ts';
import { siteFeed, entityFeed, sitemapFiles, robotsTxt, FEED_SIZE } from '../../layouts/feeds.ts';
import { pageUrl } from '../../layouts/parts.ts';
import { timelinePage, connectionsPage, TIMELINE_PATH, CONNECTIONS_PATH } from '../../layouts/research/index.ts';
import { timelineFrom } from './research-data.ts';

export interface SitePage {
  /** Root-relative URL ("/people/x/", "/feed.xml"). */
  url: string;
  render: () => string;
  /**
   * Everything the page is made from besides the layout code, settings and prefix (which change every page):
   * when its JSON is the same as at the last build, the page is not rendered again. Pages without it are
   * always rendered (and written only if their bytes changed).
   */
  inputs?: () => unknown;
}

/** The fields of an article summary that list items and feed entries show. */
const listed = (a: ArticleSummary | undefined) => (a ? [a.url, a.title, a.date, a.location, a.byline, a.lede] : null);

/** What an entity page is made from: the entity, its articles on this page, and what it links to. */
function entityPageInputs(ctx: SiteContext, p: EntityPage): unknown {
  const e = p.entity;
  const key = `${e.kind}:${e.slug}`;
  const first = p.page === 1;
  return [
    e,
    p.page,
    p.pages,
    p.items.map(listed),
    first ? e.with.map((w) => ctx.entityBySlug[w.kind].get(w.slug)).map((x) => (x ? [x.name, x.url] : null)) : 0,
    first ? e.quotes.map((q) => listed(ctx.articleById.get(q.article))) : 0,
    first ? (ctx.research.network[key] ?? null) : 0,
    first ? (ctx.research.eventsByEntity.get(key) ?? null) : 0,
    ctx.research.bios[key] ?? null,
  ];
}

/** What an entity's feed is made from. */
function entityFeedInputs(ctx: SiteContext, e: EntityEntry): unknown {
  const items = e.articles.slice(0, FEED_SIZE).map((id) => ctx.articleById.get(id));
  return [e.kind, e.name, e.url, items.map(listed), items.some((a) => a?.date) ? 0 : (ctx.newestDate ?? null)];
}

/** The site's listing pages, feeds and service files, in a stable order. */
export function sitePages(ctx: SiteContext): SitePage[] {
  const out: SitePage[] = [];
  const page = (url: string, render: () => string, inputs?: () => unknown) => out.push({ url, render, ...(inputs ? { inputs } : {}) });
  page('/', () => homePage(ctx));
  for (const kind of ENTITY_KINDS) {
    page(`/${KIND_PATH[kind]}/`, () => entityIndexPage(ctx, kind));
    page(`/${KIND_PATH[kind]}/by-mentions/`, () => entityByMentionsPage(ctx, kind));
    for (const p of ctx.entityPages[kind]) page(pageUrl(p.entity.url, p.page), () => entityPage(ctx, p), () => entityPageInputs(ctx, p));
    for (const e of ctx.index[kind]) page(entityFeedUrl(e), () => entityFeed(ctx, e), () => entityFeedInputs(ctx, e));
  }
  page('/archive/', () => archivePage(ctx));
  for (const y of ctx.index.years) page(yearUrl(y.year), () => yearPage(ctx, y));
  for (const m of ctx.months) page(monthUrl(m.month), () => monthPage(ctx, m));
  for (const p of ctx.undatedPages) page(pageUrl(UNDATED_URL, p.page), () => undatedPage(ctx, p));
  page(TIMELINE_PATH, () => timelinePage(ctx, timelineFrom(ctx.research.timeline)));
  page(CONNECTIONS_PATH, () => connectionsPage(ctx, ctx.research.pairs));
  page('/search/', () => searchPage(ctx));
  page('/404.html', () => notFoundPage(ctx));
  page('/feed.xml', () => siteFeed(ctx));
  for (const f of sitemapFiles(ctx)) page(f.path, () => f.content);
  page('/robots.txt', () => robotsTxt(ctx));
  return out;
}
