// The page shell every page shares: head, header with navigation, main, footer.
import { esc } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/context.ts';

export interface PageShell {
  title: string;
  /** Root-relative path of this page, for the canonical link and aria-current. */
  path: string;
  description?: string;
  body: string;
  /** Extra elements for <head> (JSON-LD, OpenGraph). */
  head?: string;
}

const NAV: Array<[string, string]> = [
  ['/', 'Latest'],
  ['/people/', 'People'],
  ['/organisations/', 'Organisations'],
  ['/places/', 'Places'],
];

export function basePage(ctx: SiteContext, page: PageShell): string {
  const { settings } = ctx;
  const fullTitle = page.path === '/' ? settings.title : `${page.title} · ${settings.title}`;
  const nav = NAV.map(([href, label]) => {
    const current = href === '/' ? page.path === '/' : page.path.startsWith(href);
    return `<li><a href="${esc(ctx.url(href))}"${current ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`;
  }).join('');
  return `<!doctype html>
<html lang="${esc(settings.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(fullTitle)}</title>
<meta name="description" content="${esc(page.description ?? settings.description)}">
<link rel="canonical" href="${esc(ctx.absoluteUrl(page.path))}">
<link rel="stylesheet" href="${esc(ctx.url('/assets/style.css'))}">
${page.head ?? ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<p class="site-title"><a href="${esc(ctx.url('/'))}">${esc(settings.title)}</a></p>
<nav aria-label="Main"><ul>${nav}</ul></nav>
</header>
<main id="main">
${page.body}
</main>
<footer class="site-footer"><p>${esc(settings.description)}</p></footer>
</body>
</html>
`;
}
