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

describe('a title and one name ("Lord Coe", "Prince Charles")', () => {
  const people = (...list: string[]) => ({ people: list.map((n) => ref(n)), organisations: [] as EntityRef[], places: [] as EntityRef[] });
  it('is no full name that a surname resolves to, and is not resolved by its second word', () => {
    const out = canonicalizeArchive([people('Lord Coe'), people('Sebastian Coe'), people('Coe'), people('Lord Browne'), people('Des Browne')], { entities: [], ignore: [] });
    expect(out.map((a) => a.people.map((p) => p.name))).toEqual([['Lord Coe'], ['Sebastian Coe'], ['Sebastian Coe'], ['Lord Browne'], ['Des Browne']]);
  });
});

describe('organisations named in the singular and in the plural', () => {
  const orgs = (...names: string[]) => ({ people: [] as EntityRef[], organisations: names.map((n) => ref(n)), places: [] as EntityRef[] });
  const names = (out: Array<{ organisations: EntityRef[] }>) => out.map((a) => a.organisations.map((e) => e.name));

  it('are one body under the name most articles use, the other kept as an alias, whatever the order of the articles', () => {
    const input = [orgs('Liberal Democrats', 'Tories'), orgs('Liberal Democrat', 'Tory'), orgs('Liberal Democrats'), orgs('Tory', 'Tories', 'Lib Dem'), orgs('Lib Dems')];
    const out = canonicalizeArchive(input, { entities: [], ignore: [] });
    expect(names(out)).toEqual([['Liberal Democrats', 'Tories'], ['Liberal Democrats', 'Tories'], ['Liberal Democrats'], ['Tories', 'Lib Dems'], ['Lib Dems']]);
    // one entry for both spellings in one article, with both names and both counts
    expect(out[3].organisations[0]).toMatchObject({ name: 'Tories', aliases: ['Tory'], mentions: 2 });
    expect(out[1].organisations[0].aliases).toEqual(['Liberal Democrat']);
    const reversed = canonicalizeArchive([...input].reverse(), { entities: [], ignore: [] });
    expect(names(reversed).reverse()).toEqual(names(out));
  });

  it('leave one-word names ending in "s", acronyms and short words alone, and curated names', () => {
    const input = [orgs('Philips', 'HBOS', 'Lyons', 'News'), orgs('Philip', 'HBO', 'Lyon', 'New')];
    expect(names(canonicalizeArchive(input, { entities: [], ignore: [] }))).toEqual([['Philips', 'HBOS', 'Lyons', 'News'], ['Philip', 'HBO', 'Lyon', 'New']]);
    const curated = canonicalizeArchive([orgs('Liberal Democrats'), orgs('Liberal Democrat'), orgs('Liberal Democrats')], {
      entities: [{ name: 'Liberal Democrat', kind: 'organisations', aliases: [] }],
      ignore: [],
    });
    expect(names(curated)).toEqual([['Liberal Democrats'], ['Liberal Democrat'], ['Liberal Democrats']]);
  });
});

