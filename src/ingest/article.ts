// One raw article's text → the structured Article (pure; no I/O).
import type { Article, EntityKind, EntityRef, Entities, Warning } from '../types.ts';
import { ENTITY_KINDS, InputError } from '../types.ts';
import { splitFrontmatter, FrontmatterError } from './frontmatter.ts';
import { analyzeLayout } from './layout.ts';
import { resolvePubDate } from './pubdate.ts';
import { toIsoDate } from './isodate.ts';
import { extractEvents } from './events.ts';
import { extractEntities } from '../ner/index.ts';
import { extractQuotes } from './quotes.ts';
import { slugify } from '../slug.ts';
import { nameKey } from '../curation/apply.ts';

/** Frontmatter keys the tool reads; any other key is kept under `extra`. */
const KNOWN_KEYS = new Set(['title', 'date', 'location', 'byline', 'slug', 'people', 'organisations', 'places', 'ignore']);

export interface BuiltArticle {
  /** Everything but `id`, which is assigned across the archive. */
  article: Omit<Article, 'id'>;
  /** Preferred slug: frontmatter `slug`, else from the title. */
  slug: string;
  warnings: Warning[];
}

/**
 * Build the structured article from decoded text.
 * Throws InputError naming the file (and line) when the input cannot be an article.
 * @example buildArticle('a.txt', 'LONDON - Talks began.').article.location //=> 'London'
 */
export function buildArticle(source: string, text: string): BuiltArticle {
  const warnings: Warning[] = [];
  let fm;
  try {
    fm = splitFrontmatter(text);
  } catch (e) {
    if (e instanceof FrontmatterError) throw new InputError(source, e.message, e.line);
    throw e;
  }
  const data = fm.data;
  const keyLine = (k: string) => fm.keyLine(k);
  const str = (k: string): string | undefined => {
    const v = data[k];
    if (v == null) return undefined;
    // Numbers and booleans as written in the file (`title: 1.50` stays "1.50").
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      const s = typeof v === 'string' ? v : (fm.source(k) ?? String(v));
      return s.trim() || undefined;
    }
    throw new InputError(source, `frontmatter \`${k}\` must be text, not a ${Array.isArray(v) ? 'list' : 'mapping'}`, keyLine(k));
  };
  let fmDate: string | undefined;
  if (data.date != null) {
    fmDate = toIsoDate(data.date);
    if (!fmDate) throw new InputError(source, `frontmatter \`date\` is not a calendar date (YYYY-MM-DD): ${JSON.stringify(String(data.date))}`, keyLine('date'));
  }
  if (!hasVisibleText(fm.body)) {
    const hasFm = Object.keys(data).length > 0 || fm.bodyLine > 1;
    const what = !fm.body.trim() ? (hasFm ? 'no article text' : text.length ? 'empty file: only white space' : 'empty file') : hasFm ? 'only invisible characters' : 'empty file: only invisible characters';
    throw new InputError(source, hasFm ? `${what} after the frontmatter` : what, fm.bodyLine);
  }
  for (const k of ['title', 'location', 'byline', 'slug']) str(k); // type-check every text key up front, with its line
  const layout = analyzeLayout(fm.body, { title: str('title') });
  if (layout.paragraphs.length === 0 && !layout.headline) throw new InputError(source, 'no article text', fm.bodyLine);
  if (fm.controlChars > 0) warnings.push({ file: source, line: 2, message: `removed ${fm.controlChars} control character(s) written as escapes in the frontmatter` });
  const fileName = source.split('/').pop() ?? source;
  const pub = resolvePubDate(fmDate, layout.datelineDate, fileName);
  const nameDate = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(fileName);
  if (nameDate && !fmDate && !toIsoDate(nameDate[0])) {
    warnings.push({ file: source, message: `file name starts with ${nameDate[0]}, which is not a calendar date: not used as the publication date` });
  }
  // The byline names a person too: the extractor reads it as a line of its own.
  const nerParagraphs = layout.byline ? [layout.byline, ...layout.paragraphs] : layout.paragraphs;
  const found = extractEntities({ headline: layout.headline, dateline: layout.dateline, paragraphs: nerParagraphs });
  const location = str('location') ?? layout.location;
  const entities = applyArticleOverrides(found, data, source, keyLine);
  if (location) addLocationPlaces(entities, location);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (KNOWN_KEYS.has(k)) continue;
    Object.defineProperty(extra, k, { value: v, enumerable: true, writable: true, configurable: true });
    const lower = k.trim().toLowerCase();
    const near = [...KNOWN_KEYS].find((known) => known === lower || known === lower.replace(/s$/, '') + 's') ?? NEAR_KEYS[lower];
    if (near) warnings.push({ file: source, line: keyLine(k), message: `frontmatter key \`${k}\` is not \`${near}\`: kept under extra and not used (did you mean \`${near}\`?)` });
    else if (ELEVENTY_KEYS.has(k)) warnings.push({ file: source, line: keyLine(k), message: `frontmatter key \`${k}\` is not used by dateline (URLs and layouts are its own): kept under extra` });
  }
  const title = layout.title.trim() || 'Untitled';
  let titleOriginal = layout.titleOriginal;
  if (layout.titleSource === 'frontmatter' && layout.headline && layout.headline.trim() !== title) {
    // The frontmatter title replaces the headline line; keep that line (nothing is lost) and say so.
    titleOriginal = layout.headline;
    warnings.push({ file: source, line: keyLine('title'), message: `frontmatter \`title\` replaces the first line of the text, read as its headline: ${JSON.stringify(layout.headline.length > 80 ? `${layout.headline.slice(0, 77)}…` : layout.headline)} (kept as titleOriginal)` });
  }
  const fmSlug = str('slug');
  if (fmSlug && slugify(fmSlug) !== fmSlug) {
    warnings.push({ file: source, line: keyLine('slug'), message: `frontmatter \`slug\` ${JSON.stringify(fmSlug)} is not a plain URL slug; used ${JSON.stringify(slugify(fmSlug))}` });
  }
  const article: Omit<Article, 'id'> = {
    title,
    ...(titleOriginal ? { titleOriginal } : {}),
    titleSource: layout.titleSource,
    ...(pub.date ? { date: pub.date, dateSource: pub.dateSource } : {}),
    ...(layout.dateline ? { dateline: layout.dateline } : {}),
    ...(location ? { location } : {}),
    ...((str('byline') ?? layout.byline) ? { byline: str('byline') ?? layout.byline } : {}),
    people: entities.people,
    organisations: entities.organisations,
    places: entities.places,
    ...(found.works?.length ? { works: found.works } : {}),
    events: pub.date ? extractEvents(layout.paragraphs, pub.date) : [],
    quotes: extractQuotes(layout.paragraphs, entities),
    source,
    paragraphs: layout.paragraphs,
    ...(Object.keys(extra).length ? { extra } : {}),
  };
  return { article, slug: fmSlug ? slugify(fmSlug) : slugify(title), warnings };
}

