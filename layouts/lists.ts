// Home page and the entity indexes (A–Z with a letter bar, and by most mentioned).
import { esc, count } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/context.ts';
import type { EntityEntry } from '../src/site/archive-index.ts';
import { KIND_LABEL, KIND_PATH } from '../src/site/archive-index.ts';
import type { EntityKind } from '../src/types.ts';
import { ENTITY_KINDS } from '../src/types.ts';
import { basePage } from './base.ts';
import { articleItem, entityLinks, plural } from './parts.ts';

export const HOME_ARTICLES = 20;
const HOME_ENTITIES = 10;

export function homePage(ctx: SiteContext): string {
  const { index } = ctx;
  const latest = index.articles.slice(0, HOME_ARTICLES).map((a, i) => articleItem(ctx, a, 3, { lede: i < 8 })).join('');
  const top = ENTITY_KINDS.map((kind) => {
    const best = ctx.byMentions[kind].slice(0, HOME_ENTITIES);
    if (!best.length) return '';
    return `<section aria-labelledby="top-${kind}"><h2 id="top-${kind}">Most mentioned ${esc(KIND_LABEL[kind].many.toLowerCase())}</h2>${entityLinks(
      ctx,
      best.map((e) => ({ e, count: e.articles.length, title: plural(e.articles.length, 'article') })),
    )}<p class="more"><a href="${esc(ctx.url(`/${KIND_PATH[kind]}/`))}">All ${plural(index[kind].length, KIND_LABEL[kind].one.toLowerCase(), KIND_LABEL[kind].many.toLowerCase())}</a></p></section>`;
  }).join('');
  const years = index.years.length || index.undated
    ? `<section aria-labelledby="by-date"><h2 id="by-date">By date</h2><ul class="year-list">${index.years
        .map((y) => `<li><a href="${esc(ctx.url(`/archive/${y.year}/`))}">${esc(y.year)}</a> <span class="count">${count(y.count)}</span></li>`)
        .join('')}${index.undated ? `<li><a href="${esc(ctx.url('/archive/undated/'))}">Undated</a> <span class="count">${count(index.undated)}</span></li>` : ''}</ul></section>`
    : '';
  const body = `<h1 class="visually-hidden">${esc(ctx.settings.title)}</h1>
<p class="intro">${esc(ctx.settings.description)} ${plural(index.articles.length, 'article')}, ${plural(index.people.length, 'person', 'people')}, ${plural(index.organisations.length, 'organisation')}, ${plural(index.places.length, 'place')}.</p>
<div class="home">
<section class="latest" aria-labelledby="latest-h"><h2 id="latest-h">Latest articles</h2><ol class="article-list">${latest || '<li>No articles yet.</li>'}</ol>${index.articles.length > HOME_ARTICLES ? `<p class="more"><a href="${esc(ctx.url('/archive/'))}">Every article, by date</a></p>` : ''}</section>
<div class="home-side">${top}${years}
<section aria-labelledby="browse-h"><h2 id="browse-h">Browse</h2><ul class="browse">${ENTITY_KINDS.map((k) => `<li><a href="${esc(ctx.url(`/${KIND_PATH[k]}/`))}">${esc(KIND_LABEL[k].many)} A–Z</a></li>`).join('')}<li><a href="${esc(ctx.url('/archive/'))}">Archive by date</a></li><li><a href="${esc(ctx.url('/search/'))}">Search</a></li><li><a href="${esc(ctx.url('/feed.xml'))}">Atom feed</a></li></ul></section>
</div>
</div>`;
  return basePage(ctx, { title: ctx.settings.title, path: '/', body });
}

/** The index letter of a name: A–Z with diacritics folded, anything else "#". */
export function letterOf(name: string): string {
  const c = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').charAt(0).toUpperCase();
  return c >= 'A' && c <= 'Z' ? c : '#';
}

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'];
const letterId = (l: string) => (l === '#' ? 'letter-other' : `letter-${l.toLowerCase()}`);

function indexHeader(ctx: SiteContext, kind: EntityKind, sort: 'az' | 'mentions'): string {
  const base = `/${KIND_PATH[kind]}/`;
  const label = KIND_LABEL[kind].many;
  const n = ctx.index[kind].length;
  const tab = (href: string, text: string, on: boolean) => `<li><a href="${esc(ctx.url(href))}"${on ? ' aria-current="page"' : ''}>${text}</a></li>`;
  return `<h1>${esc(label)}</h1>
<p>${plural(n, KIND_LABEL[kind].one.toLowerCase(), label.toLowerCase())} in the archive. Numbers are articles.</p>
<nav class="sort" aria-label="Sort ${esc(label.toLowerCase())}"><ul>${tab(base, 'A–Z', sort === 'az')}${tab(`${base}by-mentions/`, 'Most mentioned', sort === 'mentions')}</ul></nav>`;
}

export function entityIndexPage(ctx: SiteContext, kind: EntityKind): string {
  const groups = new Map<string, EntityEntry[]>();
  for (const e of ctx.index[kind]) {
    const l = letterOf(e.name);
    if (!groups.has(l)) groups.set(l, []);
    groups.get(l)!.push(e);
  }
  const present = LETTERS.filter((l) => groups.has(l));
  const bar = `<nav class="letters" aria-label="Letters"><ul>${LETTERS.map((l) =>
    groups.has(l) ? `<li><a href="#${letterId(l)}">${l === '#' ? '#<span class="visually-hidden"> (other)</span>' : l}</a></li>` : `<li><span class="empty">${l}</span></li>`,
  ).join('')}</ul></nav>`;
  const sections = present
    .map((l) => `<section id="${letterId(l)}" class="letter"><h2>${l === '#' ? 'Other' : l}</h2>${entityLinks(ctx, groups.get(l)!.map((e) => ({ e, count: e.articles.length })), 'entity-index')}</section>`)
    .join('');
  const body = `${indexHeader(ctx, kind, 'az')}${present.length ? bar : ''}${sections}`;
  return basePage(ctx, { title: KIND_LABEL[kind].many, path: `/${KIND_PATH[kind]}/`, body, description: `Every ${KIND_LABEL[kind].one.toLowerCase()} in ${ctx.settings.title}, A–Z.` });
}

export function entityByMentionsPage(ctx: SiteContext, kind: EntityKind): string {
  const list = ctx.byMentions[kind];
  const items = list
    .map((e) => `<li><a href="${esc(ctx.url(e.url))}">${esc(e.name)}</a> <span class="count">${plural(e.articles.length, 'article')}</span></li>`)
    .join('');
  const body = `${indexHeader(ctx, kind, 'mentions')}<ol class="ranked">${items}</ol>`;
  return basePage(ctx, {
    title: `${KIND_LABEL[kind].many} by mentions`,
    path: `/${KIND_PATH[kind]}/by-mentions/`,
    body,
    description: `${KIND_LABEL[kind].many} in ${ctx.settings.title}, most mentioned first.`,
  });
}
