import { describe, expect, it } from 'vitest';
import { buildTimeline, entityEvents, eventDateLabel, jaccard, contentWords } from '../../src/analysis/timeline.ts';
import { article, ref } from './fixtures.ts';
import { BBC, CONLL_DEV, haveCorpus, naiveArticles } from './corpus.ts';

const putin = ref('Vladimir Putin');
const trump = ref('Donald Trump');
const a1 = article('2025/02/talks', '2025-02-27', {
  people: [putin, trump],
  places: [ref('Saudi Arabia')],
  events: [
    { date: '2025-02-12', precision: 'day', text: 'a phone call between Trump and President Vladimir Putin on February 12', paragraph: 3 },
    { date: '2025-02-18', precision: 'day', text: 'a high-level diplomatic meeting in Saudi Arabia six days later', paragraph: 3 },
    { date: '2025-01', precision: 'month', text: 'since taking office last month', paragraph: 2 },
    { date: '2024', precision: 'year', text: 'Last year, the Kremlin described relations as below zero', paragraph: 1 },
  ],
});
const a2 = article('2025/02/call', '2025-02-13', {
  people: [ref('Vladimir Putin'), ref('Donald Trump')],
  events: [{ date: '2025-02-12', precision: 'day', text: 'Putin and Trump spoke by phone on Wednesday', paragraph: 0 }],
});
const a3 = article('2025/03/other', '2025-03-02', {
  people: [ref('Keir Starmer')],
  events: [{ date: '2025-02-12', precision: 'day', text: 'Starmer visited a factory on February 12', paragraph: 0 }],
});

describe('buildTimeline', () => {
  const t = buildTimeline([a1, a2, a3]);

  it('orders events newest first and groups them by month, year-only dates after the year’s months', () => {
    expect(t.events.map((e) => e.date)).toEqual(['2025-02-18', '2025-02-12', '2025-02-12', '2025-01', '2024']);
    expect(t.groups.map((g) => [g.key, g.label])).toEqual([
      ['2025-02', 'February 2025'],
      ['2025-01', 'January 2025'],
      ['2024', '2024 (month unknown)'],
    ]);
  });

  it('links each event to the entities its clause names (names, aliases, surnames)', () => {
    const call = t.events.find((e) => e.text.includes('phone call'))!;
    expect(call.entities.map((k) => k.slug).sort()).toEqual(['donald-trump', 'vladimir-putin']);
    expect(t.events.find((e) => e.text.includes('Saudi'))!.entities).toEqual([{ kind: 'places', slug: 'saudi-arabia', name: 'Saudi Arabia' }]);
  });

  it('merges the same event dated the same way by two articles, keeping both sources', () => {
    const call = t.events.find((e) => e.text.includes('phone call'))!;
    expect(call.sources.map((s) => s.articleId)).toEqual(['2025/02/talks', '2025/02/call']);
    // a different event on the same day stays separate
    expect(t.events.filter((e) => e.date === '2025-02-12')).toHaveLength(2);
  });

  it('merges very similar clauses even without entities', () => {
    const x = article('x', '2025-01-02', { events: [{ date: '2025-01-01', precision: 'day', text: 'the new year fireworks display was cancelled', paragraph: 0 }] });
    const y = article('y', '2025-01-03', { events: [{ date: '2025-01-01', precision: 'day', text: 'the fireworks display was cancelled on new year', paragraph: 0 }] });
    expect(buildTimeline([x, y]).events).toHaveLength(1);
  });

  it('lists events per entity', () => {
    expect(entityEvents(t, 'people', 'vladimir-putin').map((e) => e.date)).toEqual(['2025-02-12']);
    expect(entityEvents(t, 'people', 'nobody')).toEqual([]);
  });

  it('labels dates at their precision', () => {
    expect([eventDateLabel('2025-02-07'), eventDateLabel('2025-02'), eventDateLabel('2025')]).toEqual(['7 February 2025', 'February 2025', '2025']);
  });

  it('is deterministic whatever the input order', () => {
    expect(buildTimeline([a3, a2, a1])).toEqual(t);
  });

  it('jaccard of content words', () => {
    expect(jaccard(contentWords('the talks began'), contentWords('talks began today'))).toBeCloseTo(2 / 3);
  });
});

describe.runIf(haveCorpus(CONLL_DEV))('timeline on CoNLL dev (naive entities, real events)', () => {
  it('is sorted, grouped consistently, and every source is a real article', () => {
    const arts = naiveArticles(CONLL_DEV);
    const ids = new Set(arts.map((a) => a.id));
    const t = buildTimeline(arts);
    const total = arts.reduce((n, a) => n + a.events.length, 0);
    expect(t.events.length).toBeGreaterThan(100);
    expect(t.events.length).toBeLessThanOrEqual(total);
    for (let i = 1; i < t.events.length; i++) expect(t.events[i - 1].date >= t.events[i].date).toBe(true);
    expect(t.groups.flatMap((g) => g.events)).toEqual(t.events);
    for (const g of t.groups) for (const e of g.events) expect(e.date.startsWith(g.key)).toBe(true);
    for (const e of t.events) {
      expect(e.sources.length).toBeGreaterThan(0);
      for (const s of e.sources) expect(ids.has(s.articleId)).toBe(true);
      expect(new Set(e.sources.map((s) => s.articleId)).size).toBe(e.sources.length);
    }
    // Reuters stories of Aug–Dec 1996: most dated events fall in 1996.
    expect(t.events.filter((e) => e.date.startsWith('1996')).length / t.events.length).toBeGreaterThan(0.6);
  });
});

describe.runIf(haveCorpus(CONLL_DEV) && haveCorpus(BBC))('merging through the word index', () => {
  it('equals comparing every event of the date in turn, at any threshold', () => {
    const arts = [...naiveArticles(CONLL_DEV, 300), ...naiveArticles(BBC, 300)];
    for (const similarity of [0.5, 0.2, 0.8, 1]) {
      expect(buildTimeline(arts, { similarity }).groups).toEqual(buildTimeline(arts, { similarity, exhaustive: true }).groups);
    }
  });
});
