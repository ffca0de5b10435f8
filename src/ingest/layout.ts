// Headline, byline, dateline and body paragraphs of a raw article.
import type { TitleSource } from '../types.ts';
import { isAllCaps, sentenceCase } from './casing.ts';
import { matchDateline, parseDateline } from './dateline.ts';
import { firstNames } from '../lexicon/index.ts';
import { isHeadlineLine, leadHeadline, stripFinalStop } from './headline.ts';

export interface Layout {
  /** The headline line as written, when the article has one. */
  headline?: string;
  /** The title to display. */
  title: string;
  /** The headline as written, when `title` rewrote it (ALL CAPS → sentence case, final full stop dropped). */
  titleOriginal?: string;
  titleSource: TitleSource;
  byline?: string;
  /** The dateline as written ("ISTANBUL -", "LONDON 1996-08-30"). */
  dateline?: string;
  /** The dateline place in normal case ("New York", "Sao Paulo, Brazil"). */
  location?: string;
  /** ISO date found in the dateline. */
  datelineDate?: string;
  /** Wire service named in the dateline ("Reuters", "AP"). */
  agency?: string;
  /** Body paragraphs: headline, byline and dateline removed. */
  paragraphs: string[];
}

/**
 * Split text into paragraphs at blank lines; lines inside a paragraph are kept.
 * @example splitParagraphs('a\n\nb\nc') //=> ['a', 'b\nc']
 */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Find headline, byline, dateline and body in the text of a raw article.
 * `fm.title` (frontmatter) wins over the headline; `fm.date` (YYYY-MM-DD, frontmatter or file
 * name) only lends its year to a dateline written as month and day.
 * @example analyzeLayout('Istanbul - Talks held.', {}).location //=> 'Istanbul'
 * @example analyzeLayout('JAPAN GET LUCKY WIN\n\nTOKYO 1996-12-06\n\nJapan won.', {}).title //=> 'Japan get lucky win'
 */
export function analyzeLayout(body: string, fm: { title?: string; date?: string }): Layout {
  let paragraphs = splitParagraphs(body);
  let headline: string | undefined;
  const first = paragraphs[0];
  const d0 = parseDateline(paragraphs, fm.date);
  // A name line before a dateline is a byline when it says "By" or starts with a first name.
  const bylineFirst = !!d0 && (!d0.byline || /^By\s/.test(first) || firstNames().has(first.split(/\s+/)[0].toLowerCase()));
  // the dateline of the paragraphs that stay (parseDateline is pure: each result serves as it is)
  let d = d0;
  if (paragraphs.length > 1 && first && !bylineFirst && !matchDateline(first, fm.date)) {
    const dNext = parseDateline(paragraphs.slice(1), fm.date);
    if (isHeadlineLine(first, !!dNext)) {
      headline = first;
      paragraphs = paragraphs.slice(1);
      d = dNext;
    }
  }
  if (d) paragraphs = d.paragraphs;

  let title: string;
  let titleOriginal: string | undefined;
  let titleSource: TitleSource;
  const fmTitle = fm.title?.trim();
  if (fmTitle) {
    title = fmTitle;
    titleSource = 'frontmatter';
  } else if (headline) {
    titleSource = 'headline';
    title = stripFinalStop(isAllCaps(headline) ? sentenceCase(headline, paragraphs.join('\n\n')) : headline);
    if (title !== headline) titleOriginal = headline;
  } else {
    titleSource = 'lead';
    title = leadHeadline(paragraphs[0] ?? '');
  }
  return {
    ...(headline ? { headline } : {}),
    title,
    ...(titleOriginal ? { titleOriginal } : {}),
    titleSource,
    ...(d?.byline ? { byline: d.byline } : {}),
    ...(d ? { dateline: d.text, location: d.location } : {}),
    ...(d?.date ? { datelineDate: d.date } : {}),
    ...(d?.agency ? { agency: d.agency } : {}),
    paragraphs,
  };
}
