// Every page of the site except article pages: a flat list of (URL, render) built from the site context.
// These pages are plain functions of the precomputed archive index, so they are rendered directly rather than
// as Eleventy templates: at archive scale that is where the build's time would otherwise go.
import { hash } from 'node:crypto';
import type { SiteContext, EntityPage } from './context.ts';
import type { EntityEntry } from './archive-index.ts';
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
   * Everything the page is made from besides the layout code, settings and prefix (which change every page),
   * as text: when it is the same as at the last build, the page is not rendered again. Pages without it are
   * always rendered (and written only if their bytes changed).
   */
  inputs?: () => string;
}

/** sha1 of a text, in base64 (27 characters): what stands for a piece of a page's inputs. */
export const digest = (text: string) => hash('sha1', text, 'base64');

/**
 * The inputs pages are made from, each piece serialised and hashed once per build however many pages use it (an
 * entity's entry on each of its pages, an article's list item on every page that lists it): a page's inputs are
 * the digests of its pieces, so an entity page of fifty articles is fifty short digests, not fifty summaries' JSON.
 */
class Inputs {
  private readonly objects = new Map<unknown, string>();
  private readonly items = new Map<string, string>();
  constructor(private readonly ctx: SiteContext) {}

  /** Digest of an object's JSON ("null" for none). */
  of(o: unknown): string {
    if (o === undefined || o === null) return 'null';
    let s = this.objects.get(o);
    if (s === undefined) this.objects.set(o, (s = digest(JSON.stringify(o))));
    return s;
  }

  /** Digest of the fields of an article summary that list items and feed entries show ("null" for none). */
  listed(id: string): string {
    let s = this.items.get(id);
    if (s === undefined) {
      const a = this.ctx.articleById.get(id);
      this.items.set(id, (s = a ? digest(JSON.stringify([a.url, a.title, a.date, a.location, a.byline, a.lede])) : 'null'));
    }
    return s;
  }

  /** What an entity page is made from: the entity, its articles on this page, and what it links to. */
  entityPage(p: EntityPage): string {
    const { ctx } = this;
    const e = p.entity;
    const key = `${e.kind}:${e.slug}`;
    let s = `${this.of(e)}\n${p.page}\n${p.pages}\n`;
    for (const a of p.items) s += this.listed(a.id);
    s += `\n${this.of(ctx.research.bios[key])}`;
    if (p.page === 1) {
      s += '\n';
      for (const w of e.with) {
        const x = ctx.entityBySlug[w.kind].get(w.slug);
        s += x ? `${JSON.stringify([x.name, x.url])},` : 'null,';
      }
      s += '\n';
      for (const q of e.quotes) s += this.listed(q.article);
      s += `\n${this.of(ctx.research.network[key])}\n`;
      // Events are shared by the entities they name: each is hashed once, an entity's list is their digests.
      for (const ev of ctx.research.eventsByEntity.get(key) ?? []) s += this.of(ev);
    }
    return s;
  }

  /** What an entity's feed is made from. */
  entityFeed(e: EntityEntry): string {
    const ids = e.articles.slice(0, FEED_SIZE);
    const dated = ids.some((id) => this.ctx.articleById.get(id)?.date);
    return [e.kind, e.name, e.url, ids.map((id) => this.listed(id)).join(''), dated ? '' : (this.ctx.newestDate ?? '')].join('\n');
  }
}

/** The site's listing pages, feeds and service files, in a stable order. */
export function sitePages(ctx: SiteContext): SitePage[] {
  const out: SitePage[] = [];
  const page = (url: string, render: () => string, inputs?: () => string) => out.push({ url, render, ...(inputs ? { inputs } : {}) });
  const json = new Inputs(ctx);
  page('/', () => homePage(ctx));
  for (const kind of ENTITY_KINDS) {
    page(`/${KIND_PATH[kind]}/`, () => entityIndexPage(ctx, kind));
    page(`/${KIND_PATH[kind]}/by-mentions/`, () => entityByMentionsPage(ctx, kind));
    for (const p of ctx.entityPages[kind]) page(pageUrl(p.entity.url, p.page), () => entityPage(ctx, p), () => json.entityPage(p));
    for (const e of ctx.index[kind]) page(entityFeedUrl(e), () => entityFeed(ctx, e), () => json.entityFeed(e));
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
