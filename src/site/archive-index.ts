// The archive index: every entity with the articles that mention it, computed once per build (pure).
// Everything a page needs that depends on more than its own article is computed here, so rendering a
// page is a lookup plus string building: related articles, previous/next, co-occurrence, timelines.
import type { Article, EntityKind } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';

export interface ArticleSummary {
  id: string;
  url: string;
  title: string;
  date?: string;
  location?: string;
  byline?: string;
  lede: string;
  /** Words in the body, for reading time. */
  words: number;
  /** Ids of the articles sharing the most entities with this one, best first. */
  related: string[];
  /** The article published just before this one (undated: the one before it by title). */
  prev?: string;
  /** The article published just after this one. */
  next?: string;
}

/** Another entity named in the same articles. */
export interface CoMention {
  kind: EntityKind;
  slug: string;
  /** Articles naming both. */
  count: number;
}

export interface EntityQuote {
  text: string;
  article: string;
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
  /** Articles per month (`YYYY-MM`), oldest first; months with none are left out. */
  timeline: Array<[string, number]>;
  /** Entities most often named in the same articles, most shared first. */
  with: CoMention[];
  /** A few direct quotations attributed to this person, newest first. */
  quotes: EntityQuote[];
}

export interface MonthCount {
  /** `YYYY-MM` */
  month: string;
  count: number;
}

export interface YearCount {
  year: string;
  count: number;
  /** Oldest first. */
  months: MonthCount[];
}

export interface ArchiveIndex {
  /** Article summaries, newest first (undated last, by title). */
  articles: ArticleSummary[];
  people: EntityEntry[];
  organisations: EntityEntry[];
  places: EntityEntry[];
  /** Dated articles by year and month, newest year first. */
  years: YearCount[];
  undated: number;
}

export const KIND_PATH: Record<EntityKind, string> = { people: 'people', organisations: 'organisations', places: 'places' };
export const KIND_LABEL: Record<EntityKind, { one: string; many: string; filter: string }> = {
  people: { one: 'Person', many: 'People', filter: 'person' },
  organisations: { one: 'Organisation', many: 'Organisations', filter: 'organisation' },
  places: { one: 'Place', many: 'Places', filter: 'place' },
};

export const entityUrl = (kind: EntityKind, slug: string) => `/${KIND_PATH[kind]}/${slug}/`;
export const articleUrl = (id: string) => `/${id}/`;

/** How many related articles each article page lists. */
export const RELATED_COUNT = 5;
/** How many co-mentioned entities each entity page lists. */
export const WITH_COUNT = 12;
/**
 * Entities named in more than 2% of the archive (at least 50, at most 1,000 articles) do not make two articles related:
 * a "United States" in half the archive says little, and pairing its articles is quadratic.
 */
export const relatedMaxDf = (n: number) => Math.max(50, Math.min(1000, Math.round(n / 50)));
const QUOTES_PER_PERSON = 5;

// One collator each, made once: `localeCompare(…, 'en')` builds a collator per call, which dominates large sorts.
const TITLE_ORDER = new Intl.Collator('en');
const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base' });

/** Compare entity names for A–Z lists (case and accents folded). */
export const compareNames = (x: string, y: string) => NAME_ORDER.compare(x, y);

/** Newest first; undated after dated; ties by title then id, so the order is stable. */
export function compareArticles(a: { date?: string; title: string; id: string }, b: { date?: string; title: string; id: string }): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return TITLE_ORDER.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What the index takes from one article's paragraphs: its lede and word count (pure; remembered per article by ingest). */
export interface IndexPart {
  lede: string;
  words: number;
}

export const indexPart = (a: Pick<Article, 'paragraphs'>): IndexPart => ({ lede: lede(a.paragraphs[0] ?? ''), words: wordCount(a.paragraphs) });

/**
 * Build the archive index from the archive's articles (pure).
 * `parts`: each article's indexPart when known (remembered from an earlier run); computed when absent.
 * @example buildArchiveIndex([]).people //=> []
 */
