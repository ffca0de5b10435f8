// Dates inside the text, resolved against the publication date by news convention, each
// kept with the clause it anchors. Pure string arithmetic: no time zone can shift a day.
import type { DatedEvent, DatePrecision } from '../types.ts';
import { addDays, addMonths, daysBetween, isoFromParts, isValidIsoDate, monthNumber, weekday, WEEKDAYS } from './isodate.ts';

const NUM: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};
const NUMBER = `(?:\\d{1,3}|${Object.keys(NUM).join('|')})`;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const UNIT_AFTER_YEAR = /^\s*(?:%|per|metres|meters|m\b|km|miles|kg|tonnes|tons|runs|points|yards|feet|people|votes|shares|units|cars|troops|soldiers)/i;

// One scanner; named groups tell which expression matched. Order matters: longer first.
const EXPR = new RegExp(
  [
    `(?<rel>\\b(?<relN>${NUMBER})\\s+(?<relU>days?|months?|years?)\\s+(?<relDir>later|earlier|ago|before|after)\\b)`,
    `(?<nextDay>\\b(?:the\\s+)?(?:next|following|previous|preceding)\\s+day\\b|\\bthe\\s+day\\s+(?:before|after)\\b)`,
    `(?<md>\\b(?<mdMon>${MONTH})\\.?\\s+(?<mdDay>\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:[-–]\\s*\\d|%))(?:,?\\s+(?<mdYear>\\d{4})\\b)?)`,
    `(?<dm>\\b(?<dmDay>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<dmMon>${MONTH})\\b\\.?(?:,?\\s+(?<dmYear>\\d{4})\\b)?)`,
    `(?<my>\\b(?<myMon>${MONTH})\\s+(?<myYear>\\d{4})\\b)`,
    `(?<mo>\\b(?:in|since|during|until|by|from|early|late|mid-?)\\s+(?<moMon>January|February|March|April|June|July|August|September|October|November|December)\\b(?:,?\\s+(?<moYear>\\d{4})\\b)?)`,
    `(?<wd>\\b(?:(?<wdMod>last|next|this|past|coming)\\s+)?(?<wdName>${WEEKDAY})(?!s\\b))`,
    `(?<yr>\\b(?:in|since|during|until|by|from|through|before|after|early|late|mid-?|of)\\s+(?<yrNum>1[6-9]\\d\\d|20\\d\\d)\\b(?![-–/]\\d|s\\b|['’]s))`,
    `(?<relPer>\\b(?<relPerMod>last|next|this|earlier\\s+this|later\\s+this)\\s+(?<relPerU>month|year)\\b)`,
    `(?<ago>\\ba\\s+(?<agoU>month|year)\\s+(?:ago|earlier)\\b)`,
    `(?<deictic>\\b(?:today|tonight|this\\s+(?:morning|afternoon|evening))(?:['’]s)?\\b)`,
    `(?<yest>\\b(?:yesterday|last\\s+night)\\b)`,
    `(?<tmrw>\\btomorrow\\b)`,
  ].join('|'),
  'gi',
);

