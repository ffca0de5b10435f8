// Every page of the site except article pages: a flat list of (URL, render) built from the site context.
// These pages are plain functions of the precomputed archive index, so they are rendered directly rather than
// as Eleventy templates: at archive scale that is where the build's time would otherwise go.
import { hash } from 'node:crypto';
import type { SiteContext, EntityPage } from './context.ts';
import type { EntityEntry, YearCount } from './archive-index.ts';
import { ENTITY_KINDS } from '../types.ts';
import { KIND_PATH } from './archive-index.ts';
import { homePage, entityIndexPage, entityByMentionsPage } from '../../layouts/lists.ts';
import { entityPage, entityFeedUrl } from '../../layouts/entity.ts';
import { archivePage, yearPage, monthPage, undatedPage, monthUrl, yearUrl, UNDATED_URL } from '../../layouts/archive.ts';
import { searchPage, searchShards, notFoundPage } from '../../layouts/misc.ts';
import { siteFeed, entityFeed, sitemapFiles, sitemapPaths, robotsTxt, FEED_SIZE, SITEMAP_SIZE } from '../../layouts/feeds.ts';
import { HOME_ARTICLES } from '../../layouts/lists.ts';
import { pageUrl } from '../../layouts/parts.ts';
import { timelinePage, connectionsPage, TIMELINE_PATH, CONNECTIONS_PATH } from '../../layouts/research/index.ts';
import { timelineFrom } from './research-data.ts';
import type { SitePiece } from '../io/site-data.ts';

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
  /**
   * The articles whose list-item digests (PageInputs.listed) the inputs take, for a page whose inputs depend on
   * nothing else but the site data other than the article summaries (the entities and research pieces, the set of
   * article ids, the newest date: see build-site.ts). When none of these articles' digests changed and that data did
   * not either, the page's inputs are those of the last build, without being computed again.
   */
  lists?: () => string[];
}

/** sha1 of a text, in base64 (27 characters): what stands for a piece of a page's inputs. */
export const digest = (text: string) => hash('sha1', text, 'base64');

/**
 * The inputs pages are made from, each piece serialised and hashed once per build however many pages use it (an
 * entity's entry on each of its pages, an article's list item on every page that lists it): a page's inputs are
 * the digests of its pieces, so an entity page of fifty articles is fifty short digests, not fifty summaries' JSON.
 */
export class PageInputs {
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

  /** What a month page is made from: the month, the months before and after it, its articles. */
  monthPage(i: number): string {
    const { months } = this.ctx;
    let s = `${months[i].month}\n${months[i - 1]?.month ?? ''}\n${months[i + 1]?.month ?? ''}\n`;
    for (const a of months[i].articles) s += this.listed(a.id);
    return s;
  }

  /** What a year page is made from: its counts, and each of its months' articles (it shows the first few). */
  yearPage(y: YearCount): string {
    let s = `${JSON.stringify(y)}\n`;
    for (const m of this.ctx.months) {
      if (!m.month.startsWith(`${y.year}-`)) continue;
      s += `${m.month} `;
      for (const a of m.articles) s += this.listed(a.id);
      s += '\n';
    }
    return s;
  }

  /** The first `n` articles of the archive (newest first), as listed. */
  latest(n: number): string {
    let s = '';
    for (const a of this.ctx.index.articles.slice(0, n)) s += this.listed(a.id);
    return s;
  }
}

/**
 * The site's listing pages, feeds and service files, in a stable order. `pieces` names the site data's pieces as
 * ingest wrote them (src/io/site-data.ts: each named by a hash of its text), so that the pages made from a whole
 * piece (the entity indexes, the timeline, connections) are signed by its name; without it they are always rendered.
 */
