import { describe, expect, it } from 'vitest';
import { buildConnections, connectionSummary, pairScore, radialLayout, strongestPairs, topNeighbours, type Connections } from '../../src/analysis/connections.ts';
import type { Article } from '../../src/types.ts';
import { entityKey } from '../../src/analysis/match.ts';
import { article, ref } from './fixtures.ts';
import { BBC, CONLL_DEV, haveCorpus, naiveArticles } from './corpus.ts';

const P = (n: string, mentions = 1) => ref(n, { mentions });

describe('buildConnections', () => {
  const arts = [
    article('1', '2025-01-01', { people: [P('A'), P('B')], places: [P('London')] }),
    article('2', '2025-01-02', { people: [P('A'), P('B')], places: [P('London')] }),
    article('3', '2025-01-03', { people: [P('A'), P('C')], places: [P('London')] }),
    // one long article naming D and E a hundred times counts once
    article('4', '2025-01-04', { people: [P('D', 100), P('E', 100)], places: [P('London')] }),
    ...['5', '6', '7', '8', '9', '10'].map((id) => article(id, '2025-01-05', { places: [P('London')] })),
  ];
  const c = buildConnections(arts);

  it('counts each article once per pair, whatever the mention counts', () => {
    const de = c.pairs.find((p) => p.a.slug === 'd' && p.b.slug === 'e')!;
    expect(de.shared).toBe(1);
    const ab = c.pairs.find((p) => p.a.slug === 'a' && p.b.slug === 'b')!;
    expect(ab.shared).toBe(2);
    expect(ab.score).toBeGreaterThan(de.score);
  });

  it('normalises by how often each entity appears (Ochiai with shrinkage)', () => {
    expect(pairScore(2, 3, 2)).toBeCloseTo((2 / Math.sqrt(6)) * (2 / 3));
    // A–B (2 shared) beats A–London (3 shared): London is in almost every article.
    const ns = topNeighbours(c, 'people', 'a');
    expect(ns[0].node.slug).toBe('b');
  });

  it('is symmetric', () => {
    for (const [k, list] of c.neighbours) {
      for (const n of list) {
        const back = c.neighbours.get(entityKey(n.node.kind, n.node.slug))!.find((m) => entityKey(m.node.kind, m.node.slug) === k);
        expect(back).toMatchObject({ shared: n.shared, score: n.score });
      }
    }
  });

  it('archive-wide pairs need at least two shared articles by default', () => {
    expect(strongestPairs(c).every((p) => p.shared >= 2)).toBe(true);
    expect(strongestPairs(c, 50, 1).length).toBe(c.pairs.length);
  });

  it('lays a neighbourhood out deterministically, centre in the middle, first neighbour on top', () => {
    const ns = topNeighbours(c, 'places', 'london');
    const l1 = radialLayout(c.nodes.get('places:london')!, ns);
    expect(radialLayout(c.nodes.get('places:london')!, ns)).toEqual(l1);
    expect([l1.center.x, l1.center.y]).toEqual([240, 240]);
    expect(l1.around[0].x).toBeCloseTo(240);
    expect(l1.around[0].y).toBeLessThan(240);
    expect(Math.max(...l1.around.map((p) => p.width))).toBe(8);
    for (const p of l1.around) expect(p.width).toBeGreaterThanOrEqual(1);
  });
});

describe.runIf(haveCorpus(CONLL_DEV))('connections on real corpora (naive entities)', () => {
  it('CoNLL dev: symmetric, bounded, counts no larger than either entity’s article count', () => {
    const c = buildConnections(naiveArticles(CONLL_DEV));
    expect(c.pairs.length).toBeGreaterThan(50);
    for (const p of c.pairs) {
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(p.shared).toBeLessThanOrEqual(Math.min(p.a.articles, p.b.articles));
      expect(entityKey(p.a.kind, p.a.slug) < entityKey(p.b.kind, p.b.slug)).toBe(true);
    }
    let edges = 0;
    for (const l of c.neighbours.values()) edges += l.length;
    expect(edges).toBe(2 * c.pairs.length);
  });

  it('BBC: 1000 articles in well under a few seconds', () => {
    const arts = naiveArticles(BBC, 1000);
    const t0 = performance.now();
    const c = buildConnections(arts);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(strongestPairs(c, 20).length).toBeGreaterThan(0);
  });
});

/** connectionSummary must equal what the full network gives through topNeighbours and strongestPairs. */
function expectSummaryMatches(arts: Article[], c: Connections, limits = { neighbours: 12, pairs: 100, minShared: 2 }): void {
  const s = connectionSummary(arts, limits);
  expect([...s.nodes.entries()]).toEqual([...c.nodes.entries()]);
  for (const [k, node] of c.nodes) {
    const want = topNeighbours(c, node.kind, node.slug, limits.neighbours);
    expect(s.neighbours.get(k) ?? [], k).toEqual(want);
  }
  expect(s.pairs).toEqual(strongestPairs(c, limits.pairs, limits.minShared));
}

describe('connectionSummary', () => {
  const P = (n: string) => ref(n, { mentions: 1 });
  it('equals topNeighbours and strongestPairs of the full network, ties included', () => {
    // Many equal scores: ties are broken by name, then kind and slug.
    const names = ['Zed', 'Amy', 'Bob', 'amy', 'Émile', 'Bo', 'Cy', 'Dee'];
    const arts = Array.from({ length: 40 }, (_, i) =>
      article(String(i), `2025-01-${String((i % 28) + 1).padStart(2, '0')}`, {
        people: names.filter((_, j) => (i + j) % 3 !== 0).map(P),
        places: [P(names[i % names.length]), P('London')],
        organisations: i % 4 ? [P('Acme')] : [],
      }),
    );
    const c = buildConnections(arts);
    for (const limits of [{ neighbours: 12, pairs: 100, minShared: 2 }, { neighbours: 3, pairs: 5, minShared: 1 }, { neighbours: 0, pairs: 0, minShared: 2 }]) expectSummaryMatches(arts, c, limits);
  });

  it.runIf(haveCorpus(BBC))('equals the full network on 600 BBC articles', () => {
    const arts = naiveArticles(BBC, 600);
    expectSummaryMatches(arts, buildConnections(arts));
  });
});