describe('an organisation named by its acronym or short name', () => {
  const orgs = (...list: Array<string | EntityRef>) => ({ people: [] as EntityRef[], organisations: list.map((n) => (typeof n === 'string' ? ref(n) : n)), places: [] as EntityRef[] });
  const names = (out: Array<{ organisations: EntityRef[] }>) => out.map((a) => a.organisations.map((e) => e.name));
  const eu = () => ref('European Union', { aliases: ['EU'] });

  it('is, in every article, the body whose name it stands for where two articles or more spell both out', () => {
    const input = [orgs(eu()), orgs('EU', 'NATO'), orgs(eu()), orgs(ref('Europe Union', { aliases: ['EU'] })), orgs('EU')];
    const out = canonicalizeArchive(input, { entities: [], ignore: [] });
    expect(names(out)).toEqual([['European Union'], ['European Union', 'NATO'], ['European Union'], ['Europe Union'], ['European Union']]);
    expect(out[1].organisations[0].aliases).toEqual(['EU']);
    expect(names(canonicalizeArchive([...input].reverse(), { entities: [], ignore: [] })).reverse()).toEqual(names(out));
  });

  it('and so is a short name that is the first word of a name such as "… Party"', () => {
    const labour = () => ref('Labour Party', { aliases: ['Labour'] });
    const out = canonicalizeArchive([orgs(labour()), orgs('Labour'), orgs(labour()), orgs('Labour', 'Labour Britain')], { entities: [], ignore: [] });
    expect(names(out)).toEqual([['Labour Party'], ['Labour Party'], ['Labour Party'], ['Labour Party', 'Labour Britain']]);
    // not the first word of any longer name: "Labour Britain" is no party's name
    const other = canonicalizeArchive([orgs(ref('Labour Britain', { aliases: ['Labour'] })), orgs(ref('Labour Britain', { aliases: ['Labour'] })), orgs('Labour')], { entities: [], ignore: [] });
    expect(names(other)).toEqual([['Labour Britain'], ['Labour Britain'], ['Labour']]);
  });

  it('stays as it is with one such article, with two names of as many, for an alias that is not its initials, and when curated', () => {
    const keep = (input: ReturnType<typeof orgs>[]) => expect(names(canonicalizeArchive(input, { entities: [], ignore: [] }))).toEqual(input.map((a) => a.organisations.map((e) => e.name)));
    keep([orgs(eu()), orgs('EU')]);
    keep([orgs(eu()), orgs(eu()), orgs(ref('Europe Union', { aliases: ['EU'] })), orgs(ref('Europe Union', { aliases: ['EU'] })), orgs('EU')]);
    keep([orgs(ref('Liberal Democrats', { aliases: ['LD'] })), orgs(ref('Lib Dems', { aliases: ['LD'] })), orgs('LD')]);
    // a curated acronym is the name the curation file gives, in every article
    const curated = canonicalizeArchive([orgs(eu()), orgs(eu()), orgs('EU')], { entities: [{ name: 'EU', kind: 'organisations', aliases: [] }], ignore: [] });
    expect(names(curated)).toEqual([['EU'], ['EU'], ['EU']]);
  });
});

describe('titles of works and products named as such in one article', () => {
  it('are no person, body or place in any article, unless the curation file names them', () => {
    const input = [
      { people: [ref('Imelda Staunton')], organisations: [], places: [] as EntityRef[], works: ['Vera Drake', 'Xbox'] },
      { people: [ref('Vera Drake'), ref('Mike Leigh')], organisations: [ref('Xbox'), ref('Microsoft')], places: [ref('Xbox'), ref('London')] },
    ];
    const out = canonicalizeArchive(input, { entities: [], ignore: [] });
    expect([out[1].people.map((e) => e.name), out[1].organisations.map((e) => e.name), out[1].places.map((e) => e.name)]).toEqual([['Mike Leigh'], ['Microsoft'], ['London']]);
    const curated = canonicalizeArchive(input, { entities: [{ name: 'Vera Drake', kind: 'people', aliases: [] }], ignore: [] });
    expect(curated[1].people.map((e) => e.name)).toEqual(['Vera Drake', 'Mike Leigh']);
  });
});

