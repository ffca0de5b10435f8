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
  const str = (k: string): string | undefined => {
    const v = data[k];
    if (v == null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined;
    throw new InputError(source, `frontmatter \`${k}\` must be text`, keyLine(text, k));
  };
  let fmDate: string | undefined;
  if (data.date != null) {
    fmDate = toIsoDate(data.date);
    if (!fmDate) throw new InputError(source, `frontmatter \`date\` is not a calendar date (YYYY-MM-DD): ${JSON.stringify(String(data.date))}`, keyLine(text, 'date'));
  }
  if (!fm.body.trim()) {
    throw new InputError(source, Object.keys(data).length ? 'no article text after the frontmatter' : 'empty file: no article text', fm.bodyLine);
  }
  const layout = analyzeLayout(fm.body, { title: str('title') });
  if (layout.paragraphs.length === 0 && !layout.headline) throw new InputError(source, 'no article text', fm.bodyLine);
  const pub = resolvePubDate(fmDate, layout.datelineDate, source.split('/').pop() ?? source);
  const found = extractEntities({ headline: layout.headline, dateline: layout.dateline, paragraphs: layout.paragraphs });
  const location = str('location') ?? layout.location;
  const entities = applyArticleOverrides(found, data, source, text);
  if (location && !entities.places.some((p) => p.name.toLowerCase() === location.toLowerCase() || p.aliases?.some((a) => a.toLowerCase() === location.toLowerCase()))) {
    entities.places.unshift({ name: location, slug: slugify(location), mentions: 1 });
  }
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!KNOWN_KEYS.has(k)) extra[k] = v;
  const title = layout.title.trim() || 'Untitled';
  const fmSlug = str('slug');
  const article: Omit<Article, 'id'> = {
    title,
    ...(layout.titleOriginal ? { titleOriginal: layout.titleOriginal } : {}),
    titleSource: layout.titleSource,
    ...(pub.date ? { date: pub.date, dateSource: pub.dateSource } : {}),
    ...(layout.dateline ? { dateline: layout.dateline } : {}),
    ...(location ? { location } : {}),
    ...((str('byline') ?? layout.byline) ? { byline: str('byline') ?? layout.byline } : {}),
    people: entities.people,
    organisations: entities.organisations,
    places: entities.places,
    events: pub.date ? extractEvents(layout.paragraphs, pub.date) : [],
    quotes: extractQuotes(layout.paragraphs, entities),
    source,
    paragraphs: layout.paragraphs,
    ...(Object.keys(extra).length ? { extra } : {}),
  };
  return { article, slug: fmSlug ? slugify(fmSlug) : slugify(title), warnings };
}

/** Frontmatter `people`/`organisations`/`places` add entities; `ignore` removes names, for this article only. */
function applyArticleOverrides(found: Entities, data: Record<string, unknown>, source: string, text: string): Entities {
  const ignore = new Set(toList(data.ignore, 'ignore', source, text).map((x) => (typeof x === 'string' ? x : x.name).toLowerCase()));
  const out = {} as Entities;
  for (const kind of ENTITY_KINDS) {
    const list = found[kind].filter((e) => !ignore.has(e.name.toLowerCase()) && !e.aliases?.some((a) => ignore.has(a.toLowerCase())));
    for (const item of toList(data[kind], kind, source, text)) {
      const ref: EntityRef = typeof item === 'string' ? { name: item, slug: slugify(item) } : { ...item, slug: slugify(item.name) };
      const existing = list.find((e) => e.slug === ref.slug || e.aliases?.includes(ref.name));
      if (existing) Object.assign(existing, ref.role ? { role: ref.role } : {});
      else list.push({ mentions: 1, ...ref });
    }
    out[kind] = list;
  }
  return out;
}

function toList(v: unknown, key: string, source: string, text: string): Array<string | { name: string; role?: string }> {
  if (v == null) return [];
  const arr = Array.isArray(v) ? v : [v];
  return arr.map((x) => {
    if (typeof x === 'string' && x.trim()) return x.trim();
    if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') {
      const o = x as { name: string; role?: unknown };
      return { name: o.name.trim(), ...(typeof o.role === 'string' ? { role: o.role } : {}) };
    }
    throw new InputError(source, `frontmatter \`${key}\` must be a list of names`, keyLine(text, key));
  });
}

function keyLine(text: string, key: string): number | undefined {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i >= 0 ? i + 1 : undefined;
}

export type { EntityKind };
