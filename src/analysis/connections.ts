// Who appears with whom: entity co-occurrence across the archive (pure).
//
// Weighting (the choice, documented): each article counts once for a pair, however long it is and
// however often it names them — so one long article cannot dominate. The strength of a pair is
// the Ochiai (cosine) coefficient shared / sqrt(articlesA × articlesB), in [0, 1], shrunk by
// shared / (shared + 1) so that two entities seen together once (each appearing only once, which
// gives Ochiai 1) rank below pairs seen together repeatedly:
//
//     score = shared / sqrt(nA × nB) × shared / (shared + 1)
//
// Unlike raw counts it does not rank every entity next to the archive's most frequent place;
// unlike PMI it is bounded and does not explode for rare pairs.
import type { Article, EntityKind } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import { entityKey } from './match.ts';

export interface ConnectionNode {
  kind: EntityKind;
  slug: string;
  name: string;
  /** Articles that mention it. */
  articles: number;
}

export interface Pair {
  a: ConnectionNode;
  b: ConnectionNode;
  /** Articles that mention both. */
  shared: number;
  score: number;
  /** Ids of the shared articles (newest first as given), at most 20. */
  articleIds: string[];
}

export interface Neighbour {
  node: ConnectionNode;
  shared: number;
  score: number;
}

export interface Connections {
  nodes: Map<string, ConnectionNode>;
  /** Every pair with shared ≥ 1, in no particular order (strongestPairs sorts); a–b with a's key < b's key. */
  pairs: Pair[];
  /** Neighbours of each entity, strongest first (symmetric: b is in a's list iff a is in b's). */
  neighbours: Map<string, Neighbour[]>;
}

export interface ConnectionOptions {
  /** Entity kinds taken into account (default all three). */
  kinds?: readonly EntityKind[];
}

export const pairScore = (shared: number, na: number, nb: number): number => (shared / Math.sqrt(na * nb)) * (shared / (shared + 1));

const collator = new Intl.Collator('en');

/**
 * Co-occurrence network of the archive's entities.
 * @example buildConnections([]).pairs //=> []
 */
export function buildConnections(articles: Article[], opts: ConnectionOptions = {}): Connections {
  const kinds = opts.kinds ?? ENTITY_KINDS;
  const nodes = new Map<string, ConnectionNode>();
  const index = new Map<string, number>();
  const keyOf: string[] = [];
  // Pair key: i * 2^26 + j (i < j), a number, so the inner loop allocates no strings.
  const shared = new Map<number, { a: number; b: number; n: number; ids: string[] }>();
  for (const art of articles) {
    const ids: number[] = [];
    for (const kind of kinds) {
      for (const e of art[kind]) {
        const k = entityKey(kind, e.slug);
        let i = index.get(k);
        if (i === undefined) {
          i = keyOf.length;
          index.set(k, i);
          keyOf.push(k);
          nodes.set(k, { kind, slug: e.slug, name: e.name, articles: 0 });
        }
        if (ids.includes(i)) continue;
        ids.push(i);
        nodes.get(k)!.articles++;
      }
    }
    ids.sort((x, y) => (keyOf[x] < keyOf[y] ? -1 : 1));
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const pk = ids[x] * 67108864 + ids[y];
        let s = shared.get(pk);
        if (!s) shared.set(pk, (s = { a: ids[x], b: ids[y], n: 0, ids: [] }));
        s.n++;
        if (s.ids.length < 20) s.ids.push(art.id);
      }
    }
  }
  const pairs: Pair[] = [];
  const neighbours = new Map<string, Neighbour[]>();
  const push = (k: string, nb: Neighbour) => {
    const l = neighbours.get(k);
    if (l) l.push(nb);
    else neighbours.set(k, [nb]);
  };
  for (const s of shared.values()) {
    const a = nodes.get(keyOf[s.a])!;
    const b = nodes.get(keyOf[s.b])!;
    const score = pairScore(s.n, a.articles, b.articles);
    pairs.push({ a, b, shared: s.n, score, articleIds: s.ids });
    push(keyOf[s.a], { node: b, shared: s.n, score });
    push(keyOf[s.b], { node: a, shared: s.n, score });
  }
  // Ties broken by name, then key: names compared once through a rank, not with a collator per comparison.
  const rank = nameRanks(nodes);
  for (const l of neighbours.values()) l.sort((x, y) => y.score - x.score || y.shared - x.shared || rank.get(x.node)! - rank.get(y.node)!);
  return { nodes, pairs, neighbours };
}

/** An entity's strongest neighbours. */
export function topNeighbours(c: Connections, kind: EntityKind, slug: string, limit = 12): Neighbour[] {
  return (c.neighbours.get(entityKey(kind, slug)) ?? []).slice(0, limit);
}

/** The archive's strongest pairs seen together in at least `minShared` articles. */
export function strongestPairs(c: Connections, limit = 50, minShared = 2): Pair[] {
  const rank = nameRanks(c.nodes);
  return c.pairs
    .filter((p) => p.shared >= minShared)
    .sort((x, y) => y.score - x.score || y.shared - x.shared || rank.get(x.a)! - rank.get(y.a)! || rank.get(x.b)! - rank.get(y.b)!)
    .slice(0, limit);
}

/** Each node's place in name order (then kind and slug), for cheap, stable tie-breaking. */
function nameRanks(nodes: Map<string, ConnectionNode>): Map<ConnectionNode, number> {
  const sorted = [...nodes.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.kind + a.slug < b.kind + b.slug ? -1 : 1));
  return new Map(sorted.map((n, i) => [n, i]));
}

export interface PlacedNode {
  node: ConnectionNode;
  x: number;
  y: number;
  /** Edge width to the centre (0 for the centre). */
  width: number;
  shared: number;
  score: number;
}

/**
 * Deterministic radial layout: the entity in the centre, its neighbours on a circle clockwise from
 * the top in order of strength, edge width 1–8 by score relative to the strongest.
 */
export function radialLayout(center: ConnectionNode, neighbours: Neighbour[], size = 480): { center: PlacedNode; around: PlacedNode[]; size: number } {
  const c = size / 2;
  const r = size / 2 - 90;
  const max = Math.max(...neighbours.map((n) => n.score), 1e-9);
  const round = (v: number) => Math.round(v * 10) / 10;
  const around = neighbours.map((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / neighbours.length;
    return {
      node: n.node,
      x: round(c + r * Math.cos(angle)),
      y: round(c + r * Math.sin(angle)),
      width: round(1 + (7 * n.score) / max),
      shared: n.shared,
      score: n.score,
    };
  });
  return { center: { node: center, x: c, y: c, width: 0, shared: 0, score: 0 }, around, size };
}
