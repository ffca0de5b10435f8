// Everything the page layouts need, loaded once per build from the ingest output.
// Derived lookups (pages of entities, month lists, letters) are computed here once, so a page render is a lookup.
import { compareNames, type ArchiveIndex, type ArticleSummary, type EntityEntry } from './archive-index.ts';
import type { EntityKind } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import { DEFAULT_SETTINGS, normalizePrefix, type SiteSettings } from './settings.ts';
import { EMPTY_RESEARCH, networkOf, timelineFrom, type ResearchData } from './research-data.ts';
import type { ConnectionNode, Neighbour } from '../analysis/connections.ts';
import type { TimelineEvent } from '../analysis/timeline.ts';
import { readSiteData, SITE_DATA_FILE } from '../io/site-data.ts';

/** Articles per page on entity pages and the undated list. */
export const PAGE_SIZE = 50;

/** One page of a paginated list. */
export interface ListPage<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
}

export interface EntityPage extends ListPage<ArticleSummary> {
  entity: EntityEntry;
}

export interface MonthPage {
  /** `YYYY-MM` */
  month: string;
  articles: ArticleSummary[];
}

export interface SiteContext {
  settings: SiteSettings;
  research: Omit<ResearchData, 'network'> & { network: Record<string, { node: ConnectionNode; neighbours: Neighbour[] }>; eventsByEntity: Map<string, TimelineEvent[]> };
  /** "/" or "/sub/path/". */
  prefix: string;
  index: ArchiveIndex;
  articleById: Map<string, ArticleSummary>;
  entityBySlug: Record<EntityKind, Map<string, EntityEntry>>;
  /** Entities by number of articles, most first. */
  byMentions: Record<EntityKind, EntityEntry[]>;
  /** Every page of every entity: the data Eleventy paginates over. */
  entityPages: Record<EntityKind, EntityPage[]>;
  /** Dated articles by month, newest month first. */
  months: MonthPage[];
  /** Undated articles, in pages. */
  undatedPages: Array<ListPage<ArticleSummary>>;
  /** Newest article date, for feeds' `updated`. */
  newestDate?: string;
  /** Root-relative path → URL under the prefix. */
  url(path: string): string;
  /** Root-relative path → absolute URL (feeds, canonical links). */
  absoluteUrl(path: string): string;
}

/** The file in the markdown folder that holds the settings and names the pieces of the site data (src/io/site-data.ts). */
export { SITE_DATA_FILE };

export interface SiteData {
  settings: SiteSettings;
  index: ArchiveIndex;
  /** Quotes, timeline, connections and bio lines (src/site/research-data.ts). */
  research?: ResearchData;
}

export const EMPTY_INDEX: ArchiveIndex = { articles: [], people: [], organisations: [], places: [], years: [], undated: 0 };

/**
 * The site context of a markdown folder, from the site data ingest wrote there (empty when there is none). Throws,
 * naming the file, when a piece of the site data is missing or damaged.
 */
export function loadSiteContext(markdownDir: string, pathPrefix?: string): SiteContext {
  return makeSiteContext(readSiteData(markdownDir) ?? { settings: DEFAULT_SETTINGS, index: EMPTY_INDEX }, pathPrefix);
}

/** Split a list into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: T[], size = PAGE_SIZE): Array<ListPage<T>> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({ items: items.slice(i * size, (i + 1) * size), page: i + 1, pages }));
}

/** A relative path that URL resolution leaves as it is: no dot segments, no characters it would encode. */
const SAFE_PATH = /^(?:[a-z0-9_-][a-z0-9._-]*\/)*(?:[a-z0-9_-][a-z0-9._-]*)?$/i;

/** `path` without one leading "/" (what `path.replace(/^\//, '')` gives). */
const withoutLeadingSlash = (path: string) => (path.charCodeAt(0) === 47 ? path.slice(1) : path);

export function makeSiteContext(data: SiteData, pathPrefix?: string): SiteContext {
  const prefix = normalizePrefix(pathPrefix);
  const settings = data.settings;
  const index: ArchiveIndex = { ...EMPTY_INDEX, ...data.index };
  const bySlug = (list: EntityEntry[]) => new Map(list.map((e) => [e.slug, e]));
  const base = new URL(settings.baseUrl);
  const baseHref = base.href;
  /** A base that a safe relative path can simply be appended to. */
  const joinable = baseHref.endsWith('/') && !base.search && !base.hash;
  const articleById = new Map(index.articles.map((a) => [a.id, a]));
  const summaries = (ids: string[]) => ids.map((id) => articleById.get(id)).filter((a): a is ArticleSummary => !!a);

  const byMentions = {} as Record<EntityKind, EntityEntry[]>;
  const entityPages = {} as Record<EntityKind, EntityPage[]>;
  for (const kind of ENTITY_KINDS) {
    byMentions[kind] = [...index[kind]].sort((x, y) => y.articles.length - x.articles.length || y.mentions - x.mentions || compareNames(x.name, y.name));
    entityPages[kind] = index[kind].flatMap((entity) => paginate(summaries(entity.articles)).map((p) => ({ ...p, entity })));
  }

  const months: MonthPage[] = [];
  const undated: ArticleSummary[] = [];
  for (const a of index.articles) {
    if (!a.date) {
      undated.push(a);
      continue;
    }
    const m = a.date.slice(0, 7);
    if (m.length < 7) continue; // a year-only date is listed on its year page
    if (months[months.length - 1]?.month !== m) months.push({ month: m, articles: [] });
    months[months.length - 1].articles.push(a);
  }

  // Made when first used (see readSiteDataAndPieces: the research pieces themselves are read then).
  let research: SiteContext['research'] | undefined;
  const ctx: SiteContext = {
    settings,
    get research() {
      return (research ??= { ...EMPTY_RESEARCH, ...data.research, network: networkOf(data.research?.network ?? {}), eventsByEntity: timelineFrom(data.research?.timeline ?? []).byEntity });
    },
    prefix,
    index,
    articleById,
    entityBySlug: { people: bySlug(index.people), organisations: bySlug(index.organisations), places: bySlug(index.places) },
    byMentions,
    entityPages,
    months,
    undatedPages: undated.length ? paginate(undated) : [],
    newestDate: index.articles.find((a) => a.date)?.date,
    // Called for every link of every page (hundreds of thousands of times a build): no regular expression per call.
    url: (path) => prefix + withoutLeadingSlash(path),
    absoluteUrl: (path) => {
      const rel = withoutLeadingSlash(path);
      // Site paths (slugs, dates, file names) need no resolving: joining gives what URL resolution would.
      return joinable && SAFE_PATH.test(rel) ? baseHref + rel : new URL(rel, base).href;
    },
  };
  return ctx;
}
