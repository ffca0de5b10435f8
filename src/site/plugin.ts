// The Eleventy plugin: markdown setup, article layout and every generated page.
// Every page is a virtual 11ty.js template whose render is a plain function of the precomputed site context;
// paginated pages paginate over arrays computed once in `makeSiteContext`, never over collections.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Article, EntityKind } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import { loadSiteContext, type SiteContext } from './context.ts';
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

export default function datelinePlugin(eleventyConfig: EleventyConfig): void {
  const ctx = loadSiteContext(eleventyConfig.directories.input, eleventyConfig.pathPrefix);

  // Article text is data: no HTML passes through, no template engine ever reads it.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(linkMentionsPlugin, { href: (kind: EntityKind, slug: string) => ctx.url(entityUrl(kind, slug)) });
  eleventyConfig.setLibrary('md', md);
  eleventyConfig.setTemplateFormats(['md', '11ty.js']);
  // The markdown folder is usually git-ignored output; Eleventy must still read it.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add('.dateline/**');
  eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: 'assets' });

  eleventyConfig.addTemplate('_includes/article.11ty.js', {
    render: (data: PageData) => articlePage(ctx, { ...(data as unknown as Article), date: isoDay(data.date) }, data.content),
  });

  const page = (name: string, url: string, render: () => string) => eleventyConfig.addTemplate(`${name}.11ty.js`, { render }, { permalink: outPath(url), eleventyExcludeFromCollections: true });
  /** One page per item of `items`; `url` and `render` get the item. */
  const pages = <T>(name: string, items: T[], url: (item: T) => string, render: (item: T) => string) =>
    eleventyConfig.addTemplate(`${name}.11ty.js`, {
      data: () => ({
        pagination: { data: 'items', size: 1, alias: 'item', addAllPagesToCollections: false },
        items,
        permalink: (data: { item: T }) => outPath(url(data.item)),
        eleventyExcludeFromCollections: true,
      }),
      render: (data: PageData) => render(data.item as T),
    });

  page('index', '/', () => homePage(ctx));
  for (const kind of ENTITY_KINDS) {
    page(`${kind}-index`, `/${KIND_PATH[kind]}/`, () => entityIndexPage(ctx, kind));
    page(`${kind}-by-mentions`, `/${KIND_PATH[kind]}/by-mentions/`, () => entityByMentionsPage(ctx, kind));
    pages(`${kind}-pages`, ctx.entityPages[kind], (p) => pageUrl(p.entity.url, p.page), (p) => entityPage(ctx, p));
    pages(`${kind}-feeds`, ctx.index[kind], (e) => entityFeedUrl(e), (e) => entityFeed(ctx, e));
  }
  registerArchive(ctx, page, pages);
  page('search', '/search/', () => searchPage(ctx));
  page('404', '/404.html', () => notFoundPage(ctx));
  page('feed', '/feed.xml', () => siteFeed(ctx));
  pages('sitemap', sitemapFiles(ctx), (f) => f.path, (f) => f.content);
  page('robots', '/robots.txt', () => robotsTxt(ctx));
}

function registerArchive(
  ctx: SiteContext,
  page: (name: string, url: string, render: () => string) => void,
  pages: <T>(name: string, items: T[], url: (item: T) => string, render: (item: T) => string) => void,
): void {
  page('archive', '/archive/', () => archivePage(ctx));
  pages('archive-years', ctx.index.years, (y) => yearUrl(y.year), (y) => yearPage(ctx, y));
  pages('archive-months', ctx.months, (m) => monthUrl(m.month), (m) => monthPage(ctx, m));
  pages('archive-undated', ctx.undatedPages, (p) => pageUrl(UNDATED_URL, p.page), (p) => undatedPage(ctx, p));
}
