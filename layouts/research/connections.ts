// The archive's strongest connections: pairs of entities that appear in the same articles.
import { esc } from '../../src/site/html.ts';
import type { SiteContext } from '../../src/site/context.ts';
import { entityUrl, KIND_LABEL } from '../../src/site/archive-index.ts';
import type { Pair } from '../../src/analysis/connections.ts';
import { basePage } from '../base.ts';

export const CONNECTIONS_PATH = '/connections/';

export function connectionsPage(ctx: SiteContext, pairs: Pair[]): string {
  const link = (n: Pair['a']) => `<a href="${esc(ctx.url(entityUrl(n.kind, n.slug)))}">${esc(n.name)}</a> <span class="kind">(${esc(KIND_LABEL[n.kind].one)})</span>`;
  const rows = pairs
    .map((p) => `<tr><td>${link(p.a)}</td><td>${link(p.b)}</td><td class="num">${p.shared}</td><td class="num">${p.score.toFixed(2)}</td></tr>`)
    .join('');
  const table = pairs.length
    ? `<table class="connections"><caption>Strongest pairs, strongest first</caption><thead><tr><th scope="col">Entity</th><th scope="col">Appears with</th><th scope="col">Shared articles</th><th scope="col">Strength</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No entities appear together in more than one article yet.</p>';
  const body = `<h1>Connections</h1><p>People, organisations and places that appear in the same articles. Each article counts once per pair; strength is the number of shared articles relative to how often each appears (0 to 1).</p>${table}`;
  return basePage(ctx, { title: 'Connections', path: CONNECTIONS_PATH, body, description: 'Who appears with whom in the archive.' });
}
