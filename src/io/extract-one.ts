// Everything ingest makes of one raw file on its own, in one call (run in the extraction workers, so that the main
// thread only assembles): the built article (as the JSON text the cache keeps), the hash of its facets, and —
// ahead of archive-wide canonicalisation, as a guess the main thread checks — its analysis parts and markdown.
import { createHash } from 'node:crypto';
import type { Article } from '../types.ts';
import type { BuiltArticle } from '../ingest/article.ts';
import { articleParts } from '../analysis/parts.ts';
import { articleToMarkdown } from '../markdown/serialize.ts';
import { buildOne } from './build-one.ts';

export interface Extracted {
  /** `JSON.stringify(buildOne(…))`: `{"built":…}` or `{"error":…}`, the result the extraction cache keeps. */
  json: string;
  /** facetsHash of the built article. */
  facets?: string;
  /**
   * JSON of articleParts of the article with its entities as extracted: its parts after canonicalisation too when
   * canonicalisation keeps every entity as it is (the parts are a function of the article's paragraphs, events and
   * entities).
   */
  parts?: string;
  /** The article's markdown under the id `mdId`, with its entities as extracted: valid when it gets that id and keeps them. */
  markdown?: string;
  /** The id the markdown was made with: the article's natural id (ids are assigned archive-wide; see guessId). */
  mdId?: string;
}

/** Build one raw file and make what can be made of it alone (see Extracted). Never throws for bad input. */
export function extractOne(source: string, bytes: Uint8Array): Extracted {
  const result = buildOne(source, bytes);
  const json = JSON.stringify(result);
  if (!result.built) return { json };
  const a = result.built.article;
  const mdId = guessId(result.built);
  return { json, facets: facetsHash(a), parts: JSON.stringify(articleParts({ id: mdId, ...a })), markdown: articleToMarkdown({ id: mdId, ...a }), mdId };
}

/** An article's parts (as JSON) and markdown, made from the article as canonicalised. */
export interface Finished {
  parts: string;
  markdown: string;
}

/**
 * The parts and markdown of an article as canonicalised: for the articles whose parts or markdown made ahead do not
 * hold (canonicalisation changed their entities, or their id is not the natural one), made in the workers while
 * they are up.
 */
export function finishOne(a: Article): Finished {
  return { parts: JSON.stringify(articleParts(a)), markdown: articleToMarkdown(a) };
}

/**
 * The id an article gets unless another shares its slug and month: `YYYY/MM/slug` or `undated/slug` (as
 * assignIds makes it). Only a guess: the main thread uses what was made with it when the assigned id is equal.
 */
export function guessId(b: Pick<BuiltArticle, 'slug'> & { article: Pick<Article, 'date'> }): string {
  const d = b.article.date;
  return `${d ? `${d.slice(0, 4)}/${d.slice(5, 7)}` : 'undated'}/${b.slug}`;
}

/**
 * Hash of an article's facets: everything but its paragraphs, as extracted. The archive-wide views other than
 * ledes, word counts and bios are made of facets, ids and canonical entities only (see site-pieces.ts).
 */
export function facetsHash(a: Omit<Article, 'id'>): string {
  return createHash('sha1').update(JSON.stringify({ ...a, paragraphs: [] })).digest('hex');
}
