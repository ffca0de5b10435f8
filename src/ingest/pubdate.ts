// Publication date: frontmatter, then dateline, then file name; never invented
// (never today's date, never the file's modification time).
import type { DateSource } from '../types.ts';
import { isValidIsoDate } from './isodate.ts';

export interface PubDate {
  /** YYYY-MM-DD, absent when the article is undated. */
  date?: string;
  dateSource?: DateSource;
}

/**
 * The YYYY-MM-DD date a file name carries ("2025-02-27-talks.txt", "talks_2025-02-27.md"), if any.
 * @example dateFromFileName('2025-02-27-russia-us-talks.txt') //=> '2025-02-27'
 */
export function dateFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = base.match(/(?:^|[^0-9])((?:1[89]|20)\d\d)-(\d\d)-(\d\d)(?![0-9])/);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

/**
 * Pick the publication date by precedence: frontmatter, dateline, file name, else undated.
 * `fmDate` must already be a valid YYYY-MM-DD (see `toIsoDate`).
 * @example resolvePubDate(undefined, '1996-08-30', 'x.txt') //=> { date: '1996-08-30', dateSource: 'dateline' }
 */
export function resolvePubDate(fmDate: string | undefined, datelineDate: string | undefined, fileName: string): PubDate {
  if (fmDate && isValidIsoDate(fmDate)) return { date: fmDate, dateSource: 'frontmatter' };
  if (datelineDate && isValidIsoDate(datelineDate)) return { date: datelineDate, dateSource: 'dateline' };
  const fromName = dateFromFileName(fileName);
  if (fromName) return { date: fromName, dateSource: 'filename' };
  return {};
}
