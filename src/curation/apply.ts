// Archive-wide canonical names: curation first, then surname resolution.
import type { Article, EntityKind, EntityRef, Entities } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import type { Curation, CuratedEntity } from './curation.ts';
import { createHash } from 'node:crypto';
import { slugify } from '../slug.ts';
import { firstNames } from '../lexicon/names.ts';
import { citiesAmong } from '../lexicon/cities.ts';
import { countryNames } from '../lexicon/countries.ts';
import { fold } from '../lexicon/fold.ts';
import { REGIONS, nameTitle } from '../ner/lexicon.ts';

/** Latin letters that do not decompose into a base letter and a mark. */
const LATIN_FOLD: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ħ: 'h', ŧ: 't', ŋ: 'n' };

/**
 * Identity of a name across the archive: case, diacritics, Turkish/Nordic/Polish letters, apostrophes,
 * dots and hyphens do not matter ("Erdoğan" = "ERDOGAN", "Işık" = "Isik"); scripts do ("李伟" ≠ "李薇").
 */
export const nameKey = (s: string): string => (isPrintableAscii(s) ? asciiNameKey(s) : unicodeNameKey(s));

const unicodeNameKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłøđßæœþðħŧŋ]/g, (c) => LATIN_FOLD[c])
    .replace(/[.’'`ʼ‘]/g, '')
    .replace(/[\s\-‐-―_]+/g, ' ')
    .trim();
function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/**
 * nameKey of a printable ASCII name, by one pass instead of six: decomposition and marks change nothing there,
 * letters are lower-cased, `.`, `'` and `` ` `` dropped, and runs of spaces, hyphens and underscores become one
 * space, none at either end (equal to the general form; tested).
 */
function asciiNameKey(s: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 39 || c === 96) continue; // . ' `
    if (c === 32 || c === 45 || c === 95) {
      gap = true; // space - _
      continue;
    }
    if (gap && out) out += ' ';
    gap = false;
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

/** nameKey, remembered: the same names come up in many articles and several passes. Pure, so sharing is safe. */
const keyMemo = new Map<string, string>();
const key = (s: string): string => {
  let k = keyMemo.get(s);
  if (k === undefined) {
    if (keyMemo.size >= 200_000) keyMemo.clear();
    keyMemo.set(s, (k = nameKey(s)));
  }
  return k;
};

/**
 * Apply the curation file and archive-wide name resolution to every article's entities.
 * Pure: returns new entity lists; input articles are not changed.
 * - a name or alias listed in the curation file becomes its canonical name and type;
 * - an ignored name is dropped, and so is a name another article gives as a title of a work or product;
 * - a one-word person name resolves to the archive's full name when exactly one known person has that surname;
 * - a one-word person name that is no known person's, or a place name that is no known place, that the archive
 *   reads far more often as a body's is that body's;
 * - an organisation's singular and plural names are one body (see mergeNumberVariants).
 */
export function canonicalizeArchive<A extends Pick<Article, EntityKind | 'works'>>(articles: A[], curation: Curation): A[] {
  const curated = new Map<string, CuratedEntity>();
  for (const c of curation.entities) for (const n of [c.name, ...c.aliases]) curated.set(key(n), c);
  const ignored = new Set(curation.ignore.map(key));
  // A title of a work or a product that some article names as such ("the film Vera Drake", "the Xbox console") is
  // no person, body or place in any article, unless the curation file says it is one.
  const titles = new Set<string>();
  for (const a of articles) for (const w of a.works ?? []) if (!curated.has(key(w))) titles.add(key(w));

  // Pass 1: curation and titles (nothing to do without either: the lists are taken as they are, not copied).
  const stage1: Entities[] = articles.map((a) => {
    if (!curated.size && !ignored.size && !titles.size) return { people: a.people, organisations: a.organisations, places: a.places };
    const out: Entities = { people: [], organisations: [], places: [] };
    for (const kind of ENTITY_KINDS) {
      for (const e of a[kind]) {
        const names = [e.name, ...(e.aliases ?? [])];
        if (names.some((n) => ignored.has(key(n)))) continue;
        if (titles.has(key(e.name))) continue; // (a place the gazetteer knows is never one: src/ner/mentions.ts)
        const c = names.map((n) => curated.get(key(n))).find(Boolean);
        if (c) out[c.kind].push(rename(e, c.name));
        else out[kind].push(e);
      }
    }
    return out;
  });

  // Pass 2: surname → unique full name across the archive.
  // Surname key → the one full name carrying it, or null when several do.
  const bySurname = new Map<string, string | null>();
  for (const ents of stage1) {
    for (const p of ents.people) {
      const parts = p.name.split(/\s+/);
      // (a title and one name is no full name: "Lord Coe" leaves "Coe" to Sebastian Coe; nor is it resolved by its
      // second word, a royal's given name or a peer's own title: "Lord Browne" is not Des Browne)
      if (parts.length < 2 || nameTitle(p.name) !== undefined) continue;
      const sur = key(parts[parts.length - 1]);
      const known = bySurname.get(sur);
      if (known === undefined) bySurname.set(sur, p.name);
      else if (known !== null && known !== p.name) bySurname.set(sur, null);
    }
  }
  const curatedNames = new Set(curation.entities.map((c) => c.name));
  const stage2 = stage1.map((ents) => {
    if (!ents.people.some((p) => !p.name.includes(' '))) return ents;
    const people = ents.people.map((p) => {
      if (p.name.includes(' ') || curatedNames.has(p.name)) return p;
      const full = bySurname.get(key(p.name));
      return full ? rename(p, full) : p;
    });
    return { ...ents, people };
  });

  // Pass 2b: a person's name of one word that names no known person (pass 2 left it as it was), or a place's name
  // that names no place the gazetteers know, that the archive reads as a body's far more often is that body's.
  const stage2b = bodiesMisread(stage2, bySurname, curatedNames);

  // Pass 3: an organisation named in the singular in some articles and in the plural in others is one body.
  const stage3 = mergeNumberVariants(stage2b, curatedNames);

  // Pass 3b: an acronym or a short name is, in every article, the body whose name it stands for where the archive
  // names both.
  const stage3b = acronymsNamed(stage3, curatedNames);

  // Pass 4: different entities whose slugs collide get distinct slugs; then one entry per slug per article.
  const slugs = distinctSlugs(stage3b);
  return articles.map((a, i) => {
    const merged = {} as Entities;
    for (const kind of ENTITY_KINDS) merged[kind] = mergeSameSlug(slugs(kind, stage3b[i][kind]));
    return { ...a, ...merged };
  });
}

/** Fewest articles reading a name as a body's, and how many times more than as a person's or place's (bodiesMisread). */
const BODY_VOTE_MIN = 3;
const BODY_VOTE_RATIO = 2;
/** Fewest for a place's name: the gazetteers know no counties or hemispheres, and three or four articles read "Staffordshire" or "Northern Hemisphere" as a body. */
const PLACE_VOTE_MIN = 5;

/**
 * Names the tagger reads as a person's or a place's in some articles that the archive reads as a body's far more often
 * are that body's in every article (curated names are left as they are). Pure and independent of the articles' order.
 * - A person's name of one word that no known person carries (as a surname: `bySurname`; as a first name: "Arsene"
 *   beside "Arsene Wenger") and no given name, read as an organisation's by at least BODY_VOTE_MIN articles, at least
 *   BODY_VOTE_RATIO times as many as read it as a person's and no fewer than read it as a place's ("BT said", "Sophos
 *   said", "Google has": the tagger reads a company that speaks as a person; not to a place, which the tagger gives
 *   companies too: "Wal-Mart", "Sega").
 * - A place's name that is no country, region or city the gazetteers know and no abbreviation of two letters ("LA"),
 *   read as an organisation's by at least PLACE_VOTE_MIN articles and BODY_VOTE_RATIO times as many as read it as a
 *   place's ("Manchester United", "MTV"). A place the gazetteers know stays one wherever it is read so ("Barcelona",
 *   "Leeds": a city in some articles, a club in others).
 * Counts are of the articles as extracted (before either move).
 */
function bodiesMisread(all: Entities[], bySurname: Map<string, string | null>, curatedNames: Set<string>): Entities[] {
  // Articles naming each name as written (counted once per article: `last` is the last article counted), then summed
  // by key over the distinct names (nameKey once per name, not per mention: tens of thousands of articles).
  type Count = { n: number; last: number };
  const bump = (m: Map<string, Count>, name: string, i: number) => {
    const c = m.get(name);
    if (!c) m.set(name, { n: 1, last: i });
    else if (c.last !== i) {
      c.n++;
      c.last = i;
    }
  };
  const bodyNames = new Map<string, Count>();
  const placeNames = new Map<string, Count>();
  const personNames = new Map<string, Count>();
  const fullNames = new Set<string>();
  all.forEach((ents, i) => {
    for (const o of ents.organisations) bump(bodyNames, o.name, i);
    for (const p of ents.places) bump(placeNames, p.name, i);
    for (const p of ents.people) (p.name.includes(' ') ? fullNames.add(p.name) : bump(personNames, p.name, i));
  });
  const byKey = (names: Map<string, Count>) => {
    const m = new Map<string, number>();
    for (const [name, c] of names) m.set(key(name), (m.get(key(name)) ?? 0) + c.n);
    return m;
  };
  const asBody = byKey(bodyNames);
  const asPlace = byKey(placeNames);
  const asPerson = byKey(personNames);
  const firstOfFull = new Set([...fullNames].map((n) => key(n.slice(0, n.indexOf(' ')))));
  let given: ReadonlySet<string> | undefined;
  /** The names as written that move, people's and places'. */
  const movedPeople = new Set<string>();
  const movedPlaces = new Set<string>();
  for (const name of personNames.keys()) {
    const k = key(name);
    const b = asBody.get(k) ?? 0;
    if (b >= BODY_VOTE_MIN && b >= BODY_VOTE_RATIO * asPerson.get(k)! && b >= (asPlace.get(k) ?? 0) && !bySurname.has(k) && !firstOfFull.has(k) && !(given ??= firstNames()).has(k) && !curatedNames.has(name)) movedPeople.add(name);
  }
  const placeCandidates: string[] = [];
  for (const name of placeNames.keys()) {
    const k = key(name);
    const b = asBody.get(k) ?? 0;
    if (b >= PLACE_VOTE_MIN && b >= BODY_VOTE_RATIO * asPlace.get(k)! && name.length > 2 && !curatedNames.has(name)) placeCandidates.push(name);
  }
  const known = knownPlaces(placeCandidates);
  for (const name of placeCandidates) if (!known.has(name)) movedPlaces.add(name);
  if (!movedPeople.size && !movedPlaces.size) return all;
  return all.map((ents) => {
    const person = movedPeople.size ? ents.people.filter((p) => movedPeople.has(p.name)) : [];
    const place = movedPlaces.size ? ents.places.filter((p) => movedPlaces.has(p.name)) : [];
    if (!person.length && !place.length) return ents;
    return {
      people: person.length ? ents.people.filter((p) => !person.includes(p)) : ents.people,
      organisations: [...ents.organisations, ...person, ...place],
      places: place.length ? ents.places.filter((p) => !place.includes(p)) : ents.places,
    };
  });
}

let regionSet: Set<string> | undefined;
/** Which of these names are countries, regions or cities the gazetteers know (few names: see citiesAmong). */
function knownPlaces(names: string[]): Set<string> {
  if (!names.length) return new Set();
  regionSet ??= new Set(REGIONS.map((r) => fold(r)));
  const rest = names.filter((n) => !regionSet!.has(fold(n)) && !countryNames().has(fold(n)));
  const cities = citiesAmong(rest);
  return new Set(names.filter((n) => !rest.includes(n) || cities.has(n)));
}

/**
 * The singular of an organisation's name as far as its number goes, or undefined when its number cannot be told
 * apart from its name: the last word of a name of several words loses its plural ending ("Liberal Democrats",
 * "All Blacks", "United Nations", "Lib Dems"), and a one-word name only the "-ies" plural ("Tories" → "Tory"): a
 * one-word name ending in "s" is as often a name of its own ("Philips", "Barclays", "HBOS", "Lyons"). Acronyms and
 * words of three letters or fewer keep their ending.
 */
export function singularName(name: string): string | undefined {
  const at = name.lastIndexOf(' ') + 1;
  const last = name.slice(at);
  if (last.length < 4 || !/^\p{Lu}\p{Ll}+$/u.test(last)) return undefined;
  if (last.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (at === 0 || !last.endsWith('s') || /(?:ss|us|is)$/.test(last)) return undefined;
  return name.slice(0, -1);
}

/**
 * Organisations whose names differ only in number across the archive ("Liberal Democrat" / "Liberal Democrats",
 * "Tory" / "Tories": the adjective in one article, the party in another) become one, under the name most articles
 * use (then the longer, then the first in code-point order), the other kept as an alias. Curated names are left as
 * they are. Pure and independent of the articles' order.
 */
function mergeNumberVariants(all: Entities[], curatedNames: Set<string>): Entities[] {
  // Singular key → name key → [a name spelled so, articles using it].
  const groups = new Map<string, Map<string, [string, number]>>();
  for (const ents of all) {
    const seen = new Set<string>();
    for (const e of ents.organisations) {
      if (curatedNames.has(e.name)) continue;
      const k = key(e.name);
      if (seen.has(k)) continue;
      seen.add(k);
      const sing = singularName(e.name);
      const g = key(sing ?? e.name);
      let m = groups.get(g);
      if (!m) groups.set(g, (m = new Map()));
      const had = m.get(k);
      m.set(k, [had ? (e.name < had[0] ? e.name : had[0]) : e.name, (had?.[1] ?? 0) + 1]);
    }
  }
  const renamed = new Map<string, string>();
  for (const m of groups.values()) {
    if (m.size < 2) continue;
    const [best] = [...m.values()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    for (const k of m.keys()) if (k !== key(best[0])) renamed.set(k, best[0]);
  }
  if (!renamed.size) return all;
  return all.map((ents) => {
    if (!ents.organisations.some((e) => renamed.has(key(e.name)))) return ents;
    return { ...ents, organisations: ents.organisations.map((e) => (renamed.has(key(e.name)) && !curatedNames.has(e.name) ? rename(e, renamed.get(key(e.name))!) : e)) };
  });
}

/** An organisation's acronym: two to six capital letters ("EU", "IAAF"). */
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** The initials of a name's capitalised words ("International Association of Athletics Federations" → "IAAF"). */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** Last words that make a body's name from its short name ("Labour" → "Labour Party"). */
const NAME_ENDS = new Set(['party', 'group', 'corporation', 'corp', 'company', 'inc', 'plc', 'ltd', 'holdings']);

/**
 * Whether `short` is a short name of `full`: its acronym ("EU" for "European Union", "IAAF" for "International
 * Association of Athletics Federations"), or its first word where the rest is a word such as "Party" or "Group"
 * ("Labour" for "Labour Party").
 */
function standsFor(short: string, full: string): boolean {
  if (ACRONYM.test(short)) return initialsOf(full) === short;
  const sp = full.lastIndexOf(' ');
  return sp > 0 && full.slice(0, sp) === short && !short.includes(' ') && NAME_ENDS.has(full.slice(sp + 1).toLowerCase());
}

/**
 * An organisation named by its acronym or short name in some articles ("EU", "UN", "CBI", "Labour") is, in every
 * article, the one whose name it stands for (standsFor), when articles that name both make it an alias of that name
 * (the article's extraction joins "EU" to "European Union", "Labour" to "Labour Party", when it names both): the name
 * of which it is an alias in the most articles, at least two, more than any other it stands for ("European Union"
 * 26, "Europe Union" 1). Names the curation file lists are left as they are. Pure and independent of the articles'
 * order.
 */
function acronymsNamed(all: Entities[], curatedNames: Set<string>): Entities[] {
  // Acronym → full name → articles where the acronym is an alias of that name.
  const evidence = new Map<string, Map<string, number>>();
  for (const ents of all) {
    for (const e of ents.organisations) {
      for (const a of e.aliases ?? []) {
        if (a === e.name || !standsFor(a, e.name)) continue;
        let m = evidence.get(a);
        if (!m) evidence.set(a, (m = new Map()));
        m.set(e.name, (m.get(e.name) ?? 0) + 1);
      }
    }
  }
  const named = new Map<string, string>();
  for (const [a, m] of evidence) {
    const [best, second] = [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    if (best[1] >= 2 && (!second || best[1] > second[1]) && !curatedNames.has(a)) named.set(a, best[0]);
  }
  if (!named.size) return all;
  return all.map((ents) => {
    if (!ents.organisations.some((e) => named.has(e.name))) return ents;
    return { ...ents, organisations: ents.organisations.map((e) => (named.has(e.name) ? rename(e, named.get(e.name)!) : e)) };
  });
}

/**
 * Names are different entities when their `nameKey`s differ. Where such names share a slug ("李伟" and "李薇"
 * both transliterate to li-wei; two long names cut at the same 80 characters; "C++" and "C"), the name that
 * reads exactly as the slug keeps it ("Li Wei" keeps li-wei) and every other one gets a suffix from its own
 * name (li-wei-3f9a1c): stable, never dependent on file names or order, and no page overwrites another.
 */
/** Slugs the site uses for its own pages beside entity pages (`/people/by-mentions/`, `/people/page/2/`). */
const RESERVED_SLUGS = new Set(['by-mentions', 'page', 'index', 'feed', 'feed-xml', 'assets', 'search', 'pagefind', 'untitled']);

function distinctSlugs(all: Entities[]): (kind: EntityKind, list: EntityRef[]) => EntityRef[] {
  const remap: Record<EntityKind, Map<string, string>> = { people: new Map(), organisations: new Map(), places: new Map() };
  for (const kind of ENTITY_KINDS) {
    // Slug → the name key carrying it, or the set of them when several do (most slugs have one).
    const groups = new Map<string, string | Set<string>>();
    for (const ents of all) {
      for (const e of ents[kind]) {
        const k = key(e.name);
        const g = groups.get(e.slug);
        if (g === undefined) groups.set(e.slug, k);
        else if (typeof g === 'string') {
          if (g !== k) groups.set(e.slug, new Set([g, k]));
        } else g.add(k);
      }
    }
    const taken = new Set([...groups.keys(), ...RESERVED_SLUGS]);
    for (const slug of [...groups.keys()].sort()) {
      const g = groups.get(slug)!;
      const keys = typeof g === 'string' ? [g] : [...g];
      const reserved = RESERVED_SLUGS.has(slug);
      if (keys.length < 2 && !reserved) continue;
      for (const k of keys.sort()) {
        if (!reserved && /^[a-z0-9 ]+$/.test(k) && k.replace(/ /g, '-') === slug) continue; // the natural owner
        let s = '';
        for (let n = 6; n <= 64; n += 2) {
          s = `${slug}-${createHash('sha256').update(k).digest('hex').slice(0, n)}`;
          if (!taken.has(s)) break;
        }
        taken.add(s);
        remap[kind].set(`${slug}\u0000${k}`, s);
      }
    }
  }
  return (kind, list) => {
    const m = remap[kind];
    if (!m.size) return list;
    return list.map((e) => {
      const s = m.get(`${e.slug}\u0000${key(e.name)}`);
      return s ? { ...e, slug: s } : e;
    });
  };
}

function hasRepeatedSlug(list: EntityRef[]): boolean {
  if (list.length < 16) {
    for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) if (list[i].slug === list[j].slug) return true;
    return false;
  }
  return new Set(list.map((e) => e.slug)).size < list.length;
}

function rename(e: EntityRef, name: string): EntityRef {
  if (e.name === name) return e;
  const aliases = [...new Set([...(e.aliases ?? []), e.name])].filter((n) => n !== name);
  return { ...e, name, slug: slugify(name), aliases };
}

/** One entry per slug (the first, with the others' names, aliases and mentions). A list with no repeated slug is copied as it is. */
function mergeSameSlug(list: EntityRef[]): EntityRef[] {
  if (!hasRepeatedSlug(list)) return list.slice();
  const bySlug = new Map<string, EntityRef>();
  for (const e of list) {
    const prev = bySlug.get(e.slug);
    if (!prev) {
      bySlug.set(e.slug, { ...e });
      continue;
    }
    const aliases = [...new Set([...(prev.aliases ?? []), ...(e.aliases ?? []), e.name])].filter((n) => n !== prev.name);
    bySlug.set(e.slug, {
      ...prev,
      ...(aliases.length ? { aliases } : {}),
      mentions: (prev.mentions ?? 1) + (e.mentions ?? 1),
      ...(prev.role || e.role ? { role: prev.role ?? e.role } : {}),
      ...(prev.roleOrg || e.roleOrg ? { roleOrg: prev.roleOrg ?? e.roleOrg } : {}),
    });
  }
  return [...bySlug.values()];
}
