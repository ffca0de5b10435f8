import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalizeArchive, nameKey } from '../../src/curation/apply.ts';
import type { EntityRef } from '../../src/types.ts';
import { slugify } from '../../src/slug.ts';

/** nameKey as first written: the reference its one-pass ASCII form must equal. */
const LATIN_FOLD: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ħ: 'h', ŧ: 't', ŋ: 'n' };
const reference = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłøđßæœþðħŧŋ]/g, (c) => LATIN_FOLD[c])
    .replace(/[.’'`ʼ‘]/g, '')
    .replace(/[\s\-‐-―_]+/g, ' ')
    .trim();

describe('nameKey', () => {
  it('equals the general form on any text, ASCII or not', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...' .-_\'`aBzZ09!~,'.split('')), maxLength: 12 });
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), (s) => {
      expect(nameKey(s)).toBe(reference(s));
    }), { numRuns: 5000 });
    for (const s of ['  Erdoğan ', 'ERDOGAN', "O'Neill", 'Jean-Luc  Picard_', 'U.S.', '-x-', '', ' . ', 'Işık', 'a\tb']) expect(nameKey(s)).toBe(reference(s));
  });
});

const ref = (name: string, extra: Partial<EntityRef> = {}): EntityRef => ({ name, slug: slugify(name), mentions: 1, ...extra });

describe('canonicalizeArchive without a curation file', () => {
  it('does not change its input, and gives each article new lists', () => {
    const input = [
      { people: [ref('Sergei Lavrov'), ref('Lavrov')], organisations: [ref('TASS')], places: [] as EntityRef[] },
      { people: [ref('Lavrov')], organisations: [], places: [ref('Moscow'), ref('MOSCOW')] },
    ];
    const before = JSON.stringify(input);
    const out = canonicalizeArchive(input, { entities: [], ignore: [] });
    expect(JSON.stringify(input)).toBe(before);
    for (let i = 0; i < input.length; i++) for (const k of ['people', 'organisations', 'places'] as const) expect(out[i][k]).not.toBe(input[i][k]);
    expect(out[0].people.map((p) => [p.name, p.mentions])).toEqual([['Sergei Lavrov', 2]]);
    expect(out[1].people.map((p) => p.name)).toEqual(['Sergei Lavrov']);
    expect(out[1].places).toHaveLength(1);
  });
});
