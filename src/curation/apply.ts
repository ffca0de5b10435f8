// Archive-wide canonical names: curation first, then surname resolution.
import type { Article, EntityKind, EntityRef, Entities } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import type { Curation, CuratedEntity } from './curation.ts';
import { createHash } from 'node:crypto';
import { slugify } from '../slug.ts';

/** Latin letters that do not decompose into a base letter and a mark. */
const LATIN_FOLD: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ħ: 'h', ŧ: 't', ŋ: 'n' };

/**
 * Identity of a name across the archive: case, diacritics, Turkish/Nordic/Polish letters, apostrophes,
 * dots and hyphens do not matter ("Erdoğan" = "ERDOGAN", "Işık" = "Isik"); scripts do ("李伟" ≠ "李薇").
 */
export const nameKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłøđßæœþðħŧŋ]/g, (c) => LATIN_FOLD[c])
    .replace(/[.’'`ʼ‘]/g, '')
    .replace(/[\s\-‐-―_]+/g, ' ')
    .trim();
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
 * - an ignored name is dropped;
 * - a one-word person name resolves to the archive's full name when exactly one known person has that surname.
 */
export function canonicalizeArchive<A extends Pick<Article, EntityKind>>(articles: A[], curation: Curation): A[] {
  const curated = new Map<string, CuratedEntity>();
  for (const c of curation.entities) for (const n of [c.name, ...c.aliases]) curated.set(key(n), c);
  const ignored = new Set(curation.ignore.map(key));

  // Pass 1: curation.
  const stage1 = articles.map((a) => {
    const out: Entities = { people: [], organisations: [], places: [] };
    for (const kind of ENTITY_KINDS) {
      for (const e of a[kind]) {
        const names = [e.name, ...(e.aliases ?? [])];
        if (names.some((n) => ignored.has(key(n)))) continue;
        const c = names.map((n) => curated.get(key(n))).find(Boolean);
        if (c) out[c.kind].push(rename(e, c.name));
        else out[kind].push(e);
      }
    }
    return out;
  });

  // Pass 2: surname → unique full name across the archive.
  const bySurname = new Map<string, Set<string>>();
  for (const ents of stage1) {
    for (const p of ents.people) {
      const parts = p.name.split(/\s+/);
      if (parts.length < 2) continue;
      const sur = key(parts[parts.length - 1]);
      if (!bySurname.has(sur)) bySurname.set(sur, new Set());
      bySurname.get(sur)!.add(p.name);
    }
  }
  const curatedNames = new Set(curation.entities.map((c) => c.name));
  const stage2 = articles.map((a, i) => {
    const ents = stage1[i];
    ents.people = ents.people.map((p) => {
      if (p.name.includes(' ') || curatedNames.has(p.name)) return p;
      const full = bySurname.get(key(p.name));
      return full && full.size === 1 ? rename(p, [...full][0]) : p;
    });
    return ents;
  });

  // Pass 3: different entities whose slugs collide get distinct slugs; then one entry per slug per article.
  const slugs = distinctSlugs(stage2);
  return articles.map((a, i) => {
    const merged = {} as Entities;
    for (const kind of ENTITY_KINDS) merged[kind] = mergeSameSlug(stage2[i][kind].map((e) => slugs(kind, e)));
    return { ...a, ...merged };
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

function distinctSlugs(all: Entities[]): (kind: EntityKind, e: EntityRef) => EntityRef {
  const remap: Record<EntityKind, Map<string, string>> = { people: new Map(), organisations: new Map(), places: new Map() };
  for (const kind of ENTITY_KINDS) {
    const groups = new Map<string, Set<string>>();
    for (const ents of all) {
      for (const e of ents[kind]) {
        if (!groups.has(e.slug)) groups.set(e.slug, new Set());
        groups.get(e.slug)!.add(key(e.name));
      }
    }
    const taken = new Set([...groups.keys(), ...RESERVED_SLUGS]);
    for (const slug of [...groups.keys()].sort()) {
      const keys = groups.get(slug)!;
      const reserved = RESERVED_SLUGS.has(slug);
      if (keys.size < 2 && !reserved) continue;
      for (const k of [...keys].sort()) {
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
  return (kind, e) => {
    const s = remap[kind].get(`${e.slug}\u0000${key(e.name)}`);
    return s ? { ...e, slug: s } : e;
  };
}

function rename(e: EntityRef, name: string): EntityRef {
  if (e.name === name) return e;
  const aliases = [...new Set([...(e.aliases ?? []), e.name])].filter((n) => n !== name);
  return { ...e, name, slug: slugify(name), aliases };
}

function mergeSameSlug(list: EntityRef[]): EntityRef[] {
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
