// Archive-wide canonical names: curation first, then surname resolution.
import type { Article, EntityKind, EntityRef, Entities } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import type { Curation, CuratedEntity } from './curation.ts';
import { slugify } from '../slug.ts';

const key = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.’']/g, '').replace(/\s+/g, ' ').trim();

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
  return articles.map((a, i) => {
    const ents = stage1[i];
    ents.people = ents.people.map((p) => {
      if (p.name.includes(' ') || curatedNames.has(p.name)) return p;
      const full = bySurname.get(key(p.name));
      return full && full.size === 1 ? rename(p, [...full][0]) : p;
    });
    const merged = {} as Entities;
    for (const kind of ENTITY_KINDS) merged[kind] = mergeSameSlug(ents[kind]);
    return { ...a, ...merged };
  });
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