const FUTURE = /\b(?:(?:likely|expected|due|set|scheduled|planning|plans?|intends?|aims?|hopes?)\s+to|to\s+(?:play|face|meet|visit|hold|host|start|begin|attend|sign|travel|fly|return|open|launch|announce|vote|decide)|would|will|shall|won['’]t|is\s+to|are\s+to|(?:is|are)\s+due|due\s+to|(?:is|are)\s+scheduled|plans?\s+to|(?:is|are)\s+set\s+to|to\s+be\s+held|upcoming)\b|['’]ll\b/i;

/**
 * Text every expression EXPR finds contains (a digit, a month or its abbreviation, "day" of weekdays,
 * today and yesterday, "month", "year", "night", "tomorrow", a part of the day): text without any of
 * them has no date expression, and EXPR is not run on it.
 */
const MAY_DATE = /\d|day|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|night|tomorrow|morning|afternoon|evening/i;
/** White space other than single spaces. */
const ODD_SPACE = /[^\S ]|\s\s/;

const FUTURE_ALL = new RegExp(FUTURE.source, 'gi');

const PAST = /\b(?:\w{3,}ed|said|says|was|were|had|did|took|made|won|lost|came|went|met|held|told|gave|began|saw|left|fell|rose|beat|got|sent|brought|spoke|ran|led|struck|kept|paid|sold|bought|found|fought|caught|drew|ago)\b/i;

/**
 * Future reading of a weekday or month: a future marker shortly before the expression, with no
 * past-tense verb between it and the expression.
 */
function isFuture(clause: string, at: number): boolean {
  const before = clause.slice(Math.max(0, at - 80), at);
  const f = [...before.matchAll(FUTURE_ALL)].pop();
  if (!f) return false;
  const after = before.slice((f.index ?? 0) + f[0].length).replace(/\b(?:be|been|being|have)\s+\w+/gi, ' ');
  return !PAST.test(after);
}

/** Clause boundaries inside a sentence (start positions of the separators). */
const BOUNDARY =
  /;\s*|\s+[–—-]{1,2}\s+|,\s+(?=(?:while|but|and|or|which|who|whose|as|although|though|because|saying|adding|pledging|when|where|whereas|amid|after|before)\b)|\s+(?=(?:while|but|whereas)\s)|\s+and\s+(?=(?:a|an|the|his|her|its|their|this|that)\s)|,\s+(?=(?:was|were|is|are|has|have|had|wanted|accused|charged|held|known|seen)\s)/g;

// Regular expressions with \p{…} are made once, here: the compiled build makes a new one at each evaluation of such a literal.
/** A sentence end: a stop, closing quotes or brackets, white space, then a capital or digit (used with exec from lastIndex 0). */
const SENTENCE_END = /[.!?]["”’)]*\s+(?=["“‘(]?[\p{Lu}\d])/gu;
/** A stop that ends an abbreviation or an initial, not a sentence. */
const ABBREV_STOP = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|No)|\b\p{Lu}|\p{Lu}\.\p{Lu})\.$/u;
const UPPER_START = /^\p{Lu}/u;

/** Sentences of a paragraph with their start offsets. */
function sentences(paragraph: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = SENTENCE_END;
  re.lastIndex = 0;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(paragraph))) {
    const before = paragraph.slice(Math.max(0, m.index - 6), m.index + 1);
    if (ABBREV_STOP.test(before)) continue;
    const end = m.index + m[0].length;
    out.push({ text: paragraph.slice(start, end).trimEnd(), start });
    start = end;
  }
  if (start < paragraph.length) out.push({ text: paragraph.slice(start).trimEnd(), start });
  return out;
}

/** The clause of `sentence` around [from, to): cut at the nearest clause boundaries, tidied. */
export function clauseAround(sentence: string, from: number, to: number): string {
  let start = 0;
  let end = sentence.length;
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(sentence))) {
    // ", was …" ends the clause holding a date ("…in 2014, was deported") but does not start one
    // ("his successor, President Trump, has upended …").
    const auxOnly = /^,\s+$/.test(m[0]) && /^(?:was|were|is|are|has|have|had)\s/.test(sentence.slice(m.index + m[0].length));
    if (m.index + m[0].length <= from) {
      if (!auxOnly) start = m.index + m[0].length;
    }
    else if (m.index >= to) {
      end = m.index;
      break;
    }
  }
  let clause = sentence.slice(start, end).trim();
  clause = clause
    .replace(/^(?:and|but|while|or|so|whereas)\s+/i, '')
    .replace(/^["“”‘’]+|["“”‘’]+$/g, '')
    .replace(/[.,;:!?]+$/, '')
    .trim();
  if (clause.length > 240) {
    const rel = from - start;
    const a = Math.max(0, clause.lastIndexOf(' ', Math.max(0, rel - 110)));
    const b = clause.indexOf(' ', Math.min(clause.length, rel + 110));
    clause = `${a > 0 ? '…' : ''}${clause.slice(a, b > 0 ? b : undefined).trim()}${b > 0 ? '…' : ''}`;
  }
  return clause;
}

