// Quotations by speaker across the archive (pure).
import type { Article, EntityKind } from '../types.ts';
import { compareArticles } from '../site/archive-index.ts';
import { entityKey } from './match.ts';

export interface SpeakerQuote {
  text: string;
  articleId: string;
  title: string;
  date?: string;
  paragraph: number;
  /** Said by an unnamed speaker of this organisation ("a spokesperson"). */
  unnamed?: boolean;
  /** How the article describes the speaker. */
  attribution?: string;
}

/**
 * Every attributed quotation, keyed by speaker ("people:dmitry-peskov"), newest article first.
 * The speaker's kind is looked up in the quoting article's own entities.
 */
export function quotesBySpeaker(articles: Article[]): Map<string, SpeakerQuote[]> {
  const out = new Map<string, SpeakerQuote[]>();
  for (const a of [...articles].sort(compareArticles)) {
    for (const q of a.quotes ?? []) {
      if (!q.speaker) continue;
      const kind: EntityKind | undefined = a.people.some((e) => e.slug === q.speaker)
        ? 'people'
        : a.organisations.some((e) => e.slug === q.speaker)
          ? 'organisations'
          : a.places.some((e) => e.slug === q.speaker)
            ? 'places'
            : undefined;
      if (!kind) continue;
      const k = entityKey(kind, q.speaker);
      const l = out.get(k) ?? [];
      l.push({
        text: q.text,
        articleId: a.id,
        title: a.title,
        ...(a.date ? { date: a.date } : {}),
        paragraph: q.paragraph,
        ...(q.unnamed ? { unnamed: true } : {}),
        ...(q.attribution ? { attribution: q.attribution } : {}),
      });
      out.set(k, l);
    }
  }
  return out;
}
