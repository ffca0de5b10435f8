// Headline, byline, dateline and body paragraphs of a raw article.
// (First cut; refined by the headline/dateline work.)
import type { TitleSource } from '../types.ts';

export interface Layout {
  /** The headline line as written, when the article has one. */
  headline?: string;
  /** The title to display. */
  title: string;
  /** The headline as written, when `title` rewrote it (ALL CAPS → sentence case). */
  titleOriginal?: string;
  titleSource: TitleSource;
  byline?: string;
  /** The dateline as written ("ISTANBUL -", "LONDON 1996-08-30"). */
  dateline?: string;
  /** The dateline place in normal case. */
  location?: string;
  /** ISO date found in the dateline. */
  datelineDate?: string;
  /** Body paragraphs: headline, byline and dateline removed. */
  paragraphs: string[];
}

/** Split text into paragraphs at blank lines; lines inside a paragraph are kept. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Find headline, dateline and body in the text of a raw article.
 * @example analyzeLayout('Istanbul - Talks held.', {}).location //=> 'Istanbul'
 */
export function analyzeLayout(body: string, fm: { title?: string }): Layout {
  let paragraphs = splitParagraphs(body);
  let headline: string | undefined;
  if (paragraphs.length > 1 && !paragraphs[0].includes('\n') && paragraphs[0].length < 120 && !/[.]$/.test(paragraphs[0])) {
    headline = paragraphs[0];
    paragraphs = paragraphs.slice(1);
  }
  let dateline: string | undefined;
  let location: string | undefined;
  const m = paragraphs[0]?.match(/^([A-Z][A-Za-z .'-]{1,40}?)\s+[-–—]\s+/);
  if (m) {
    dateline = m[0].trim();
    location = m[1].trim();
    paragraphs = [paragraphs[0].slice(m[0].length), ...paragraphs.slice(1)];
  }
  const title = fm.title ?? headline ?? leadTitle(paragraphs[0] ?? '');
  return {
    headline,
    title,
    titleSource: fm.title ? 'frontmatter' : headline ? 'headline' : 'lead',
    dateline,
    location,
    paragraphs,
  };
}

function leadTitle(lead: string): string {
  const sentence = lead.split(/(?<=[.!?])\s/)[0] ?? lead;
  if (sentence.length <= 100) return sentence.replace(/[.]$/, '');
  const cut = sentence.slice(0, 100);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '');
}
