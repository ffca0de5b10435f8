// An entity's neighbourhood as an inline SVG drawn at build time: the entity in the centre, its
// neighbours on a circle, edge width by strength. Readable without JavaScript; <title>/<desc> and a
// text list describe it for screen readers.
import { esc } from '../../src/site/html.ts';
import type { SiteContext } from '../../src/site/context.ts';
import type { ConnectionNode, Neighbour } from '../../src/analysis/connections.ts';
import { radialLayout } from '../../src/analysis/connections.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Shorten long names for the picture (the full name is in the link title and the text list). */
const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);

/** The SVG picture alone. `idBase` makes the title/desc ids unique on the page. */
export function networkSvg(_ctx: SiteContext, center: ConnectionNode, neighbours: Neighbour[], idBase = 'network'): string {
  const { center: c, around, size } = radialLayout(center, neighbours);
  const titleId = `${idBase}-title`;
  const descId = `${idBase}-desc`;
  const desc = neighbours.length
    ? `${center.name} appears most often with ${neighbours.map((n) => `${n.node.name} (${plural(n.shared, 'shared article')})`).join(', ')}.`
    : `${center.name} has no connections yet.`;
  const edges = around
    .map((p) => `<line x1="${c.x}" y1="${c.y}" x2="${p.x}" y2="${p.y}" stroke-width="${p.width}" class="edge"/>`)
    .join('');
  const nodes = around
    .map((p) => {
      const anchor = p.x < c.x - 5 ? 'end' : p.x > c.x + 5 ? 'start' : 'middle';
      const dx = anchor === 'end' ? -10 : anchor === 'start' ? 10 : 0;
      const dy = anchor === 'middle' ? (p.y < c.y ? -12 : 20) : 4;
      const label = `${p.node.name}: ${plural(p.shared, 'shared article')}`;
      // The picture is one image (role="img"): its links live in the text list beside it, not inside it.
      return `<g><title>${esc(label)}</title><circle cx="${p.x}" cy="${p.y}" r="7" class="node node-${esc(p.node.kind)}"/><text x="${round(p.x + dx)}" y="${round(p.y + dy)}" text-anchor="${anchor}">${esc(short(p.node.name))}</text></g>`;
    })
    .join('');
  return `<svg class="network" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-labelledby="${esc(titleId)} ${esc(descId)}" xmlns="http://www.w3.org/2000/svg"><title id="${esc(titleId)}">${esc(`Who appears with ${center.name}`)}</title><desc id="${esc(descId)}">${esc(desc)}</desc><g stroke="currentColor" stroke-opacity="0.45">${edges}</g><g font-size="12" fill="currentColor">${nodes}<circle cx="${c.x}" cy="${c.y}" r="11" class="node node-centre"/><text x="${c.x}" y="${c.y + 28}" text-anchor="middle" font-weight="bold">${esc(short(center.name))}</text></g></svg>`;
}

const round = (v: number) => Math.round(v * 10) / 10;
