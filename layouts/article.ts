// The article page: headline, date, dateline, body with linked mentions, entities beside it.
import { esc } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/context.ts';
import type { Article, EntityKind } from '../src/types.ts';
import { ENTITY_KINDS } from '../src/types.ts';
import { KIND_LABEL, entityUrl, articleUrl } from '../src/site/archive-index.ts';
import { readableDate } from '../src/site/dates.ts';
import { basePage } from './base.ts';

export function articlePage(ctx: SiteContext, a: Article, bodyHtml: string): string {
  const path = articleUrl(a.id);
  const meta = [
    a.date ? `<time datetime="${esc(a.date)}">${esc(readableDate(a.date))}</time>` : '<span>Undated</span>',
    a.location ? `<span class="dateline">${esc(a.location)}</span>` : '',
  ].filter(Boolean).join(' · ');
  const aside = ENTITY_KINDS.map((kind) => entityList(ctx, kind, a)).join('');
  const body = `<article class="article">
<header>
<h1>${esc(a.title)}</h1>
<p class="meta">${meta}</p>
</header>
<div class="article-body">
${bodyHtml}
</div>
<footer class="source"><p>Source: <code>${esc(a.source)}</code></p></footer>
</article>
<aside class="entities" aria-label="In this article">${aside}</aside>`;
  return basePage(ctx, { title: a.title, path, body, description: ctx.articleById.get(a.id)?.lede });
}

function entityList(ctx: SiteContext, kind: EntityKind, a: Article): string {
  const list = a[kind];
  if (!list.length) return '';
  const items = list
    .map((e) => `<li><a href="${esc(ctx.url(entityUrl(kind, e.slug)))}">${esc(e.name)}</a>${e.role ? ` <span class="role">${esc(e.role)}</span>` : ''}</li>`)
    .join('');
  return `<section><h2>${esc(KIND_LABEL[kind].many)}</h2><ul>${items}</ul></section>`;
}