/** Frontmatter `people`/`organisations`/`places` add entities; `ignore` removes names, for this article only. */
function applyArticleOverrides(found: Entities, data: Record<string, unknown>, source: string, keyLine: KeyLine): Entities {
  const ignore = new Set(toList(data.ignore, 'ignore', source, keyLine).map((x) => (typeof x === 'string' ? x : x.name).toLowerCase()));
  const out = {} as Entities;
  for (const kind of ENTITY_KINDS) {
    const list = found[kind].filter((e) => !ignore.has(e.name.toLowerCase()) && !e.aliases?.some((a) => ignore.has(a.toLowerCase())));
    for (const item of toList(data[kind], kind, source, keyLine)) {
      const ref: EntityRef = typeof item === 'string' ? { name: item, slug: slugify(item) } : { ...item, slug: slugify(item.name) };
      // Same entity when the names match (ignoring case and diacritics), not merely the slugs: 李伟 and 李薇 share one.
      const k = nameKey(ref.name);
      const existing = list.find((e) => nameKey(e.name) === k || e.aliases?.some((a) => nameKey(a) === k));
      if (existing) Object.assign(existing, ref.role ? { role: ref.role } : {});
      else list.push({ mentions: 1, ...ref });
    }
    out[kind] = list;
  }
  return out;
}

type KeyLine = (key: string) => number | undefined;

function toList(v: unknown, key: string, source: string, keyLine: KeyLine): Array<string | { name: string; role?: string }> {
  if (v == null) return [];
  const arr = Array.isArray(v) ? v : [v];
  return arr.map((x) => {
    if (typeof x === 'string' && hasVisibleText(x)) return x.trim();
    if (typeof x === 'number') return String(x);
    if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' && hasVisibleText((x as { name: string }).name)) {
      const o = x as { name: string; role?: unknown };
      return { name: o.name.trim(), ...(typeof o.role === 'string' && o.role.trim() ? { role: o.role.trim() } : {}) };
    }
    throw new InputError(source, `frontmatter \`${key}\` must be a list of names (text, or {name: …, role: …})`, keyLine(key));
  });
}

/** Common other names for the keys dateline reads. */
const NEAR_KEYS: Record<string, string> = {
  organizations: 'organisations', organization: 'organisations', orgs: 'organisations', person: 'people', persons: 'people',
  author: 'byline', authors: 'byline', by: 'byline', headline: 'title', place: 'places', dateline: 'location', published: 'date', pubdate: 'date',
};

/** Frontmatter keys Eleventy would act on, were they at the top level of its data (they never are: see markdown/serialize.ts). */
const ELEVENTY_KEYS = new Set(['permalink', 'layout', 'eleventyComputed', 'pagination', 'tags', 'eleventyExcludeFromCollections', 'eleventyNavigation', 'eleventyImport', 'eleventyDataSchema', 'dynamicPermalink', 'permalinkBypassOutputDir', 'templateEngineOverride', 'renderData', 'collections', 'page', 'pkg', 'eleventy', 'content', 'id', 'source', 'extra']);

/** True when the text has something besides white space and invisible format characters. */
export function hasVisibleText(s: string): boolean {
  return /[^\s\u200B-\u200F\u2028-\u202F\u205F-\u206F\uFEFF\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u3164\uFFA0]/u.test(s);
}

export type { EntityKind };

/**
 * The dateline place is one of the article's places. "Milwaukee, Wisconsin" is two places, never one fused name;
 * a part the extractor already found (under any kind: "Leeds" the club) is not added again.
 */
function addLocationPlaces(entities: Entities, location: string): void {
  const known = (name: string) => {
    const k = name.toLowerCase();
    return ENTITY_KINDS.some((kind) => entities[kind].some((e) => e.name.toLowerCase() === k || e.aliases?.some((a) => a.toLowerCase() === k)));
  };
  const parts = location.split(',').map((p) => p.trim().replace(/\.$/, '')).filter((p) => p.length > 1);
  for (const part of parts.reverse()) {
    if (!known(part)) entities.places.unshift({ name: part, slug: slugify(part), mentions: 1 });
  }
}
