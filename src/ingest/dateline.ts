// Datelines ("LONDON 1996-08-30", "WASHINGTON, Feb 27 (Reuters) -", "Istanbul -") and the
// byline line that may precede one.
import { cityNames, countryNames, fold } from '../lexicon/index.ts';
import { placeCase } from './casing.ts';
import { isoFromParts, isValidIsoDate, monthNumber } from './isodate.ts';

export interface Dateline {
  /** The dateline as written, e.g. "WASHINGTON, Feb 27 (Reuters) -". */
  text: string;
  /** The place as written ("SAO PAULO, Brazil"). */
  place: string;
  /** The place in normal case ("Sao Paulo, Brazil"). */
  location: string;
  /** YYYY-MM-DD when the dateline carries a full date (or a month-day and a year was given). */
  date?: string;
  /** Wire service named in it ("Reuters", "AP", "PRNewswire"). */
  agency?: string;
  /** Byline found just before the dateline ("Jane Smith"), without "By". */
  byline?: string;
  /** Paragraphs with byline and dateline removed (the dateline's paragraph keeps its text). */
  paragraphs: string[];
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const CAPS_WORD = "[A-Z][A-Z'’.\\-]*[A-Z.]|[A-Z]";
const CAPS_PLACE = `(?:${CAPS_WORD})(?:[ ](?:${CAPS_WORD}))*`;
const TITLE_PLACE = "[A-Z][a-z'’]+(?:[ -](?:[A-Z][a-z'’]+|de|da|do|del|la|al))*";
const REGION = `(?!${MONTH}\\.?\\s+\\d)[A-Z][A-Za-z'’.\\-]*(?:[ ][A-Z][A-Za-z'’.\\-]*)*`;

const DATELINE = new RegExp(
  `^(?<place>(?:${CAPS_PLACE}|${TITLE_PLACE})(?:,[ ]+${REGION})?)` +
    `(?:,?[ ]+(?<mon>${MONTH})\\.?[ ]+(?<day>\\d{1,2})(?:,?[ ]+(?<year>\\d{4}))?)?` +
    `(?:[ ]+(?<iso>\\d{4}-\\d{2}-\\d{2}))?` +
    `(?:[ ]*(?:\\((?<agency>[A-Z][A-Za-z .&-]{0,30})\\)|\\/(?<wire>[A-Za-z .&-]{2,30})\\/))?` +
    `(?<sep>[ ]+(?:--|[-–—])(?:[ ]+|$)|[ ]*$|[ ]+(?=\\S))`,
  'u',
);

const BYLINE = /^(?:By\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|bin)){1,3})(?:,\s*[\p{L} ]{2,30})?$/u;

/** Nearest year to `ref` (YYYY-MM-DD) for a month and day written without one. */
function nearestYear(m: number, d: number, ref: string): string | undefined {
  const y = +ref.slice(0, 4);
  const cands = [y - 1, y, y + 1].map((yy) => isoFromParts(yy, m, d)).filter((s): s is string => !!s);
  const dist = (s: string) => Math.abs(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) - Date.UTC(y, +ref.slice(5, 7) - 1, +ref.slice(8, 10)));
  return cands.sort((a, b) => dist(a) - dist(b))[0];
}

