// Listing pages: home, the three entity indexes, one page per entity.
import { esc } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/context.ts';
import type { ArticleSummary, EntityEntry } from '../src/site/archive-index.ts';
import { KIND_LABEL, KIND_PATH } from '../src/site/archive-index.ts';
import type { EntityKind } from '../src/types.ts';
import { ENTITY_KINDS } from '../src/types.ts';
import { readableDate } from '../src/site/dates.ts';
import { basePage } from './base.ts';

export function articleItem(ctx: SiteContext, a: ArticleSummary): string {
  const when = a.date ? `<time datetime="${esc(a.date)}">${esc(readableDate(a.date))}</time>` : '<span>Undated</span>';
  return `<li class="article-item"><h3><a href="${esc(ctx.url(a.url))}">${esc(a.title)}</a></h3><p class="meta">${when}${a.location ? ` · ${esc(a.location)}` : ''}</p><p class="lede">${esc(a.lede)}</p></li>`;
}

export function homePage(ctx: SiteContext): string {
  const latest = ctx.index.articles.slice(0, 30).map((a) => articleItem(ctx, a)).join('');
  const top = ENTITY_KINDS.map((kind) => {
    const best = [...ctx.index[kind]].sort((x, y) => y.articles.length - x.articles.length || x.name.localeCompare(y.name)).slice(0, 10);
    if (!best.length) return '';
    return `<section><h2><a href="${esc(ctx.url(`/${KIND_PATH[kind]}/`))}">${esc(KIND_LABEL[kind].many)}</a></h2><ul>${best.map((e) => `<li><a href="${esc(ctx.url(e.url))}">${esc(e.name)}</a> <span class="count">${e.articles.length}</span></li>`).join('')}</ul></section>`;
  }).join('');
  const body = `<h1>${esc(ctx.settings.title)}</h1>
<div class="home">
<section class="latest"><h2>Latest articles</h2><ol class="article-list">${latest}</ol></section>
<aside class="top-entities" aria-label="Most mentioned">${top}</aside>
</div>`;
  return basePage(ctx, { title: ctx.settings.title, path: '/', body });
}

export function entityIndexPage(ctx: SiteContext, kind: EntityKind): string {
  const list = ctx.index[kind];
  const items = list.map((e) => `<li><a href="${esc(ctx.url(e.url))}">${esc(e.name)}</a> <span class="count">${e.articles.length}</span></li>`).join('');
  const body = `<h1>${esc(KIND_LABEL[kind].many)}</h1><p>${list.length} in the archive.</p><ul class="entity-index">${items}</ul>`;
  return basePage(ctx, { title: KIND_LABEL[kind].many, path: `/${KIND_PATH[kind]}/`, body });
}

export function entityPage(ctx: SiteContext, e: EntityEntry): string {
  const articles = e.articles.map((id) => ctx.articleById.get(id)).filter((a): a is ArticleSummary => !!a);
  const facts = [
    e.description ? `<p class="description">${esc(e.description)}</p>` : '',
    e.roles.length ? `<p class="roles">${e.roles.map(esc).join('; ')}</p>` : '',
    e.aliases.length ? `<p class="aliases">Also written: ${e.aliases.map(esc).join(', ')}</p>` : '',
    `<p>Mentioned in ${articles.length} article${articles.length === 1 ? '' : 's'}.</p>`,
  ].join('');
  const body = `<h1>${esc(e.name)}</h1><p class="kind">${esc(KIND_LABEL[e.kind].one)}</p>${facts}<ol class="article-list">${articles.map((a) => articleItem(ctx, a)).join('')}</ol>`;
  return basePage(ctx, { title: e.name, path: e.url, body });
}
