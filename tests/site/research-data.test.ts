// The site data stores each network neighbour by its key (its node is stored once, in its own entry); the pages
// get the full network back, equal to what the connection summary computed.
import { describe, expect, it } from 'vitest';
import { buildResearch, networkOf } from '../../src/site/research-data.ts';
import { connectionSummary } from '../../src/analysis/connections.ts';
import { BBC, haveCorpus, naiveArticles } from '../analysis/corpus.ts';

describe.skipIf(!haveCorpus(BBC))('stored network', () => {
  it('names neighbours by key, and gives back every neighbour node as computed', () => {
    const arts = naiveArticles(BBC, 300);
    const stored = buildResearch(arts, new Map()).network;
    const entries = Object.values(stored);
    expect(entries.length).toBeGreaterThan(50);
    for (const e of entries) for (const n of e.neighbours) expect(Object.keys(n).sort()).toEqual(['key', 'score', 'shared']);
    const conns = connectionSummary(arts, { neighbours: 12, pairs: 100, minShared: 2 });
    const full = networkOf(JSON.parse(JSON.stringify(stored)) as typeof stored);
    const expected = Object.fromEntries([...conns.nodes].flatMap(([key, node]) => {
      const neighbours = conns.neighbours.get(key);
      return neighbours?.length ? [[key, { node, neighbours }]] : [];
    }));
    expect(full).toEqual(expected);
  });
});
