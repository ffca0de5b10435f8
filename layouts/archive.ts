// The archive by date: every year with its months, a page per year and per month, and the undated articles.
import { esc, count } from '../src/site/html.ts';
import type { SiteContext, MonthPage, ListPage } from '../src/site/context.ts';
import type { ArticleSummary, YearCount } from '../src/site/archive-index.ts';
import { readableDate } from '../src/site/dates.ts';
import { basePage } from './base.ts';
import { articleItem, pager, pageUrl, plural } from './parts.ts';

export const monthUrl = (month: string) => `/archive/${month.slice(0, 4)}/${month.slice(5, 7)}/`;
export const yearUrl = (year: string) => `/archive/${year}/`;
export const UNDATED_URL = '/archive/undated/';

const monthName = (month: string) => readableDate(month).replace(/ \d+$/, '');

function monthGrid(ctx: SiteContext, y: YearCount): string {
  return `<ul class="month-grid">${y.months
    .map((m) => `<li><a href="${esc(ctx.url(monthUrl(m.month)))}">${esc(monthName(m.month))}</a> <span class="count">${count(m.count)}</span></li>`)
    .join('')}</ul>`;
}

function crumbs(ctx: SiteContext, trail: Array<[string, string]>): string {
  return `<nav class="crumbs" aria-label="Breadcrumb"><ol>${trail.map(([href, label]) => `<li><a href="${esc(ctx.url(href))}">${esc(label)}</a></li>`).join('')}</ol></nav>`;
}

export function archivePage(ctx: SiteContext): string {
  const { years, undated } = ctx.index;
  const rows = years
    .map((y) => `<section class="year" aria-labelledby="y-${esc(y.year)}"><h2 id="y-${esc(y.year)}"><a href="${esc(ctx.url(yearUrl(y.year)))}">${esc(y.year)}</a> <span class="count">${plural(y.count, 'article')}</span></h2>${monthGrid(ctx, y)}</section>`)
    .join('');
  const und = undated
    ? `<section class="year" aria-labelledby="y-undated"><h2 id="y-undated"><a href="${esc(ctx.url(UNDATED_URL))}">Undated</a> <span class="count">${plural(undated, 'article')}</span></h2><p>Articles whose publication date is not known.</p></section>`
    : '';
  const body = `<h1>Archive by date</h1><p>${plural(ctx.index.articles.length, 'article')}${years.length ? `, from ${esc(years[years.length - 1].year)} to ${esc(years[0].year)}` : ''}.</p>${rows}${und}${!rows && !und ? '<p>No articles yet.</p>' : ''}`;
  return basePage(ctx, { title: 'Archive by date', path: '/archive/', body });
}

export function yearPage(ctx: SiteContext, y: YearCount): string {
  const monthsOfYear = ctx.months.filter((m) => m.month.startsWith(`${y.year}-`));
  const sections = monthsOfYear
    .map((m) => {
      const shown = m.articles.slice(0, 5);
      return `<section class="month-group" aria-labelledby="m-${esc(m.month)}"><h2 id="m-${esc(m.month)}"><a href="${esc(ctx.url(monthUrl(m.month)))}">${esc(monthName(m.month))}</a> <span class="count">${plural(m.articles.length, 'article')}</span></h2><ol class="article-list">${shown.map((a) => articleItem(ctx, a, 3, { lede: false })).join('')}</ol>${m.articles.length > shown.length ? `<p class="more"><a href="${esc(ctx.url(monthUrl(m.month)))}">All ${plural(m.articles.length, 'article')} from ${esc(monthName(m.month))} ${esc(y.year)}</a></p>` : ''}</section>`;
    })
    .join('');
  const body = `${crumbs(ctx, [['/archive/', 'Archive']])}<h1>${esc(y.year)}</h1><p>${plural(y.count, 'article')}.</p>${monthGrid(ctx, y)}${sections}`;
  return basePage(ctx, { title: `${y.year} · Archive`, path: yearUrl(y.year), body, description: `Articles from ${y.year}.` });
}

export function monthPage(ctx: SiteContext, m: MonthPage): string {
  const year = m.month.slice(0, 4);
  const days: Array<{ day: string; items: ArticleSummary[] }> = [];
  for (const a of m.articles) {
    const d = a.date!;
    if (days[days.length - 1]?.day !== d) days.push({ day: d, items: [] });
    days[days.length - 1].items.push(a);
  }
  const i = ctx.months.findIndex((x) => x.month === m.month);
  const newer = ctx.months[i - 1];
  const older = ctx.months[i + 1];
  const nav =
    newer || older
      ? `<nav class="prev-next" aria-label="Other months"><ul>${older ? `<li class="prev"><a href="${esc(ctx.url(monthUrl(older.month)))}" rel="prev"><span class="label">Previous month</span> <span class="title">${esc(readableDate(older.month))}</span></a></li>` : ''}${newer ? `<li class="next"><a href="${esc(ctx.url(monthUrl(newer.month)))}" rel="next"><span class="label">Next month</span> <span class="title">${esc(readableDate(newer.month))}</span></a></li>` : ''}</ul></nav>`
      : '';
  const sections = days
    .map((d) => `<section class="day-group"><h2><time datetime="${esc(d.day)}">${esc(readableDate(d.day))}</time></h2><ol class="article-list">${d.items.map((a) => articleItem(ctx, a, 3)).join('')}</ol></section>`)
    .join('');
  const title = readableDate(m.month);
  const body = `${crumbs(ctx, [['/archive/', 'Archive'], [yearUrl(year), year]])}<h1>${esc(title)}</h1><p>${plural(m.articles.length, 'article')}.</p>${sections}${nav}`;
  return basePage(ctx, { title: `${title} · Archive`, path: monthUrl(m.month), body, description: `Articles from ${title}.` });
}

export function undatedPage(ctx: SiteContext, p: ListPage<ArticleSummary>): string {
  const body = `${crumbs(ctx, [['/archive/', 'Archive']])}<h1>Undated articles${p.page > 1 ? ` <span class="page-of">page ${p.page}</span>` : ''}</h1><p>${plural(ctx.index.undated, 'article')} whose publication date is not known, by title.</p><ol class="article-list">${p.items.map((a) => articleItem(ctx, a, 2)).join('')}</ol>${pager(ctx, UNDATED_URL, p.page, p.pages, 'Pages of undated articles')}`;
  return basePage(ctx, { title: p.page > 1 ? `Undated articles (page ${p.page})` : 'Undated articles', path: pageUrl(UNDATED_URL, p.page), body });
}
