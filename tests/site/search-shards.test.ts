import { describe, expect, it } from 'vitest';
import { searchShardPlan, QUARTER_SPLIT } from '../../src/site/search-shards.ts';

const day = (y: number, m: number, d = 1) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('searchShardPlan', () => {
  it('puts each year in one shard and undated articles in their own, in the order given', () => {
    const plan = searchShardPlan([
      { id: 'c', date: '2024-12-31' },
      { id: 'x' },
      { id: 'b', date: '2023-01-05' },
      { id: 'a', date: '2024-01-01' },
    ]);
    expect([...plan]).toEqual([
      ['2024', ['c', 'a']],
      ['undated', ['x']],
      ['2023', ['b']],
    ]);
  });

  it('splits a busy year into quarters and leaves quiet years whole', () => {
    const busy = Array.from({ length: 12 }, (_, i) => ({ id: `b${i + 1}`, date: day(2020, i + 1) }));
    const quiet = [{ id: 'q1', date: day(2019, 2) }, { id: 'q2', date: day(2019, 11) }];
    const plan = searchShardPlan([...busy, ...quiet], 3);
    expect([...plan]).toEqual([
      ['2020-q1', ['b1', 'b2', 'b3']],
      ['2020-q2', ['b4', 'b5', 'b6']],
      ['2020-q3', ['b7', 'b8', 'b9']],
      ['2020-q4', ['b10', 'b11', 'b12']],
      ['2019', ['q1', 'q2']],
    ]);
  });

  it('splits at the threshold exactly: QUARTER_SPLIT articles stay one shard, one more splits the year', () => {
    const year = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}`, date: day(2021, (i % 12) + 1) }));
    expect([...searchShardPlan(year(QUARTER_SPLIT)).keys()]).toEqual(['2021']);
    expect([...searchShardPlan(year(QUARTER_SPLIT + 1)).keys()].sort()).toEqual(['2021-q1', '2021-q2', '2021-q3', '2021-q4']);
  });

  it('assigns every article to exactly one shard', () => {
    const articles = Array.from({ length: 500 }, (_, i) => ({ id: `a${i}`, ...(i % 7 ? { date: day(2000 + (i % 5), (i % 12) + 1, (i % 28) + 1) } : {}) }));
    const ids = [...searchShardPlan(articles, 50).values()].flat().sort();
    expect(ids).toEqual(articles.map((a) => a.id).sort());
  });
});
