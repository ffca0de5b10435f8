// The per-article share of the archive-wide views (index, bios, timeline): everything they compute from one
// article alone, in one plain JSON value. It depends on that article only, so ingest remembers it per article
// (keyed by the article's hash) and an edit rebuild computes it for the changed articles only; the views then
// merge the parts, which is the same computation as from the articles (tested).
import type { Article } from '../types.ts';
import { indexPart, type IndexPart } from '../site/archive-index.ts';
import { bioPart, type BioPart } from './bio.ts';
import { timelinePart, type TimelinePart } from './timeline.ts';

export interface ArticleParts {
  index: IndexPart;
  bio: BioPart;
  timeline: TimelinePart;
}

/** Every per-article part of one article (pure). */
export function articleParts(a: Article): ArticleParts {
  return { index: indexPart(a), bio: bioPart(a), timeline: timelinePart(a) };
}
