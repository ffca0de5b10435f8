// The archive index: every entity with the articles that mention it, computed once per build.
import type { Article, EntityKind } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';

export interface ArticleSummary {
  id: string;
  url: string;
  title: string;
  date?: string;
  location?: string;
  lede: string;
}

export interface EntityEntry {
  kind: EntityKind;
  name: string;
  slug: string;
  url: string;
  aliases: string[];
  roles: string[];
  description?: string;
  /** Article ids, newest first (undated last). */
  articles: string[];
  mentions: number;
  firstDate?: string;
  lastDate?: string;
}

export interface ArchiveIndex {
  /** Article summaries, newest first (undated last, by title). */
  articles: ArticleSummary[];
  people: EntityEntry[];
  organisations: EntityEntry[];
  places: EntityEntry[];
}

export const KIND_PATH: Record<EntityKind, string> = { people: 'people', organisations: 'organisations', places: 'places' };
export const KIND_LABEL: Record<EntityKind, { one: string; many: string }> = {
  people: { one: 'Person', many: 'People' },
  organisations: { one: 'Organisation', many: 'Organisations' },
  places: { one: 'Place', many: 'Places' },
};

export const entityUrl = (kind: EntityKind, slug: string) => `/${KIND_PATH[kind]}/${slug}/`;
export const articleUrl = (id: string) => `/${id}/`;

/** Newest first; undated after dated; ties by title then id, so the order is stable. */
export function compareArticles(a: { date?: string; title: string; id: string }, b: { date?: string; title: string; id: string }): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Build the archive index from the archive's articles (pure).
 * @example buildArchiveIndex([]).people //=> []
 */
export function buildArchiveIndex(articles: Article[], descriptions: Map<string, string> = new Map()): ArchiveIndex {
  const sorted = [...articles].sort(compareArticles);
  const maps: Record<EntityKind, Map<string, EntityEntry>> = { people: new Map(), organisations: new Map(), places: new Map() };
  for (const a of sorted) {
    for (const kind of ENTITY_KINDS) {
      for (const e of a[kind]) {
        let entry = maps[kind].get(e.slug);
        if (!entry) {
          entry = { kind, name: e.name, slug: e.slug, url: entityUrl(kind, e.slug), aliases: [], roles: [], articles: [], mentions: 0 };
          const d = descriptions.get(`${kind}:${e.name}`);
          if (d) entry.description = d;
          maps[kind].set(e.slug, entry);
        }
        if (!entry.articles.includes(a.id)) entry.articles.push(a.id);
        entry.mentions += e.mentions ?? 1;
        for (const al of e.aliases ?? []) if (al !== entry.name && !entry.aliases.includes(al)) entry.aliases.push(al);
        if (e.role && !entry.roles.includes(e.role)) entry.roles.push(e.role);
        if (a.date) {
          if (!entry.lastDate || a.date > entry.lastDate) entry.lastDate = a.date;
          if (!entry.firstDate || a.date < entry.firstDate) entry.firstDate = a.date;
        }
      }
    }
  }
  const byName = (x: EntityEntry, y: EntityEntry) => x.name.localeCompare(y.name, 'en', { sensitivity: 'base' }) || (x.slug < y.slug ? -1 : 1);
  return {
    articles: sorted.map((a) => ({
      id: a.id,
      url: articleUrl(a.id),
      title: a.title,
      ...(a.date ? { date: a.date } : {}),
      ...(a.location ? { location: a.location } : {}),
      lede: lede(a.paragraphs[0] ?? ''),
    })),
    people: [...maps.people.values()].sort(byName),
    organisations: [...maps.organisations.values()].sort(byName),
    places: [...maps.places.values()].sort(byName),
  };
}

/** First sentence or ~200 characters of a paragraph, cut at a word. */
export function lede(p: string): string {
  const flat = p.replace(/\s+/g, ' ').trim();
  if (flat.length <= 220) return flat;
  const cut = flat.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}