function num(s: string): number {
  return /^\d+$/.test(s) ? +s : NUM[s.toLowerCase()] ?? NaN;
}

/** Month-day without a year: the year that puts it nearest the publication date. */
function nearestYearDate(m: number, d: number, pub: string): string | undefined {
  const y = +pub.slice(0, 4);
  let best: string | undefined;
  for (const yy of [y - 1, y, y + 1]) {
    const iso = isoFromParts(yy, m, d);
    if (iso && (!best || Math.abs(daysBetween(pub, iso)) < Math.abs(daysBetween(pub, best)))) best = iso;
  }
  return best;
}

/** Month without a year: this year's, else last year's (past) or next year's (future) nearest. */
function nearestMonth(m: number, pub: string, future: boolean): string {
  const pm = +pub.slice(5, 7);
  const y = +pub.slice(0, 4);
  const yy = future ? (m >= pm ? y : y + 1) : m <= pm ? y : y - 1;
  return `${yy}-${String(m).padStart(2, '0')}`;
}

interface Resolved {
  date: string;
  precision: DatePrecision;
  deictic?: boolean;
}

function resolve(g: Record<string, string | undefined>, pub: string, anchor: string, future: boolean): Resolved | undefined {
  const pubYear = +pub.slice(0, 4);
  if (g.rel) {
    const n = num(g.relN ?? '');
    if (!Number.isFinite(n) || n <= 0 || n > 400) return undefined;
    const unit = (g.relU ?? '').replace(/s$/, '');
    const dir = (g.relDir ?? '').toLowerCase();
    const sign = dir === 'later' || dir === 'after' ? 1 : -1;
    const base = dir === 'ago' ? pub : anchor;
    if (unit === 'day') return { date: addDays(base, sign * n), precision: 'day' };
    if (unit === 'month') return { date: addMonths(base.slice(0, 7), sign * n), precision: 'month' };
    return { date: String(+base.slice(0, 4) + sign * n), precision: 'year' };
  }
  if (g.nextDay) {
    const back = /previous|preceding|before/i.test(g.nextDay);
    return { date: addDays(anchor, back ? -1 : 1), precision: 'day' };
  }
  if (g.md || g.dm) {
    const mon = monthNumber((g.mdMon ?? g.dmMon) as string) ?? 0;
    const day = +((g.mdDay ?? g.dmDay) as string);
    const year = g.mdYear ?? g.dmYear;
    const date = year ? isoFromParts(+year, mon, day) : nearestYearDate(mon, day, pub);
    return date ? { date, precision: 'day' } : undefined;
  }
  if (g.my) {
    const mon = monthNumber(g.myMon as string) ?? 0;
    return { date: `${g.myYear}-${String(mon).padStart(2, '0')}`, precision: 'month' };
  }
  if (g.mo && g.moYear) return { date: `${g.moYear}-${String(monthNumber(g.moMon as string) ?? 1).padStart(2, '0')}`, precision: 'month' };
  if (g.mo) return { date: nearestMonth(monthNumber(g.moMon as string) ?? 1, pub, future), precision: 'month' };
  if (g.wd) {
    const target = WEEKDAYS.indexOf((g.wdName as string).toLowerCase() as (typeof WEEKDAYS)[number]);
    const mod = g.wdMod?.toLowerCase();
    const back = (weekday(pub) - target + 7) % 7; // days back to the latest such day on or before pub
    if (back === 0 && !mod) return { date: pub, precision: 'day' }; // "on Thursday" in Thursday's paper
    if (mod === 'last' || mod === 'past') return { date: addDays(pub, back === 0 ? -7 : -back), precision: 'day' };
    if (mod === 'next' || mod === 'coming' || future) return { date: addDays(pub, back === 0 ? 7 : 7 - back), precision: 'day' };
    return { date: addDays(pub, -back), precision: 'day' };
  }
  if (g.yr) {
    const y = +(g.yrNum as string);
    if (y > pubYear + 30) return undefined;
    return { date: String(y), precision: 'year' };
  }
  if (g.relPer) {
    const mod = (g.relPerMod ?? '').toLowerCase().replace(/\s+/g, ' ');
    const shift = mod === 'last' ? -1 : mod === 'next' ? 1 : 0;
    if (g.relPerU === 'month') return { date: addMonths(pub.slice(0, 7), shift), precision: 'month' };
    return { date: String(pubYear + shift), precision: 'year' };
  }
  if (g.ago) {
    if (g.agoU === 'month') return { date: addMonths(pub.slice(0, 7), -1), precision: 'month' };
    return { date: String(pubYear - 1), precision: 'year' };
  }
  if (g.deictic) return { date: pub, precision: 'day', deictic: true };
  if (g.yest) return { date: addDays(pub, -1), precision: 'day' };
  if (g.tmrw) return { date: addDays(pub, 1), precision: 'day' };
  return undefined;
}

