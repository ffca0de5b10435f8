// The archive index: pure, computed once; related articles, neighbours, co-mentions, timelines, year counts.
import { describe, expect, it } from 'vitest';
import { buildArchiveIndex, roleText, timeline } from '../../src/site/archive-index.ts';
import { makeSiteContext, paginate } from '../../src/site/context.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import type { Article, EntityRef } from '../../src/types.ts';
import { buckets, mentionChart } from '../../layouts/chart.ts';
import { letterOf } from '../../layouts/lists.ts';
import { documentTitle } from '../../layouts/base.ts';
import { pager } from '../../layouts/parts.ts';

const ref = (name: string, extra: Partial<EntityRef> = {}): EntityRef => ({ name, slug: name.toLowerCase().replace(/\W+/g, '-'), mentions: 1, ...extra });
function art(id: string, date: string | undefined, people: string[], places: string[] = []): Article {
  return {
    id, title: `T ${id}`, titleSource: 'headline', ...(date ? { date } : {}),
    people: people.map((p) => ref(p)), organisations: [], places: places.map((p) => ref(p)),
    events: [], quotes: [], source: `${id}.txt`, paragraphs: ['One two three four.', 'Five six.'],
  };
}

const articles = [
  art('a', '2024-01-05', ['Ann', 'Bob'], ['Rome']),
  art('b', '2024-02-10', ['Ann', 'Bob', 'Cy'], ['Rome']),
  art('c', '2024-02-20', ['Cy']),
  art('d', undefined, ['Ann']),
  art('e', undefined, ['Dee']),
];
const index = buildArchiveIndex(articles, new Map([['people:Ann', 'A person.']]));

describe('buildArchiveIndex', () => {
  it('orders articles newest first, undated last, and counts words', () => {
    expect(index.articles.map((a) => a.id)).toEqual(['c', 'b', 'a', 'd', 'e']);
    expect(index.articles[0].words).toBe(6);
  });

  it('chains previous and next by date, and undated articles among themselves', () => {
    const by = new Map(index.articles.map((a) => [a.id, a]));
    expect(by.get('b')).toMatchObject({ prev: 'a', next: 'c' });
    expect(by.get('a')!.prev).toBeUndefined();
    expect(by.get('c')!.next).toBeUndefined();
    expect(by.get('d')!.prev).toBe('e');
    expect(by.get('d')!.next).toBeUndefined();
  });

  it('relates articles sharing the most entities first', () => {
    const by = new Map(index.articles.map((a) => [a.id, a]));
    expect(by.get('a')!.related[0]).toBe('b');
    expect(by.get('e')!.related).toEqual([]);
  });

  it('counts co-mentions, timelines, years and the curated description', () => {
    const ann = index.people.find((p) => p.slug === 'ann')!;
    expect(ann.description).toBe('A person.');
    expect(ann.with[0]).toEqual({ kind: 'people', slug: 'bob', count: 2 });
    expect(ann.with).toContainEqual({ kind: 'places', slug: 'rome', count: 2 });
    expect(ann.timeline).toEqual([['2024-01', 1], ['2024-02', 1]]);
    expect(ann).toMatchObject({ firstDate: '2024-01-05', lastDate: '2024-02-10' });
    expect(index.years).toEqual([{ year: '2024', count: 3, months: [{ month: '2024-01', count: 1 }, { month: '2024-02', count: 2 }] }]);
    expect(index.undated).toBe(2);
  });

  it('does not change its input', () => {
    const copy = structuredClone(articles);
    buildArchiveIndex(articles);
    expect(articles).toEqual(copy);
  });
});

describe('site context and layout helpers', () => {
  const ctx = makeSiteContext({ settings: DEFAULT_SETTINGS, index }, '/sub/');

  it('precomputes entity pages, months and prefixed URLs', () => {
    expect(ctx.entityPages.people.map((p) => `${p.entity.slug}:${p.page}/${p.pages}`)).toContain('ann:1/1');
    expect(ctx.months.map((m) => m.month)).toEqual(['2024-02', '2024-01']);
    expect(ctx.url('/people/')).toBe('/sub/people/');
    expect(ctx.byMentions.people[0].slug).toBe('ann');
  });

  it('paginates', () => {
    expect(paginate([1, 2, 3], 2).map((p) => p.items)).toEqual([[1, 2], [3]]);
    expect(paginate([], 2)).toEqual([{ items: [], page: 1, pages: 1 }]);
  });

  it('pages links with a window and marks the current page', () => {
    const html = pager(ctx, '/people/x/', 5, 20, 'Pages');
    expect(html).toContain('href="/sub/people/x/"');
    expect(html).toContain('href="/sub/people/x/page/20/"');
    expect(html).toContain('aria-current="page">5<');
    expect(html).not.toContain('page/10/');
  });

  it('fills chart buckets by month, or by year over long spans', () => {
    expect(buckets([['2024-01', 2], ['2024-03', 1]]).map((b) => b.count)).toEqual([2, 0, 1]);
    expect(buckets([['2000-01', 1], ['2010-06', 1]])).toHaveLength(11);
    expect(mentionChart('Ann <b>', timeline(['2024-01-01']))).toContain('Mentions of Ann &lt;b&gt; over time');
    expect(mentionChart('X', [])).toBe('');
  });

  it('files names under letters, folding accents', () => {
    expect(['Ödön', 'émile', '習近平', '3M'].map(letterOf)).toEqual(['O', 'E', '#', '#']);
  });

  it('keeps document titles short without cutting words', () => {
    expect(documentTitle('Short', 'Site')).toBe('Short · Site');
    const long = documentTitle('word '.repeat(30).trim(), 'Site');
    expect(long.length).toBeLessThanOrEqual(70);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('joins a role with its organisation once', () => {
    expect(roleText('spokesperson', 'Kremlin')).toBe('spokesperson, Kremlin');
    expect(roleText('Kremlin spokesperson', 'Kremlin')).toBe('Kremlin spokesperson');
    expect(roleText(undefined, 'Kremlin')).toBeUndefined();
  });
});