export function buildArchiveIndex(articles: Article[], descriptions: Map<string, string> = new Map(), parts?: (a: Article) => IndexPart | undefined): ArchiveIndex {
  const sorted = [...articles].sort(compareArticles);
  const maps: Record<EntityKind, Map<string, EntityEntry>> = { people: new Map(), organisations: new Map(), places: new Map() };
  // Integer ids for entities and articles keep the pair counting below in typed arrays.
  const entityList: EntityEntry[] = [];
  const entityIds = new Map<EntityEntry, number>();
  const articleEntities: number[][] = [];
  const entityArticles: number[][] = [];
  // Beside each entity's alias and role lists, once they grow long, the same as sets: `includes` on a long list is quadratic.
  const aliasSets: Array<Set<string> | undefined> = [];
  const roleSets: Array<Set<string> | undefined> = [];
  const has = (list: string[], sets: Array<Set<string> | undefined>, i: number, x: string): boolean => {
    if (list.length < 16) return list.includes(x);
    return (sets[i] ??= new Set(list)).has(x);
  };
  const add = (list: string[], sets: Array<Set<string> | undefined>, i: number, x: string): void => {
    list.push(x);
    sets[i]?.add(x);
  };

  sorted.forEach((a, ai) => {
    const mine: number[] = [];
    for (const kind of ENTITY_KINDS) {
      for (const e of a[kind]) {
        let entry = maps[kind].get(e.slug);
        if (!entry) {
          entry = { kind, name: e.name, slug: e.slug, url: entityUrl(kind, e.slug), aliases: [], roles: [], articles: [], mentions: 0, timeline: [], with: [], quotes: [] };
          const d = descriptions.get(`${kind}:${e.name}`);
          if (d) entry.description = d;
          maps[kind].set(e.slug, entry);
          entityIds.set(entry, entityList.length);
          entityList.push(entry);
          entityArticles.push([]);
          aliasSets.push(undefined);
          roleSets.push(undefined);
        }
        const ei = entityIds.get(entry)!;
        if (entry.articles[entry.articles.length - 1] !== a.id) {
          entry.articles.push(a.id);
          entityArticles[ei].push(ai);
          mine.push(ei);
        }
        entry.mentions += e.mentions ?? 1;
        if (e.aliases?.length) for (const al of e.aliases) if (al !== entry.name && !has(entry.aliases, aliasSets, ei, al)) add(entry.aliases, aliasSets, ei, al);
        const role = roleText(e.role, e.roleOrg);
        if (role && !has(entry.roles, roleSets, ei, role)) add(entry.roles, roleSets, ei, role);
        if (a.date) {
          if (!entry.lastDate || a.date > entry.lastDate) entry.lastDate = a.date;
          if (!entry.firstDate || a.date < entry.firstDate) entry.firstDate = a.date;
        }
      }
    }
    for (const q of a.quotes ?? []) {
      const p = q.speaker ? maps.people.get(q.speaker) : undefined;
      if (p && p.quotes.length < QUOTES_PER_PERSON) p.quotes.push({ text: q.text, article: a.id });
    }
    articleEntities.push(mine);
  });

  for (let ei = 0; ei < entityList.length; ei++) entityList[ei].timeline = sortedTimeline(entityArticles[ei], sorted);
  coMentions(entityList, entityArticles, articleEntities);
  const related = relatedArticles(sorted.length, entityArticles, articleEntities);

  const byName = (x: EntityEntry, y: EntityEntry) => NAME_ORDER.compare(x.name, y.name) || (x.slug < y.slug ? -1 : 1);
  const dated = sorted.filter((a) => a.date).length;
  const summaries: ArticleSummary[] = sorted.map((a, i) => {
    const part = parts?.(a) ?? indexPart(a);
    // Neighbours within the same group: dated articles chain by date, undated ones by title.
    const older = i + 1 < sorted.length && (i + 1 < dated) === (i < dated) ? sorted[i + 1].id : undefined;
    const newer = i > 0 && (i - 1 < dated) === (i < dated) ? sorted[i - 1].id : undefined;
    return {
      id: a.id,
      url: articleUrl(a.id),
      title: a.title,
      ...(a.date ? { date: a.date } : {}),
      ...(a.location ? { location: a.location } : {}),
      ...(a.byline ? { byline: a.byline } : {}),
      lede: part.lede,
      words: part.words,
      related: related[i].map((j) => sorted[j].id),
      ...(older ? { prev: older } : {}),
      ...(newer ? { next: newer } : {}),
    };
  });
  return {
    articles: summaries,
    people: [...maps.people.values()].sort(byName),
    organisations: [...maps.organisations.values()].sort(byName),
    places: [...maps.places.values()].sort(byName),
    years: yearCounts(sorted),
    undated: sorted.length - dated,
  };
}

/** "Kremlin spokesperson", with the organisation when the role does not already name it. */
export function roleText(role?: string, roleOrg?: string): string | undefined {
  if (!role) return undefined;
  if (roleOrg && !role.toLowerCase().includes(roleOrg.toLowerCase())) return `${role}, ${roleOrg}`;
  return role;
}

