// Publication date: frontmatter, then dateline, then file name; never invented.
import type { DateSource } from '../types.ts';
import { isValidIsoDate } from './isodate.ts';

export interface PubDate {
  date?: string;
  dateSource?: DateSource;
}

/** Pick the publication date by precedence. `fmDate` must already be valid ISO. */
export function resolvePubDate(fmDate: string | undefined, datelineDate: string | undefined, fileName: string): PubDate {
  if (fmDate) return { date: fmDate, dateSource: 'frontmatter' };
  if (datelineDate) return { date: datelineDate, dateSource: 'dateline' };
  const m = fileName.match(/(?:^|[^0-9])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![0-9])/);
  if (m) {
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    if (isValidIsoDate(iso)) return { date: iso, dateSource: 'filename' };
  }
  return {};
}