describe('a person\'s name of one word that the archive reads far more often as a body\'s', () => {
  const art = (people: string[], organisations: string[] = [], places: string[] = []) => ({ people: people.map((n) => ref(n)), organisations: organisations.map((n) => ref(n)), places: places.map((n) => ref(n)) });
  const kinds = (out: Array<{ people: EntityRef[]; organisations: EntityRef[]; places: EntityRef[] }>) => out.map((a) => [a.people.map((e) => e.name), a.organisations.map((e) => e.name), a.places.map((e) => e.name)]);
  const none = { entities: [], ignore: [] };

  it('is that body\'s in every article, whatever the order of the articles', () => {
    const input = [art(['Sophos']), art([], ['Sophos']), art(['Graham Cluley'], ['Sophos']), art([], ['Sophos', 'Microsoft']), art(['Sophos', 'Bill Gates'], ['Microsoft']), art([], ['Sophos'])];
    const out = canonicalizeArchive(input, none);
    expect(kinds(out)).toEqual([[[], ['Sophos'], []], [[], ['Sophos'], []], [['Graham Cluley'], ['Sophos'], []], [[], ['Sophos', 'Microsoft'], []], [['Bill Gates'], ['Microsoft', 'Sophos'], []], [[], ['Sophos'], []]]);
    expect(kinds(canonicalizeArchive([...input].reverse(), none)).reverse()).toEqual(kinds(out));
  });

  it('is left as it is when fewer articles read it so, when it is someone\'s name, a given name, read as a place more often, or curated', () => {
    const cases: Array<Array<ReturnType<typeof art>>> = [
      // two articles only, or not twice as many as read it as a person's
      [art(['Netcraft']), art([], ['Netcraft']), art([], ['Netcraft'])],
      [art(['Gartner']), art(['Gartner']), art([], ['Gartner']), art([], ['Gartner']), art([], ['Gartner'])],
      // a known person's surname (resolved to the full name instead), or first name
      [art(['Wenger', 'Arsene']), art(['Arsene Wenger']), art([], ['Arsene']), art([], ['Arsene']), art([], ['Arsene'])],
      // a given name ("Jordan" the team, "Jordan" the person)
      [art(['Jordan']), art([], ['Jordan']), art([], ['Jordan']), art([], ['Jordan'])],
      // read as a place by more
      [art(['Hollywood']), art([], ['Hollywood'], ['Hollywood']), art([], ['Hollywood'], ['Hollywood']), art([], ['Hollywood'], ['Hollywood']), art([], [], ['Hollywood'])],
    ];
    for (const input of cases) {
      const out = kinds(canonicalizeArchive(input, none));
      expect(out[0][0]).toEqual(input[0].people.map((p) => (p.name === 'Wenger' ? 'Arsene Wenger' : p.name)));
    }
    const curated = canonicalizeArchive([art(['Sophos']), art([], ['Sophos']), art([], ['Sophos']), art([], ['Sophos'])], { entities: [{ name: 'Sophos', kind: 'people', aliases: [] }], ignore: [] });
    expect(curated[0].people.map((p) => p.name)).toEqual(['Sophos']);
  });
});

describe('a place\'s name that no gazetteer knows and that the archive reads far more often as a body\'s', () => {
  const art = (organisations: string[], places: string[]) => ({ people: [] as EntityRef[], organisations: organisations.map((n) => ref(n)), places: places.map((n) => ref(n)) });
  const kinds = (out: Array<{ organisations: EntityRef[]; places: EntityRef[] }>) => out.map((a) => [a.organisations.map((e) => e.name), a.places.map((e) => e.name)]);
  const none = { entities: [], ignore: [] };
  const bodies = (name: string, n: number) => Array.from({ length: n }, () => art([name], []));

  it('is that body\'s in every article', () => {
    const input = [art([], ['BitTorrent', 'Paris']), ...bodies('BitTorrent', 5)];
    expect(kinds(canonicalizeArchive(input, none))[0]).toEqual([['BitTorrent'], ['Paris']]);
  });
  it('is left as it is when it is a place a gazetteer knows, an abbreviation, read so by fewer than five articles or fewer than twice as many', () => {
    for (const input of [
      [art([], ['Barcelona']), ...bodies('Barcelona', 6)],
      [art([], ['LA']), ...bodies('LA', 6)],
      [art([], ['Staffordshire']), ...bodies('Staffordshire', 4)],
      [art([], ['Veritas']), art([], ['Veritas']), art([], ['Veritas']), ...bodies('Veritas', 5)],
    ]) {
      expect(kinds(canonicalizeArchive(input, none))[0][1]).toEqual(input[0].places.map((p) => p.name));
    }
  });
});
