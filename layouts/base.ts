// The page shell every page shares: head (canonical, OpenGraph, feeds), header with navigation and search, main, footer.
import { esc } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/context.ts';

export interface PageShell {
  title: string;
  /** Root-relative path of this page, for the canonical link and aria-current. */
  path: string;
  description?: string;
  body: string;
  /** Extra elements for <head> (JSON-LD, feeds). */
  head?: string;
  /** OpenGraph type; default "website". */
  ogType?: string;
  /** No canonical link or OpenGraph URL (the 404 page, which is served at any address). */
  noCanonical?: boolean;
  /** Leave the search box out of the header (the search page has its own). */
  noSearchBox?: boolean;
  /** A `<meta name="robots">` value. */
  robots?: string;
  /** Extra class on <body>. */
  bodyClass?: string;
}

const NAV: Array<[string, string]> = [
  ['/', 'Latest'],
  ['/people/', 'People'],
  ['/organisations/', 'Organisations'],
  ['/places/', 'Places'],
  ['/archive/', 'Archive'],
  ['/timeline/', 'Timeline'],
  ['/connections/', 'Connections'],
  ['/search/', 'Search'],
];

/** Longest <title> kept whole (longer ones are cut at a word; og:title and the heading keep all of it). */
export const TITLE_MAX = 70;

/**
 * The document title: "Page · Site" when it fits, else the page title alone, cut at a word if needed.
 * @example documentTitle('Lavrov', 'Archive') //=> 'Lavrov · Archive'
 */
export function documentTitle(title: string, site: string): string {
  if (!title) return site;
  const full = `${title} · ${site}`;
  if (full.length <= TITLE_MAX) return full;
  if (title.length <= TITLE_MAX) return title;
  const cut = title.slice(0, TITLE_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

/** The parts of the page shell that are the same on every page of a site, made once per site context. */
interface FixedParts {
  /** Navigation items by which of them is current (a bit each). */
  nav: Map<number, string>;
  navItems: Array<[string, string]>;
  search: string;
  ogSite: string;
  links: string;
  masthead: string;
  footer: string;
}
const fixed = new WeakMap<SiteContext, FixedParts>();

function fixedParts(ctx: SiteContext): FixedParts {
  let f = fixed.get(ctx);
  if (f) return f;
  const { settings } = ctx;
  f = {
    nav: new Map(),
    navItems: NAV.map(([href, label]) => [`<li><a href="${esc(ctx.url(href))}"`, `>${esc(label)}</a></li>`]),
    search: `<form class="site-search" role="search" action="${esc(ctx.url('/search/'))}" method="get">
<label for="site-q" class="visually-hidden">Search articles</label>
<input id="site-q" name="q" type="search" placeholder="Search articles" autocomplete="off">
<button type="submit">Search</button>
</form>`,
    ogSite: `<meta property="og:site_name" content="${esc(settings.title)}">
<meta property="og:locale" content="${esc(settings.language.replace('-', '_'))}">
<meta name="twitter:card" content="summary">`,
    links: `<link rel="alternate" type="application/atom+xml" title="${esc(settings.title)}: latest articles" href="${esc(ctx.url('/feed.xml'))}">
<link rel="stylesheet" href="${esc(ctx.url('/assets/style.css'))}">`,
    masthead: `<p class="site-title"><a href="${esc(ctx.url('/'))}">${esc(settings.title)}</a></p>`,
    footer: `<footer class="site-footer">
<p>${esc(settings.description)}</p>
<ul class="footer-links">
<li><a href="${esc(ctx.url('/people/'))}">People</a></li>
<li><a href="${esc(ctx.url('/organisations/'))}">Organisations</a></li>
<li><a href="${esc(ctx.url('/places/'))}">Places</a></li>
<li><a href="${esc(ctx.url('/archive/'))}">Archive by date</a></li>
<li><a href="${esc(ctx.url('/feed.xml'))}">Atom feed</a></li>
</ul>
</footer>`,
  };
  fixed.set(ctx, f);
  return f;
}

/** The main navigation with the items that `path` is under marked current. */
function navFor(f: FixedParts, path: string): string {
  let current = 0;
  NAV.forEach(([href], i) => {
    if (href === '/' ? path === '/' : path.startsWith(href)) current |= 1 << i;
  });
  let nav = f.nav.get(current);
  if (nav === undefined) {
    nav = f.navItems.map(([open, close], i) => `${open}${current & (1 << i) ? ' aria-current="page"' : ''}${close}`).join('');
    f.nav.set(current, nav);
  }
  return nav;
}

export function basePage(ctx: SiteContext, page: PageShell): string {
  const { settings } = ctx;
  const f = fixedParts(ctx);
  const fullTitle = documentTitle(page.path === '/' ? '' : page.title, settings.title);
  const description = page.description ?? settings.description;
  const nav = navFor(f, page.path);
  const canonical = ctx.absoluteUrl(page.path);
  const og = page.noCanonical
    ? ''
    : `<link rel="canonical" href="${esc(canonical)}">
<meta property="og:type" content="${esc(page.ogType ?? 'website')}">
<meta property="og:title" content="${esc(page.title)}">
<meta property="og:description" content="${esc(description)}">
<meta property="og:url" content="${esc(canonical)}">
${f.ogSite}`;
  const search = page.noSearchBox ? '' : f.search;
  return `<!DOCTYPE html>
<html lang="${esc(settings.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(fullTitle)}</title>
<meta name="description" content="${esc(description)}">
${page.robots ? `<meta name="robots" content="${esc(page.robots)}">\n` : ''}<meta name="color-scheme" content="light dark">
${og}
${f.links}
${page.head ?? ''}
</head>
<body${page.bodyClass ? ` class="${esc(page.bodyClass)}"` : ''}>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="masthead">
${f.masthead}
${search}
</div>
<nav class="site-nav" aria-label="Main"><ul>${nav}</ul></nav>
</header>
<main id="main">
${page.body}
</main>
${f.footer}
</body>
</html>
`;
}
