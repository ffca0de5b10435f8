// Everything the page layouts need, loaded once per build from the ingest output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveIndex, ArticleSummary, EntityEntry } from './archive-index.ts';
import type { EntityKind } from '../types.ts';
import { DEFAULT_SETTINGS, normalizePrefix, type SiteSettings } from './settings.ts';

export interface SiteContext {
  settings: SiteSettings;
  /** "/" or "/sub/path/". */
  prefix: string;
  index: ArchiveIndex;
  articleById: Map<string, ArticleSummary>;
  entityBySlug: Record<EntityKind, Map<string, EntityEntry>>;
  /** Root-relative path → URL under the prefix. */
  url(path: string): string;
  /** Root-relative path → absolute URL (feeds, canonical links). */
  absoluteUrl(path: string): string;
}

/** Name of the file in the markdown folder that holds the archive index and settings. */
export const SITE_DATA_FILE = '.dateline/site.json';

export interface SiteData {
  settings: SiteSettings;
  index: ArchiveIndex;
}

export function loadSiteContext(markdownDir: string, pathPrefix?: string): SiteContext {
  let data: SiteData;
  try {
    data = JSON.parse(readFileSync(join(markdownDir, SITE_DATA_FILE), 'utf8')) as SiteData;
  } catch {
    data = { settings: DEFAULT_SETTINGS, index: { articles: [], people: [], organisations: [], places: [] } };
  }
  return makeSiteContext(data, pathPrefix);
}

export function makeSiteContext(data: SiteData, pathPrefix?: string): SiteContext {
  const prefix = normalizePrefix(pathPrefix);
  const { settings, index } = data;
  const bySlug = (list: EntityEntry[]) => new Map(list.map((e) => [e.slug, e]));
  const base = new URL(settings.baseUrl);
  return {
    settings,
    prefix,
    index,
    articleById: new Map(index.articles.map((a) => [a.id, a])),
    entityBySlug: { people: bySlug(index.people), organisations: bySlug(index.organisations), places: bySlug(index.places) },
    url: (path) => prefix + path.replace(/^\//, ''),
    absoluteUrl: (path) => new URL(path.replace(/^\//, ''), base).href,
  };
}
