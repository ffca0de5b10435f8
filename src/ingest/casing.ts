// Normal case for text written in capitals: headlines and dateline places.
import { cityNames, cityPopulation, countryNames, DEMONYMS, fold } from '../lexicon/index.ts';

// Regular expressions with \p{…} are made once, here: the compiled build makes a new one at each evaluation of
// such a literal. The global ones only serve match() and replace(), which start from the beginning whatever
// their lastIndex.
const UPPER_G = /\p{Lu}/gu;
const LOWER_G = /\p{Ll}/gu;
const WORD_STARTS = /(^|[-\s])(\p{L})/gu;
const O_APOSTROPHE = /^(\p{L})'(\p{L})/u;
const MC = /^(Mc)(\p{L})/u;
const MARKS = /\p{M}+/gu;
const TWO_CAPITALS = /\p{Lu}{2}/u;
const HAS_LOWER = /\p{Ll}/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const FINAL_POSSESSIVE_OR_STOP = /(?:['’]s|['’.])$/u;
const ENDS_WITH_INITIALS = /(?:^|\s)(?:\p{Lu}\.)+$/u;
const INNER_STOP = /(?<=\p{L}{2})\.(?=\p{L}{2})/u;
const ACRONYM_WITH_STOPS = /^(?:\p{Lu}\.)+\p{Lu}?\.?$/u;
const INITIAL = /^\p{Lu}\.$/u;
const ALL_CAPITALS = /^\p{Lu}+$/u;
const HAS_LETTER = /\p{L}/u;
const TOPIC_LABEL = /^\s*[\p{Lu}&\s]{2,30}?\s[-–—:]\s/u;
const WORD_PARTS = /^([^\p{L}\p{N}]*)(.*?)((?:['’]S)?[^\p{L}\p{N}]*)$/u;
const NOT_LETTERS = /[^\p{L}]/gu;
const LETTER = /\p{L}/u;

/**
 * True when the text is written in capitals (at least 80% of its letters, and 4 or more letters).
 * @example isAllCaps('JAPAN GET LUCKY WIN') //=> true
 */
export function isAllCaps(s: string): boolean {
  const upper = (s.match(UPPER_G) ?? []).length;
  const lower = (s.match(LOWER_G) ?? []).length;
  return upper >= 4 && upper / (upper + lower) >= 0.8;
}

const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'y', 'e', 'of', 'on', 'upon', 'and', 'the']);

/** Capitalise the first letter of each hyphen/apostrophe part: "URUS-MARTAN" → "Urus-Martan". */
function capitalizeWord(w: string): string {
  return w
    .toLowerCase()
    .replace(WORD_STARTS, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(O_APOSTROPHE, (_m, a: string, b: string) => `${a}'${b.toUpperCase()}`)
    .replace(MC, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** Give `written` the letter case of `model` when both fold to the same letters. */
function copyCase(written: string, model: string): string | undefined {
  const m = model.normalize('NFD').replace(MARKS, '');
  const w = written.normalize('NFC');
  if (m.length !== w.length || m.toLowerCase() !== fold(w)) return undefined;
  let out = '';
  for (let i = 0; i < w.length; i++) out += m[i] === m[i].toLowerCase() ? w[i].toLowerCase() : w[i].toUpperCase();
  return out;
}

/** Title case for a place name not in the gazetteers, keeping particles low ("Rio de Janeiro"). */
function titleCasePlace(s: string): string {
  return s
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : /\s/.test(w) ? w : capitalizeWord(w)))
    .join('');
}

/**
 * A place written in capitals, in normal case: gazetteer spelling where the city or country is
 * known (letters kept as written), else title case with particles low. Parts after a comma
 * ("SAO PAULO, Brazil") are cased the same way when they are in capitals, kept otherwise.
 * Text that is not in capitals is returned unchanged.
 * @example placeCase('RIO DE JANEIRO') //=> 'Rio de Janeiro'
 * @example placeCase('THE HAGUE') //=> 'The Hague'
 */
export function placeCase(place: string): string {
  return place
    .split(/(,\s*)/)
    .map((part) => {
      if (/^,/.test(part) || !TWO_CAPITALS.test(part) || HAS_LOWER.test(part)) return part;
      if (INITIALS.test(part)) return part; // "N.H."
      const known = cityNames().get(fold(part)) ?? countryNames().get(fold(part));
      return (known && copyCase(part, known)) ?? titleCasePlace(part);
    })
    .join('');
}

const WEEKDAY_MONTH = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** How a word is written in the body, apart from sentence starts: its proper form, 'lower', or undefined. */
type Evidence = Map<string, { proper: Map<string, number>; lower: number }>;

/**
 * Count how each word is written in running text, skipping sentence-initial positions (where
 * capitals say nothing). Keyed by lower-case word.
 */
function gatherEvidence(body: string): Evidence {
  const ev: Evidence = new Map();
  const re = /[\p{L}\p{N}][\p{L}\p{N}.'’]*/gu;
  for (const line of body.split(/\n/)) {
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      const raw = m[0].replace(FINAL_POSSESSIVE_OR_STOP, '').replace(/\.$/, '');
      if (!raw) continue;
      const before = line.slice(0, m.index).trimEnd();
      const initial = (before === '' || /[.!?:"“‘(\-–—]$/.test(before)) && !ENDS_WITH_INITIALS.test(before);
      for (const w of raw.split(INNER_STOP)) {
        const key = w.toLowerCase();
        let e = ev.get(key);
        if (!e) ev.set(key, (e = { proper: new Map(), lower: 0 }));
        if (w === key) e.lower++;
        else if (w.length > 5 && w === w.toUpperCase()) continue; // capitals in tables say nothing
        else if (!initial) e.proper.set(w, (e.proper.get(w) ?? 0) + 1);
      }
    }
  }
  return ev;
}

function caseWord(word: string, ev: Evidence, next: string | undefined): string {
  const key = word.toLowerCase();
  if (/\d/.test(word)) return /^\d+[-\d]*$/.test(word) || /^\d+(?:st|nd|rd|th|s)$/i.test(word) ? key : word; // "H1", "U-21" stay
  if (ACRONYM_WITH_STOPS.test(word) || INITIAL.test(word)) return word; // U.S., U.N., S.
  if (key === 'i') return 'I';
  const e = ev.get(key);
  if (e) {
    let best: string | undefined;
    let count = 0;
    for (const [form, n] of e.proper) if (n > count) [best, count] = [form, n];
    if (best && count >= e.lower) return best;
    if (e.lower > 0) return key;
  }
  if (WEEKDAY_MONTH.has(key) || DEMONYMS.has(key)) return capitalizeWord(word);
  if (countryNames().has(key)) return capitalizeWord(word);
  if (next && (cityNames().has(`${key} ${next.toLowerCase()}`) || countryNames().has(`${key} ${next.toLowerCase()}`))) return capitalizeWord(word);
  if (key.length >= 4 && cityPopulation(key) >= 500_000) return capitalizeWord(word);
  if (/^[^aeiouy]{2,5}$/i.test(word) && ALL_CAPITALS.test(word)) return word; // consonant-only acronym: NFL, BNR
  return key;
}

/**
 * An ALL-CAPS headline in sentence case with proper names kept capitalised. Proper names are
 * recognised first by how the same words are written elsewhere in `body` (the strongest
 * signal), then by gazetteers (countries, nationality adjectives, big cities, weekdays and
 * months) and by shape (U.S., H1, NFL). The first word, and the first word after a short topic
 * label ("SOCCER - "), are capitalised.
 * @example sentenceCase('JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT') //=> 'Japan get lucky win, China in surprise defeat'
 */
export function sentenceCase(headline: string, body = ''): string {
  const ev = gatherEvidence(body);
  const tokens = headline.split(/(\s+|[-–—/](?=\s)|(?<=\s)[-–—/])/);
  const words = tokens.map((t, i) => ({ t, i })).filter((x) => HAS_LETTER.test(x.t));
  const out = [...tokens];
  const labelEnd = TOPIC_LABEL.exec(headline)?.[0].length;
  let pos = 0;
  const starts = new Set<number>();
  tokens.forEach((t, i) => {
    if (pos === 0 || (labelEnd !== undefined && pos === labelEnd)) starts.add(i);
    pos += t.length;
  });
  words.forEach(({ t, i }, k) => {
    const next = words[k + 1]?.t;
    const m = WORD_PARTS.exec(t);
    const [, pre, core, post] = m ?? ['', '', t, ''];
    const cased = core
      .split('-')
      .map((part, j) => (!part || (part.length === 1 && /\d/.test(core)) ? part : caseWord(part, ev, j === 0 ? next?.replace(NOT_LETTERS, '') : undefined)))
      .join('-');
    let w = pre + cased + post.toLowerCase();
    if (starts.has(i) || (k === 0)) w = w.replace(LETTER, (c) => c.toUpperCase());
    out[i] = w;
  });
  return out.join('');
}
