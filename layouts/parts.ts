// Fragments several pages share: article teasers, month groups, pagers, counts.
import { esc, count } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/context.ts';
import type { ArticleSummary, EntityEntry } from '../src/site/archive-index.ts';
import { readableDate } from '../src/site/dates.ts';

export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** `<time>` of a date, made once per date (a date stands on many pages). */
export function dateHtml(date?: string): string {
  if (!date) return '<span>Undated</span>';
  let s = dates.get(date);
  if (s === undefined) {
    s = `<time datetime="${esc(date)}">${esc(readableDate(date))}</time>`;
    if (dates.size < 100_000) dates.set(date, s);
  }
  return s;
}
const dates = new Map<string, string>();

/** Minutes to read a body of `words` words (230 a minute, at least 1). */
export const readingMinutes = (words: number) => Math.max(1, Math.round(words / 230));

/**
 * A teaser: headline link, date and place, lede. `level` is the heading level of the headline.
 * An article's teaser stands on many pages (its entities' pages, its month, related lists): each form of it is made
 * once per site context and summary.
 */
export function articleItem(ctx: SiteContext, a: ArticleSummary, level = 3, opts: { lede?: boolean } = {}): string {
  let byArticle = teasers.get(ctx);
  if (!byArticle) teasers.set(ctx, (byArticle = new Map()));
  let forms = byArticle.get(a);
  if (!forms) byArticle.set(a, (forms = []));
  const key = opts.lede === false ? level + 8 : level;
  return (forms[key] ??= teaser(ctx, a, level, opts.lede !== false));
}
/** Teasers by site context and summary, each form at its heading level (plus 8 without a lede). */
const teasers = new WeakMap<SiteContext, Map<ArticleSummary, string[]>>();

function teaser(ctx: SiteContext, a: ArticleSummary, level: number, withLede: boolean): string {
  const meta = [dateHtml(a.date), a.location ? esc(a.location) : ''].filter(Boolean).join(' · ');
  const lede = !withLede || !a.lede ? '' : `<p class="lede">${esc(a.lede)}</p>`;
  return `<li class="article-item"><h${level}><a href="${esc(ctx.url(a.url))}">${esc(a.title)}</a></h${level}><p class="meta">${meta}</p>${lede}</li>`;
}

/** Articles under one heading per month (or "Undated"), in the order given. */
export function groupedByMonth(ctx: SiteContext, articles: ArticleSummary[], level = 2): string {
  const groups: Array<{ label: string; key: string; items: ArticleSummary[] }> = [];
  for (const a of articles) {
    const key = a.date ? a.date.slice(0, 7) : 'undated';
    if (groups[groups.length - 1]?.key !== key) groups.push({ key, label: a.date ? readableDate(key) : 'Undated', items: [] });
    groups[groups.length - 1].items.push(a);
  }
  return groups
    .map(
      (g) =>
        `<section class="month-group"><h${level}>${g.key === 'undated' ? 'Undated' : `<time datetime="${esc(g.key)}">${esc(g.label)}</time>`} <span class="count">${plural(g.items.length, 'article')}</span></h${level}><ol class="article-list">${g.items.map((a) => articleItem(ctx, a, level + 1)).join('')}</ol></section>`,
    )
    .join('');
}

/** URL of page `n` of a list whose first page is at `base` ("/people/x/" → "/people/x/page/2/"). */
export const pageUrl = (base: string, n: number) => (n <= 1 ? base : `${base}page/${n}/`);

/** Numbered page links: first, last and a window around the current page. */
export function pager(ctx: SiteContext, base: string, page: number, pages: number, label: string): string {
  if (pages <= 1) return '';
  const shown = new Set<number>([1, pages]);
  for (let n = page - 3; n <= page + 3; n++) if (n >= 1 && n <= pages) shown.add(n);
  const nums = [...shown].sort((x, y) => x - y);
  const items: string[] = [];
  if (page > 1) items.push(`<li><a href="${esc(ctx.url(pageUrl(base, page - 1)))}" rel="prev">Previous<span class="visually-hidden"> page</span></a></li>`);
  nums.forEach((n, i) => {
    if (i > 0 && n - nums[i - 1] > 1) items.push('<li class="gap" aria-hidden="true">…</li>');
    items.push(
      n === page
        ? `<li><a href="${esc(ctx.url(pageUrl(base, n)))}" aria-current="page">${n}</a></li>`
        : `<li><a href="${esc(ctx.url(pageUrl(base, n)))}" aria-label="Page ${n}">${n}</a></li>`,
    );
  });
  if (page < pages) items.push(`<li><a href="${esc(ctx.url(pageUrl(base, page + 1)))}" rel="next">Next<span class="visually-hidden"> page</span></a></li>`);
  return `<nav class="pager" aria-label="${esc(label)}"><ul>${items.join('')}</ul></nav>`;
}

/** A list of entity links with article counts. */
export function entityLinks(ctx: SiteContext, list: Array<{ e: EntityEntry; count: number; title?: string }>, cls = 'entity-list'): string {
  return `<ul class="${cls}">${list
    .map(({ e, count: n, title }) => `<li><a href="${esc(ctx.url(e.url))}">${esc(e.name)}</a> <span class="count"${title ? ` title="${esc(title)}"` : ''}>${count(n)}</span></li>`)
    .join('')}</ul>`;
}