// Regular expressions with \p{…} are made once, here: the compiled build makes a new one at each evaluation of such a literal.
const HAS_LOWER = /\p{Ll}/u;
const TWO_CAPITALS = /\p{Lu}{2}/u;
const PROSE_START = /^["“‘(]?[\p{Lu}\d]/u;

function isAllCapsText(s: string): boolean {
  return !HAS_LOWER.test(s) && TWO_CAPITALS.test(s);
}

function isKnownPlace(place: string): boolean {
  const city = place.split(',')[0].trim();
  return cityNames().has(fold(city)) || countryNames().has(fold(city));
}

/**
 * Match a dateline at the start of one paragraph. `refDate` (YYYY-MM-DD) supplies the year for
 * a dateline that gives only month and day. A capitalised-word start ("Istanbul -") counts only
 * for a known place; an all-caps one needs a date, an agency or a dash after it, so an ordinary
 * sentence is not taken for a dateline.
 * @example matchDateline('LONDON 1996-08-30')?.location //=> 'London'
 */
export function matchDateline(paragraph: string, refDate?: string): Omit<Dateline, 'paragraphs' | 'byline'> & { rest: string } | undefined {
  const m = DATELINE.exec(paragraph);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const place = g.place;
  const caps = TWO_CAPITALS.test(place.split(',')[0]) && !HAS_LOWER.test(place.split(',')[0]);
  const hasDash = /--|[-–—]/.test(g.sep);
  const rest = paragraph.slice(m[0].length).trim();
  const hasDate = !!(g.iso || g.mon);
  const hasAgency = !!(g.agency || g.wire);
  if (!hasDate && !hasAgency && !hasDash) return undefined;
  if (g.iso && !(rest === '' || /^\S/.test(rest))) return undefined;
  if (!hasDate && !hasDash && rest !== '' && !hasAgency) return undefined;
  if ((!caps || (!hasDate && !hasAgency)) && !isKnownPlace(place)) return undefined;
  // "SOCCER - SHEARER NAMED AS CAPTAIN" is a headline: prose follows a real dateline.
  if (!hasDate && rest !== '' && (isAllCapsText(rest) || !PROSE_START.test(rest))) return undefined;
  if (caps && place.replace(/[^A-Z]/g, '').length < 2) return undefined;
  let date: string | undefined;
  if (g.iso && isValidIsoDate(g.iso)) date = g.iso;
  else if (g.mon) {
    const mon = monthNumber(g.mon) ?? 0;
    const day = +g.day;
    if (g.year) date = isoFromParts(+g.year, mon, day);
    else if (refDate && isValidIsoDate(refDate)) date = nearestYear(mon, day, refDate);
  }
  return {
    text: m[0].trim(),
    place,
    location: placeCase(place),
    ...(date ? { date } : {}),
    ...(hasAgency ? { agency: (g.agency ?? g.wire).trim() } : {}),
    rest,
  };
}

/**
 * Find byline and dateline at the start of the body paragraphs (headline already removed).
 * Handles a byline paragraph before the dateline ("Mark Bendeich", "By Jane Smith") and a
 * dateline split over two paragraphs ("FARMINGTON HILLS, Mich." then "1996-08-30").
 * @example parseDateline(['LONDON 1996-08-30', 'Talks began.'])?.paragraphs //=> ['Talks began.']
 */
export function parseDateline(paragraphs: string[], refDate?: string): Dateline | undefined {
  for (const skip of [0, 1]) {
    if (paragraphs.length <= skip) break;
    let byline: string | undefined;
    if (skip === 1) {
      const b = BYLINE.exec(paragraphs[0]);
      if (!b || paragraphs[0].length > 60 || paragraphs[0].includes('\n')) break;
      byline = paragraphs[0].replace(/^By\s+/, '');
    }
    let para = paragraphs[skip];
    let used = 1;
    const next = paragraphs[skip + 1];
    if (next && /^\d{4}-\d{2}-\d{2}$/.test(next) && /^[A-Z][A-Z .,'’-]+(?:,\s*[A-Za-z. ]+)?$/.test(para)) {
      para = `${para} ${next}`;
      used = 2;
    }
    const d = matchDateline(para.split('\n')[0], refDate);
    if (!d) continue;
    const firstLineRest = para.includes('\n') ? [d.rest, ...para.split('\n').slice(1)].join('\n').trim() : d.rest;
    const { rest: _rest, ...info } = d;
    return {
      ...info,
      ...(byline ? { byline } : {}),
      paragraphs: [...(firstLineRest ? [firstLineRest] : []), ...paragraphs.slice(skip + used)],
    };
  }
  return undefined;
}