export function sitePages(ctx: SiteContext, opts: { inputs?: PageInputs; pieces?: Record<SitePiece, string> } = {}): SitePage[] {
  const out: SitePage[] = [];
  const page = (url: string, render: () => string, inputs?: () => string, lists?: () => string[]) =>
    out.push({ url, render, ...(inputs ? { inputs } : {}), ...(lists ? { lists } : {}) });
  const json = opts.inputs ?? new PageInputs(ctx);
  const pieces = opts.pieces;
  /** Inputs made of pieces' names (and `more`), when the pieces are known. */
  const ofPieces = (names: SitePiece[], more: () => string = () => '') => (pieces ? () => `${names.map((n) => pieces[n]).join('\n')}\n${more()}` : undefined);
  const count = () => String(ctx.index.articles.length);
  page('/', () => homePage(ctx), ofPieces(['entities'], () => `${count()}\n${json.latest(HOME_ARTICLES)}`));
  for (const kind of ENTITY_KINDS) {
    page(`/${KIND_PATH[kind]}/`, () => entityIndexPage(ctx, kind), ofPieces(['entities']));
    page(`/${KIND_PATH[kind]}/by-mentions/`, () => entityByMentionsPage(ctx, kind), ofPieces(['entities']));
    for (const p of ctx.entityPages[kind]) page(pageUrl(p.entity.url, p.page), () => entityPage(ctx, p), () => json.entityPage(p), () => entityPageLists(p));
    for (const e of ctx.index[kind]) page(entityFeedUrl(e), () => entityFeed(ctx, e), () => json.entityFeed(e), () => e.articles.slice(0, FEED_SIZE));
  }
  page('/archive/', () => archivePage(ctx), ofPieces(['entities'], count));
  for (const y of ctx.index.years) page(yearUrl(y.year), () => yearPage(ctx, y), () => json.yearPage(y));
  ctx.months.forEach((m, i) => page(monthUrl(m.month), () => monthPage(ctx, m), () => json.monthPage(i)));
  for (const p of ctx.undatedPages) page(pageUrl(UNDATED_URL, p.page), () => undatedPage(ctx, p), () => `${p.page}\n${p.pages}\n${ctx.index.undated}\n${p.items.map((a) => json.listed(a.id)).join('')}`);
  page(TIMELINE_PATH, () => timelinePage(ctx, timelineFrom(ctx.research.timeline)), ofPieces(['timeline']));
  page(CONNECTIONS_PATH, () => connectionsPage(ctx, ctx.research.pairs), ofPieces(['network']));
  page('/search/', () => searchPage(ctx), () => searchShards(ctx).join('\n'));
  // Made from the settings and prefix alone (which every page's signature holds).
  page('/404.html', () => notFoundPage(ctx), () => '');
  page('/feed.xml', () => siteFeed(ctx), () => `${ctx.newestDate ?? ''}\n${json.latest(FEED_SIZE)}`);
  // The sitemap files list every page's path: their names follow from how many there are (layouts/feeds.ts), their
  // content is made once, when one of them is rendered.
  const paths = sitemapPaths(ctx);
  let files: Array<{ path: string; content: string }> | undefined;
  const sitemap = (path: string) => () => (files ??= sitemapFiles(ctx)).find((f) => f.path === path)!.content;
  let joined: string | undefined;
  const sitemapInputs = () => (joined ??= paths.join('\n'));
  const parts = paths.length <= SITEMAP_SIZE ? 0 : Math.ceil(paths.length / SITEMAP_SIZE);
  page('/sitemap.xml', sitemap('/sitemap.xml'), sitemapInputs);
  for (let i = 1; i <= parts; i++) page(`/sitemap-${i}.xml`, sitemap(`/sitemap-${i}.xml`), sitemapInputs);
  page('/robots.txt', () => robotsTxt(ctx), () => '');
  return out;
}

/** The articles an entity page's inputs list: those on the page, and on its first page those it quotes from. */
function entityPageLists(p: EntityPage): string[] {
  const ids = p.items.map((a) => a.id);
  if (p.page === 1) for (const q of p.entity.quotes) ids.push(q.article);
  return ids;
}