/**
 * Dated events of an article: every date expression the text resolves against `pubDate`
 * (YYYY-MM-DD), with the clause it anchors and its paragraph index, in text order.
 * News convention: a bare weekday is the latest such day on or before publication (the next
 * one after it in a future-tense clause; "last"/"next" force the direction); a month-day
 * without a year is the one nearest publication; "N days later/earlier" counts from the date
 * just mentioned; "last month"/"last year" get month/year precision; "in 2014" is a year.
 * "today" anchors an event only when nothing else in the story dates the publication day,
 * and then once. Week-level phrases ("this week") and durations ("six hours") are skipped.
 * Without a publication date nothing is resolved (undated stories have no events).
 * @example extractEvents(['Talks were held on Thursday.'], '2025-02-27')
 * //=> [{ date: '2025-02-27', precision: 'day', text: 'Talks were held on Thursday', paragraph: 0 }]
 */
export function extractEvents(paragraphs: string[], pubDate: string | undefined): DatedEvent[] {
  if (!pubDate || !isValidIsoDate(pubDate)) return [];
  const found: (DatedEvent & { deictic?: boolean })[] = [];
  let anchor = pubDate;
  paragraphs.forEach((paragraph, p) => {
    // (white space already single spaces: the same string without building a new one)
    const flat = ODD_SPACE.test(paragraph) ? paragraph.replace(/\s+/g, ' ') : paragraph;
    if (!MAY_DATE.test(flat)) return;
    for (const s of sentences(flat)) {
      if (!MAY_DATE.test(s.text)) continue;
      EXPR.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = EXPR.exec(s.text))) {
        const g = m.groups ?? {};
        const name = g.mdMon ?? g.dmMon ?? g.myMon ?? g.moMon ?? g.wdName;
        if (name && !UPPER_START.test(name)) continue; // "may", "march" as words
        if (g.yr && UNIT_AFTER_YEAR.test(s.text.slice(m.index + m[0].length))) continue;
        const clause = clauseAround(s.text, m.index, m.index + m[0].length);
        const r = resolve(g, pubDate, anchor, isFuture(s.text, m.index));
        if (!r || clause.length < 8) continue;
        if (r.precision === 'day') anchor = r.date;
        found.push({ date: r.date, precision: r.precision, text: clause, paragraph: p, ...(r.deictic ? { deictic: true } : {}) });
      }
    }
  });
  const explicitPub = found.some((e) => !e.deictic && e.date === pubDate);
  const seen = new Set<string>();
  let deicticKept = false;
  const out: DatedEvent[] = [];
  for (const { deictic, ...e } of found) {
    if (deictic) {
      if (explicitPub || deicticKept) continue;
      deicticKept = true;
    }
    const key = `${e.date}\u0000${e.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
