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
  const { nodes, keyOf, perArticle } = entityTable(articles, opts.kinds ?? ENTITY_KINDS);
  // Pair key: i * 2^26 + j (i < j), a number, so the inner loop allocates no strings.
  const shared = new Map<number, { a: number; b: number; n: number; ids: string[] }>();
  for (let ai = 0; ai < articles.length; ai++) {
    const ids = perArticle[ai].slice().sort((x, y) => (keyOf[x] < keyOf[y] ? -1 : 1));
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const pk = ids[x] * 67108864 + ids[y];
        let s = shared.get(pk);
        if (!s) shared.set(pk, (s = { a: ids[x], b: ids[y], n: 0, ids: [] }));
        s.n++;
        if (s.ids.length < 20) s.ids.push(articles[ai].id);
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

export interface ConnectionSummary {
  /** Every entity, in order of first appearance (as buildConnections' `nodes`). */
  nodes: Map<string, ConnectionNode>;
  /** Each entity's strongest neighbours, as `topNeighbours(buildConnections(…), …, neighbours)` gives them; entities with none are absent. */
  neighbours: Map<string, Neighbour[]>;
  /** As `strongestPairs(buildConnections(…), pairs, minShared)`. */
  pairs: Pair[];
}

/**
 * The archive's entities, numbered in order of first appearance: each one's node (with its article count), its
 * key, the indices of the articles naming it (ascending), and per article its distinct entities in text order.
 */
function entityTable(articles: Article[], kinds: readonly EntityKind[]): { nodes: Map<string, ConnectionNode>; keyOf: string[]; list: ConnectionNode[]; artsOf: number[][]; perArticle: number[][] } {
  const nodes = new Map<string, ConnectionNode>();
  const keyOf: string[] = [];
  const list: ConnectionNode[] = [];
  const artsOf: number[][] = [];
  const perArticle: number[][] = [];
  // Looked up by kind, then slug: a `kind:slug` key made for every mention would be a new string to hash each time.
  const byKind = new Map<EntityKind, Map<string, number>>(kinds.map((k) => [k, new Map()]));
  for (let ai = 0; ai < articles.length; ai++) {
    const art = articles[ai];
    const ids: number[] = [];
    for (const kind of kinds) {
      const index = byKind.get(kind)!;
      for (const e of art[kind]) {
        let i = index.get(e.slug);
        if (i === undefined) {
          i = keyOf.length;
          index.set(e.slug, i);
          const k = entityKey(kind, e.slug);
          keyOf.push(k);
          const node = { kind, slug: e.slug, name: e.name, articles: 0 };
          nodes.set(k, node);
          list.push(node);
          artsOf.push([]);
        }
        const seen = artsOf[i];
        if (seen.length && seen[seen.length - 1] === ai) continue;
        seen.push(ai);
        list[i].articles++;
        ids.push(i);
      }
    }
    perArticle.push(ids);
  }
  return { nodes, keyOf, list, artsOf, perArticle };
}

/**
 * What the site keeps of the co-occurrence network — each entity's `neighbours` strongest neighbours and the
 * archive's `pairs` strongest pairs — without materialising every pair: the pairs of one entity at a time are
 * counted in a scratch array (through the articles naming it), offered to both entities' bounded neighbour lists
 * and to the bounded list of strongest pairs, and forgotten. Shared article ids are found for the kept pairs only.
 * Equal to the results through buildConnections (tested); the same tie-breaking, which orders every candidate
 * (scores, then shared counts, then name ranks, which are distinct), so no result depends on the order of offers.
 */
export function connectionSummary(articles: Article[], limits: { neighbours: number; pairs: number; minShared: number }, opts: ConnectionOptions = {}): ConnectionSummary {
  const { nodes, keyOf, list, artsOf, perArticle } = entityTable(articles, opts.kinds ?? ENTITY_KINDS);
  const n = keyOf.length;
  // Within a pair, `a` is the entity whose key sorts first.
  const keyRank = new Int32Array(n);
  Array.from(keyOf.keys())
    .sort((x, y) => (keyOf[x] < keyOf[y] ? -1 : keyOf[x] > keyOf[y] ? 1 : 0))
    .forEach((i, r) => (keyRank[i] = r));
  const nameRank = nameRanks(nodes);
  const rank = Int32Array.from(list, (node) => nameRank.get(node)!);
  const counts = Int32Array.from(list, (node) => node.articles);

  // Strongest neighbours per entity: a bounded insertion into each entity's short list (flat arrays), strongest first.
  const K = Math.max(0, limits.neighbours);
  const topScore = new Float64Array(n * K);
  const topShared = new Int32Array(n * K);
  const topOther = new Int32Array(n * K);
  const topLen = new Int32Array(n);
  const offer = (owner: number, other: number, s: number, sh: number) => {
    const base = owner * K;
    const len = topLen[owner];
    const r = rank[other];
    let at = len;
    while (at > 0) {
      const q = base + at - 1;
      const sq = topScore[q];
      if (!(s > sq || (s === sq && (sh > topShared[q] || (sh === topShared[q] && r < rank[topOther[q]]))))) break;
      at--;
    }
    if (at >= K) return;
    for (let i = Math.min(len, K - 1); i > at; i--) {
      topScore[base + i] = topScore[base + i - 1];
      topShared[base + i] = topShared[base + i - 1];
      topOther[base + i] = topOther[base + i - 1];
    }
    topScore[base + at] = s;
    topShared[base + at] = sh;
    topOther[base + at] = other;
    if (len < K) topLen[owner] = len + 1;
  };

  // Strongest pairs (shared ≥ minShared): the same kind of bounded list, strongest first.
  const P = Math.max(0, limits.pairs);
  const best: Array<{ a: number; b: number; shared: number; score: number }> = [];
  const beats = (s: number, sh: number, a: number, b: number, y: { a: number; b: number; shared: number; score: number }) =>
    s > y.score || (s === y.score && (sh > y.shared || (sh === y.shared && (rank[a] < rank[y.a] || (rank[a] === rank[y.a] && rank[b] < rank[y.b])))));
  const offerPair = (a: number, b: number, s: number, sh: number) => {
    if (best.length === P && (P === 0 || !beats(s, sh, a, b, best[P - 1]))) return;
    let i = best.length < P ? best.length : P - 1;
    while (i > 0 && beats(s, sh, a, b, best[i - 1])) {
      best[i] = best[i - 1];
      i--;
    }
    best[i] = { a, b, shared: sh, score: s };
  };

  // Each pair once, from its `a` side: the entities sharing articles with `a` whose keys sort after a's.
  const shared = new Int32Array(n);
  const touched: number[] = [];
  for (let a = 0; a < n; a++) {
    const ra = keyRank[a];
    for (const ai of artsOf[a]) {
      for (const b of perArticle[ai]) if (keyRank[b] > ra && shared[b]++ === 0) touched.push(b);
    }
    for (const b of touched) {
      const sh = shared[b];
      shared[b] = 0;
      const s = pairScore(sh, counts[a], counts[b]);
      if (K > 0) {
        offer(a, b, s, sh);
        offer(b, a, s, sh);
      }
      if (sh >= limits.minShared) offerPair(a, b, s, sh);
    }
    touched.length = 0;
  }

  const neighbours = new Map<string, Neighbour[]>();
  for (let i = 0; i < n; i++) {
    const len = topLen[i];
    if (!len) continue;
    const l: Neighbour[] = [];
    for (let t = i * K; t < i * K + len; t++) l.push({ node: list[topOther[t]], shared: topShared[t], score: topScore[t] });
    neighbours.set(keyOf[i], l);
  }
  const pairs: Pair[] = best.map(({ a, b, shared: sh, score }) => {
    const A = artsOf[a];
    const B = artsOf[b];
    const ids: string[] = [];
    for (let i = 0, j = 0; i < A.length && j < B.length && ids.length < 20; ) {
      if (A[i] === B[j]) {
        ids.push(articles[A[i]].id);
        i++;
        j++;
      } else if (A[i] < B[j]) i++;
      else j++;
    }
    return { a: list[a], b: list[b], shared: sh, score, articleIds: ids };
  });
  return { nodes, neighbours, pairs };
}
