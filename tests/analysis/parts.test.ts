// The per-article parts ingest remembers between runs must give exactly what the views compute from the articles.
import { describe, expect, it } from 'vitest';
import { articleParts, type ArticleParts } from '../../src/analysis/parts.ts';
import { buildResearch } from '../../src/site/research-data.ts';
import { buildArchiveIndex } from '../../src/site/archive-index.ts';
import { canonicalizeArchive } from '../../src/curation/apply.ts';
import { buildTimeline, timelineGroupsJson } from '../../src/analysis/timeline.ts';
import type { Article } from '../../src/types.ts';
import { BBC, CONLL_DEV, haveCorpus, naiveArticles } from './corpus.ts';
import { article, ref } from './fixtures.ts';

/** Parts as they come back from the parts file: through JSON. */
const remembered = (arts: Article[]) => {
  const m = new Map(arts.map((a) => [a, JSON.parse(JSON.stringify(articleParts(a))) as ArticleParts]));
  return (a: Article) => m.get(a);
};

describe('per-article parts', () => {
  it('give the same index and research as the articles, for small hand-made articles', () => {
    const arts = [
      article('2025/02/a', '2025-02-27', { people: [ref('Dmitry Peskov'), ref('Vladimir Putin')], paragraphs: ['Kremlin spokesperson Dmitry Peskov said Vladimir Putin would travel.'], events: [{ date: '2025-02-12', precision: 'day', text: 'Putin spoke to Peskov on February 12', paragraph: 0 }] }),
      article('2025/02/b', '2025-02-13', { people: [ref('Vladimir Putin')], organisations: [ref('TASS')], paragraphs: ['TASS, the Russian state news agency, said so.'], events: [{ date: '2025-02-12', precision: 'day', text: 'Putin spoke to Peskov on Wednesday', paragraph: 0 }] }),
      article('undated/c', undefined, { paragraphs: [''] }),
    ];
    const desc = new Map([['people:Vladimir Putin', 'President of Russia.']]);
    const parts = remembered(arts);
    expect(buildResearch(arts, desc, parts)).toEqual(buildResearch(arts, desc));
    expect(buildArchiveIndex(arts, desc, (a) => parts(a)?.index)).toEqual(buildArchiveIndex(arts, desc));
  });

  it('missing parts are computed', () => {
    const arts = [article('x', '2025-01-01', { people: [ref('Jane Doe')], paragraphs: ['Finance minister Jane Doe spoke.'] })];
    expect(buildResearch(arts, new Map(), () => undefined)).toEqual(buildResearch(arts, new Map()));
  });
});

describe.runIf(haveCorpus(CONLL_DEV) && haveCorpus(BBC))('per-article parts on real text', () => {
  it('give the same index and research as the articles', () => {
    const raw = [...naiveArticles(CONLL_DEV, 250), ...naiveArticles(BBC, 250)].map((a, i) => ({ ...a, id: `a/${i}`, date: a.date ?? (i % 3 ? `2020-0${1 + (i % 9)}-1${i % 10}` : undefined) }));
    const arts = canonicalizeArchive(raw, { entities: [], ignore: [] });
    const parts = remembered(arts);
    expect(JSON.stringify(buildResearch(arts, new Map(), parts))).toBe(JSON.stringify(buildResearch(arts, new Map())));
    expect(JSON.stringify(buildArchiveIndex(arts, new Map(), (a) => parts(a)?.index))).toBe(JSON.stringify(buildArchiveIndex(arts, new Map())));
  });
});

describe.runIf(haveCorpus(CONLL_DEV) && haveCorpus(BBC))('timeline groups remembered by what they are made from', () => {
  it('give the JSON of the whole timeline, whatever was remembered from an earlier archive', () => {
    const raw = [...naiveArticles(CONLL_DEV, 200), ...naiveArticles(BBC, 200)].map((a, i) => ({ ...a, id: `a/${i}`, date: a.date ?? `2020-0${1 + (i % 9)}-1${i % 10}` }));
    const arts = canonicalizeArchive(raw, { entities: [], ignore: [] });
    // An article's key: anything that changes when the article does.
    const keyOf = (a: Article) => JSON.stringify(a);
    const memo = new Map<string, string>();
    const store = { get: (k: string) => memo.get(k), set: (k: string, j: string) => void memo.set(k, j) };
    expect(timelineGroupsJson(arts, keyOf, store)).toBe(JSON.stringify(buildTimeline(arts).groups));
    const remembered = memo.size;
    expect(remembered).toBeGreaterThan(10);
    // Edit articles far apart (one's events, one's title, one's event text, same ids), drop one, add one: the other
    // months come from memory, and the whole still equals.
    const withEvents = arts.filter((a) => a.events.length);
    const [a0, a1, a2, a3, a4] = [0, 0.2, 0.4, 0.6, 0.8].map((f) => withEvents[Math.floor(f * withEvents.length)]);
    const edited = arts
      .filter((a) => a !== a2)
      .map((a) =>
        a === a0 ? { ...a, events: a.events.slice(1) } : a === a1 ? { ...a, title: 'Retitled' } : a === a4 ? { ...a, events: a.events.map((e, i) => (i ? e : { ...e, text: `${e.text} again` })) } : a,
      );
    edited.push({ ...a3, id: 'a/new' });
    let hits = 0;
    const counting = { get: (k: string) => (memo.has(k) ? (hits++, memo.get(k)) : undefined), set: store.set };
    expect(timelineGroupsJson(edited, keyOf, counting)).toBe(JSON.stringify(buildTimeline(edited).groups));
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(remembered);
    // At another similarity threshold nothing remembered at 0.5 is used.
    expect(timelineGroupsJson(edited, keyOf, counting, { similarity: 0.2 })).toBe(JSON.stringify(buildTimeline(edited, { similarity: 0.2 }).groups));
  });
});
