import { describe, expect, it } from 'vitest';
import { citiesAmong, isCity } from '../../src/lexicon/cities.ts';

describe('citiesAmong', () => {
  it('finds the same cities as isCity, from the table file before its index is built and from the index after', () => {
    const names = ['Paris', 'PARIS', 'São Paulo', 'Sao Paulo', 'The Hague', 'Manchester United', 'Google', 'Jupiter', 'Paramount', 'Staffordshire', 'Wal-Mart', "Martha's Vineyard", 'a.b', '(x|y)', 'Zürich', 'Reykjavík', 'Abramovich', '', 'Rio de Janeiro'];
    const before = citiesAmong(names); // this file's first use of the table: the index is not built
    const reference = new Set(names.filter((n) => isCity(n))); // builds it
    expect([...before].sort()).toEqual([...reference].sort());
    expect(before.has('São Paulo') && before.has('PARIS') && !before.has('Google')).toBe(true);
    expect([...citiesAmong(names)].sort()).toEqual([...reference].sort());
  });
});
