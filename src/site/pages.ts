// Every page of the site except article pages: a flat list of (URL, render) built from the site context.
// These pages are plain functions of the precomputed archive index, so they are rendered directly rather than
// as Eleventy templates: at archive scale that is where the build's time would otherwise go.
import type { SiteContext } from './context.ts';
import { ENTITY_KINDS } from '../types.ts';
import { KIND_PATH } from './archive-index.ts';
import { homePage, entityIndexPage, entityByMentionsPage } from '../../layouts/lists.ts';
import { entityPage, entityFeedUrl } from '../../layouts/entity.ts';
import { archivePage, yearPage, monthPage, undatedPage, monthUrl, yearUrl, UNDATED_URL } from '../../layouts/archive.ts';
import { searchPage, notFoundPage } from '../../layouts/misc.ts';
import { siteFeed, entityFeed, sitemapFiles, robotsTxt } from '../../layouts/feeds.ts';
import { pageUrl } from '../../layouts/parts.ts';
import { timelinePage, connectionsPage, TIMELINE_PATH, CONNECTIONS_PATH } from '../../layouts/research/index.ts';
import { timelineFrom } from './research-data.ts';

export interface SitePage {
  /** Root-relative URL ("/people/x/", "/feed.xml"). */
  url: string;
  render: () => string;
}

/** The site's listing pages, feeds and service files, in a stable order. */
export function sitePages(ctx: SiteContext): SitePage[] {
  const out: SitePage[] = [];
  const page = (url: string, render: () => string) => out.push({ url, render });
  page('/', () => homePage(ctx));
  for (const kind of ENTITY_KINDS) {
    page(`/${KIND_PATH[kind]}/`, () => entityIndexPage(ctx, kind));
    page(`/${KIND_PATH[kind]}/by-mentions/`, () => entityByMentionsPage(ctx, kind));
    for (const p of ctx.entityPages[kind]) page(pageUrl(p.entity.url, p.page), () => entityPage(ctx, p));
    for (const e of ctx.index[kind]) page(entityFeedUrl(e), () => entityFeed(ctx, e));
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