/** Articles per month from a list of dates (undefined: undated, not counted). */
export function timeline(dates: Array<string | undefined>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const d of dates) if (d) counts.set(d.slice(0, 7), (counts.get(d.slice(0, 7)) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

/**
 * timeline() of articles given by position in `sorted` (newest first): their months come in descending order, so the
 * counts are runs, read backwards (no map, no sort).
 */
function sortedTimeline(positions: number[], sorted: Article[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (let i = positions.length - 1; i >= 0; i--) {
    const d = sorted[positions[i]].date;
    if (!d) continue;
    const m = d.slice(0, 7);
    const last = out[out.length - 1];
    if (last && last[0] === m) last[1]++;
    else out.push([m, 1]);
  }
  return out;
}

/** For each entity, the entities most often named in the same articles (sum over articles of k², with a scratch array). */
function coMentions(entities: EntityEntry[], entityArticles: number[][], articleEntities: number[][]): void {
  const counts = new Int32Array(entities.length);
  const touched: number[] = [];
  entities.forEach((entry, ei) => {
    for (const ai of entityArticles[ei]) {
      for (const f of articleEntities[ai]) {
        if (f === ei) continue;
        if (counts[f]++ === 0) touched.push(f);
      }
    }
    const best = topK(touched, WITH_COUNT, (f, g) => counts[f] - counts[g] || entities[f].articles.length - entities[g].articles.length || (entities[f].name < entities[g].name ? 1 : entities[f].name > entities[g].name ? -1 : 0));
    entry.with = best.map((f) => ({ kind: entities[f].kind, slug: entities[f].slug, count: counts[f] }));
    for (const f of touched) counts[f] = 0;
    touched.length = 0;
  });
}

/**
 * For each article (by position), the positions of the articles sharing the most entities with it.
 * Shared entities are weighted by rarity (an entity in few articles says more), ties go to the nearer in time.
 */
function relatedArticles(n: number, entityArticles: number[][], articleEntities: number[][]): number[][] {
  const score = new Float64Array(n);
  const shared = new Int32Array(n);
  const touched: number[] = [];
  const maxDf = relatedMaxDf(n);
  const weight = entityArticles.map((list) => (list.length > maxDf || list.length < 2 ? 0 : 1 + Math.log(n / list.length)));
  const out: number[][] = [];
  for (let ai = 0; ai < n; ai++) {
    for (const ei of articleEntities[ai]) {
      const w = weight[ei];
      if (!w) continue;
      for (const bj of entityArticles[ei]) {
        if (bj === ai) continue;
        if (shared[bj]++ === 0) touched.push(bj);
        score[bj] += w;
      }
    }
    // Two shared entities at least, unless the archive is small enough that one will do. Top few by a linear scan, no sort.
    const min = n > 50 ? 2 : 1;
    const better = (x: number, y: number) => shared[x] - shared[y] || score[x] - score[y] || Math.abs(y - ai) - Math.abs(x - ai) || y - x;
    const best = topK(touched.filter((bj) => shared[bj] >= min), RELATED_COUNT, better);
    out.push(best);
    for (const bj of touched) {
      score[bj] = 0;
      shared[bj] = 0;
    }
    touched.length = 0;
  }
  return out;
}

/**
 * The `k` best items, best first, by one linear pass (no sort of the whole list). `better(x, y) > 0` when x beats y.
 * @example topK([3, 1, 2], 2, (x, y) => x - y) //=> [3, 2]
 */
export function topK<T>(items: Iterable<T>, k: number, better: (x: T, y: T) => number): T[] {
  const best: T[] = [];
  for (const x of items) {
    if (best.length === k && better(x, best[k - 1]) <= 0) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && better(x, best[i - 1]) > 0) {
      best[i] = best[i - 1];
      i--;
    }
    best[i] = x;
  }
  return best;
}

function yearCounts(sorted: Article[]): YearCount[] {
  const years = new Map<string, Map<string, number>>();
  for (const a of sorted) {
    if (!a.date) continue;
    const y = a.date.slice(0, 4);
    const m = a.date.length >= 7 ? a.date.slice(0, 7) : undefined;
    if (!years.has(y)) years.set(y, new Map());
    if (m) years.get(y)!.set(m, (years.get(y)!.get(m) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const a of sorted) if (a.date) counts.set(a.date.slice(0, 4), (counts.get(a.date.slice(0, 4)) ?? 0) + 1);
  return [...years.entries()]
    .sort((x, y) => (x[0] < y[0] ? 1 : -1))
    .map(([year, months]) => ({
      year,
      count: counts.get(year)!,
      months: [...months.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([month, count]) => ({ month, count })),
    }));
}

/** JavaScript's `\s`, by character code. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** Words in the body paragraphs: runs of non-space characters (as `/\S+/g` counts them, without making the list). */
export function wordCount(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    let inWord = false;
    for (let i = 0; i < p.length; i++) {
      const space = isSpace(p.charCodeAt(i));
      if (!space && !inWord) n++;
      inWord = !space;
    }
  }
  return n;
}

/** First sentence or ~200 characters of a paragraph, cut at a word. */
export function lede(p: string): string {
  const flat = p.slice(0, 400).replace(/\s+/g, ' ').trim();
  if (flat.length <= 220) return flat;
  const cut = flat.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}
