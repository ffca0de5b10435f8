// Machine-readable files: Atom feeds (site-wide and per entity), sitemap, robots.txt.
import { esc } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/context.ts';
import type { ArticleSummary, EntityEntry } from '../src/site/archive-index.ts';
import { KIND_LABEL, KIND_PATH } from '../src/site/archive-index.ts';
import { ENTITY_KINDS } from '../src/types.ts';
import { pageUrl } from './parts.ts';
import { monthUrl, yearUrl, UNDATED_URL } from './archive.ts';
import { entityFeedUrl } from './entity.ts';

/** Entries per feed. */
export const FEED_SIZE = 50;
/** URLs per sitemap file (the protocol allows 50,000). */
export const SITEMAP_SIZE = 40_000;

const EPOCH = '1970-01-01';
const stamp = (date: string) => `${date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date}T00:00:00Z`;

/** An Atom feed of `articles` (newest first). Undated articles carry the feed's own date. */
export function atomFeed(ctx: SiteContext, o: { title: string; path: string; htmlPath: string; articles: ArticleSummary[]; subtitle?: string }): string {
  const items = o.articles.slice(0, FEED_SIZE);
  const updated = stamp(items.find((a) => a.date)?.date ?? ctx.newestDate ?? EPOCH);
  const entries = items.map((a) => feedEntry(ctx, a, updated)).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${esc(ctx.settings.language)}">
<title>${esc(o.title)}</title>
${o.subtitle ? `<subtitle>${esc(o.subtitle)}</subtitle>\n` : ''}<link rel="self" type="application/atom+xml" href="${esc(ctx.absoluteUrl(o.path))}"/>
<link rel="alternate" type="text/html" href="${esc(ctx.absoluteUrl(o.htmlPath))}"/>
<id>${esc(ctx.absoluteUrl(o.path))}</id>
<updated>${updated}</updated>
<author><name>${esc(ctx.settings.title)}</name></author>
<generator>dateline</generator>
${entries}
</feed>
`;
}

/**
 * One article's feed entry. An article stands in the feeds of all its entities: a dated article's entry is made once
 * per site context (an undated one carries its feed's date, so it is made per feed).
 */
function feedEntry(ctx: SiteContext, a: ArticleSummary, updated: string): string {
  if (!a.date) return entryXml(ctx, a, updated);
  let byArticle = entryCache.get(ctx);
  if (!byArticle) entryCache.set(ctx, (byArticle = new Map()));
  let xml = byArticle.get(a);
  if (xml === undefined) byArticle.set(a, (xml = entryXml(ctx, a, updated)));
  return xml;
}
const entryCache = new WeakMap<SiteContext, Map<ArticleSummary, string>>();

function entryXml(ctx: SiteContext, a: ArticleSummary, updated: string): string {
  const url = ctx.absoluteUrl(a.url);
  return `<entry>
<title>${esc(a.title)}</title>
<link href="${esc(url)}"/>
<id>${esc(url)}</id>
<updated>${a.date ? stamp(a.date) : updated}</updated>
${a.date ? `<published>${stamp(a.date)}</published>\n` : ''}${a.byline ? `<author><name>${esc(a.byline)}</name></author>\n` : ''}<summary>${esc(a.lede)}</summary>
</entry>`;
}

export function siteFeed(ctx: SiteContext): string {
  return atomFeed(ctx, { title: ctx.settings.title, subtitle: ctx.settings.description, path: '/feed.xml', htmlPath: '/', articles: ctx.index.articles });
}

export function entityFeed(ctx: SiteContext, e: EntityEntry): string {
  const articles = e.articles.slice(0, FEED_SIZE).map((id) => ctx.articleById.get(id)).filter((a): a is ArticleSummary => !!a);
  return atomFeed(ctx, { title: `${e.name} · ${ctx.settings.title}`, subtitle: `Articles mentioning ${e.name} (${KIND_LABEL[e.kind].one.toLowerCase()}).`, path: entityFeedUrl(e), htmlPath: e.url, articles });
}

/** Every HTML page of the site, root-relative (the 404 page and search are left out). */
export function sitemapPaths(ctx: SiteContext): string[] {
  const paths = ['/', '/archive/'];
  for (const kind of ENTITY_KINDS) paths.push(`/${KIND_PATH[kind]}/`, `/${KIND_PATH[kind]}/by-mentions/`);
  for (const y of ctx.index.years) paths.push(yearUrl(y.year));
  for (const m of ctx.months) paths.push(monthUrl(m.month));
  for (const p of ctx.undatedPages) paths.push(pageUrl(UNDATED_URL, p.page));
  for (const a of ctx.index.articles) paths.push(a.url);
  for (const kind of ENTITY_KINDS) for (const p of ctx.entityPages[kind]) paths.push(pageUrl(p.entity.url, p.page));
  return paths;
}

/** The sitemap files: one `sitemap.xml`, or an index over `sitemap-N.xml` files when the site is large. */
export function sitemapFiles(ctx: SiteContext): Array<{ path: string; content: string }> {
  const paths = sitemapPaths(ctx);
  const urlset = (list: string[]) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${list.map((p) => `<url><loc>${esc(ctx.absoluteUrl(p))}</loc></url>`).join('\n')}\n</urlset>\n`;
  if (paths.length <= SITEMAP_SIZE) return [{ path: '/sitemap.xml', content: urlset(paths) }];
  const parts: Array<{ path: string; content: string }> = [];
  for (let i = 0; i < paths.length; i += SITEMAP_SIZE) parts.push({ path: `/sitemap-${parts.length + 1}.xml`, content: urlset(paths.slice(i, i + SITEMAP_SIZE)) });
  const index = `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.map((p) => `<sitemap><loc>${esc(ctx.absoluteUrl(p.path))}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`;
  return [{ path: '/sitemap.xml', content: index }, ...parts];
}

export function robotsTxt(ctx: SiteContext): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${ctx.absoluteUrl('/sitemap.xml')}\n`;
}
