// The Eleventy plugin: markdown setup, article layout and every generated page.
// Every page is a virtual 11ty.js template whose render is a plain function of the precomputed site context;
// paginated pages paginate over arrays computed once in `makeSiteContext`, never over collections.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Article, EntityKind } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import { loadSiteContext, SITE_DATA_FILE, type SiteContext } from './context.ts';
import { isoDay } from './dates.ts';
import { linkMentionsPlugin } from './link-mentions.ts';
import { entityUrl, KIND_PATH } from './archive-index.ts';
import { articlePage } from '../../layouts/article.ts';
import { homePage, entityIndexPage, entityByMentionsPage } from '../../layouts/lists.ts';
import { entityPage, entityFeedUrl } from '../../layouts/entity.ts';
import { archivePage, yearPage, monthPage, undatedPage, monthUrl, yearUrl, UNDATED_URL } from '../../layouts/archive.ts';
import { searchPage, notFoundPage } from '../../layouts/misc.ts';
import { siteFeed, entityFeed, sitemapFiles, robotsTxt } from '../../layouts/feeds.ts';
import { pageUrl } from '../../layouts/parts.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const ASSETS_DIR = join(here, '../../layouts/assets');

// Minimal view of Eleventy's config API that this plugin uses.
interface EleventyConfig {
  directories: { input: string };
  pathPrefix?: string;
  setLibrary(name: string, lib: unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addWatchTarget?(path: string): void;
  on?(event: string, listener: () => void): void;
  addTemplate(path: string, content: unknown, data?: Record<string, unknown>): void;
  addPassthroughCopy(map: Record<string, string>): void;
  setTemplateFormats(formats: string[]): void;
  ignores: { add(glob: string): void };
  setUseGitIgnore(use: boolean): void;
}

interface PageData extends Partial<Article> {
  content: string;
  item?: unknown;
}

/** Output path of a page whose URL ends in "/" (→ index.html) or names a file. */
const outPath = (url: string) => (url.endsWith('/') ? `${url}index.html` : url);

/**
 * Site contexts of the builds in this process, by build id. Eleventy caches layouts and compiled templates by input
 * path across instances, so rendering the same markdown twice in one process (say, with and without a path prefix)
 * can call the first build's render functions: every render therefore finds its context through its page data.
 */
const CONTEXTS: Map<string, SiteContext> = ((globalThis as Record<string, unknown>).__datelineSiteContexts ??= new Map()) as Map<string, SiteContext>;
const BUILD_KEY = 'datelineBuild';
let builds = 0;

export default function datelinePlugin(eleventyConfig: EleventyConfig): void {
  const input = eleventyConfig.directories.input;
  let built = loadSiteContext(input, eleventyConfig.pathPrefix);
  const id = `${process.pid}-${++builds}-${Date.now()}`;
  CONTEXTS.set(id, built);
  for (const old of CONTEXTS.keys()) if (CONTEXTS.size > 4 && old !== id) CONTEXTS.delete(old);
  eleventyConfig.addGlobalData(BUILD_KEY, id);
  const ctxOf = (data: unknown): SiteContext => CONTEXTS.get((data as Record<string, string> | undefined)?.[BUILD_KEY] ?? '') ?? built;
  // Watch mode (`dateline serve`): a new ingest rewrites the index; reload it before each rebuild after the first.
  let runs = 0;
  eleventyConfig.addWatchTarget?.(join(input, SITE_DATA_FILE));
  eleventyConfig.on?.('eleventy.before', () => {
    if (runs++ === 0) return;
    built = loadSiteContext(input, eleventyConfig.pathPrefix);
    CONTEXTS.set(id, built);
  });
  const ctx = new Proxy({} as SiteContext, { get: (_, k) => built[k as keyof SiteContext] });

  // Article text is data: no HTML passes through, no template engine ever reads it.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // The render environment is the page data, so a markdown template compiled by an earlier build still links with this build's prefix.
  md.use(linkMentionsPlugin, { href: (kind: EntityKind, slug: string, env: Record<string, unknown>) => ctxOf(env).url(entityUrl(kind, slug)) });
  eleventyConfig.setLibrary('md', md);
  eleventyConfig.setTemplateFormats(['md', '11ty.js']);
  // The markdown folder is usually git-ignored output; Eleventy must still read it.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add('.dateline/**');
  eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: 'assets' });

  eleventyConfig.addTemplate('_includes/article.11ty.js', {
    render: (data: PageData) => articlePage(ctxOf(data), { ...(data as unknown as Article), date: isoDay(data.date) }, data.content),
  });

  const page = (name: string, url: string, render: (ctx: SiteContext) => string) =>
    eleventyConfig.addTemplate(`${name}.11ty.js`, { render: (data: unknown) => render(ctxOf(data)) }, { permalink: outPath(url), eleventyExcludeFromCollections: true });
  /** One page per item of `items()` (read when Eleventy reads the template's data); `url` and `render` get the item. */
  const pages = <T>(name: string, items: () => T[], url: (item: T) => string, render: (item: T, ctx: SiteContext) => string) =>
    eleventyConfig.addTemplate(`${name}.11ty.js`, {
      data: () => ({
        pagination: { data: 'items', size: 1, alias: 'item', addAllPagesToCollections: false },
        items: items(),
        permalink: (data: { item: T }) => outPath(url(data.item)),
        eleventyExcludeFromCollections: true,
      }),
      render: (data: PageData) => render(data.item as T, ctxOf(data)),
    });

  page('index', '/', (c) => homePage(c));
  for (const kind of ENTITY_KINDS) {
    page(`${kind}-index`, `/${KIND_PATH[kind]}/`, (c) => entityIndexPage(c, kind));
    page(`${kind}-by-mentions`, `/${KIND_PATH[kind]}/by-mentions/`, (c) => entityByMentionsPage(c, kind));
    pages(`${kind}-pages`, () => ctx.entityPages[kind], (p) => pageUrl(p.entity.url, p.page), (p, c) => entityPage(c, p));
    pages(`${kind}-feeds`, () => ctx.index[kind], (e) => entityFeedUrl(e), (e, c) => entityFeed(c, e));
  }
  registerArchive(ctx, page, pages);
  page('search', '/search/', (c) => searchPage(c));
  page('404', '/404.html', (c) => notFoundPage(c));
  page('feed', '/feed.xml', (c) => siteFeed(c));
  pages('sitemap', () => sitemapFiles(ctx), (f) => f.path, (f) => f.content);
  page('robots', '/robots.txt', (c) => robotsTxt(c));
}

function registerArchive(
  ctx: SiteContext,
  page: (name: string, url: string, render: (ctx: SiteContext) => string) => void,
  pages: <T>(name: string, items: () => T[], url: (item: T) => string, render: (item: T, ctx: SiteContext) => string) => void,
): void {
  page('archive', '/archive/', (c) => archivePage(c));
  pages('archive-years', () => ctx.index.years, (y) => yearUrl(y.year), (y, c) => yearPage(c, y));
  pages('archive-months', () => ctx.months, (m) => monthUrl(m.month), (m, c) => monthPage(c, m));
  pages('archive-undated', () => ctx.undatedPages, (p) => pageUrl(UNDATED_URL, p.page), (p, c) => undatedPage(c, p));
}
