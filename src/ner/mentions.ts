// Tag sequences -> cleaned entity mentions.
import type { Seq } from './doc.ts';
import type { WordSet } from './gazetteer.ts';
import { isPossessive } from './tokenize.ts';
import { NUMBERED_NAMES, OF_HEADS } from './rules.ts';
import { COMPANY_LEGAL, GROUP_WORDS, NAME_PARTICLES, NON_NAMES, ORG_SUFFIXES, PEER_TITLES, ROLE_HEADS, SOVEREIGN_TITLES, TITLE_WORDS, isDemonym, nameTitle } from './lexicon.ts';

export type MentionType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface Mention {
  type: MentionType;
  /** Sequence index and token range [start, end). */
  seq: number;
  start: number;
  end: number;
  /** Display surface (case-restored on caps lines). */
  text: string;
  /** Surface exactly as written. */
  raw: string;
}

/** Last words of an event's name ("Hong Kong Open", "Consumer Electronics Show"): neither a body nor a place. */
export const EVENT_LAST = new Set(['open', 'premiership', 'show', 'week', 'exhibition', 'cup', 'championship', 'championships', 'classic', 'games', 'olympics', 'prix', 'trophy', 'tournament', 'masters', 'marathon', 'rally', 'derby', 'series', 'invitational', 'festival', 'award', 'awards', 'prize', 'expo', 'summit', 'war', 'act', 'treaty', 'accord', 'accords', 'convention', 'protocol']);
const COMPANY_SUFFIXES = new Set([...COMPANY_LEGAL, 'group', 'holdings', 'airlines', 'airways']);
/**
 * Last words of a body's name that a place's name never ends with ("Jupiter Research", "Sony Pictures", "Oxford
 * University", "Hollywood Reporter", "England XV"): a place read so is that body. Not "court", "bank" or "exchange"
 * ("Earls Court", "West Bank"), nor "union" in a name of two words ("Soviet Union"; but "Rugby Football Union").
 */
export const BODY_ENDS = new Set([
  ...COMPANY_SUFFIXES, 'research', 'networks', 'systems', 'technologies', 'software', 'communications', 'entertainment', 'pictures',
  'records', 'studios', 'media', 'labs', 'partners', 'associates', 'consulting', 'securities', 'insurance', 'pharmaceuticals',
  'electronics', 'computers', 'telecom', 'telecoms', 'interactive', 'productions', 'publishing', 'broadcasting', 'university',
  'institute', 'college', 'foundation', 'party', 'ministry', 'council', 'committee', 'commission', 'association', 'federation', 'agency',
  'journal', 'times', 'post', 'herald', 'gazette', 'tribune', 'telegraph', 'chronicle', 'magazine', 'newspaper', 'reporter',
  'club', 'society', 'bureau', 'authority', 'xv', 'xi',
]);
const PUNCT_ONLY = /^[^\p{L}\p{N}]*$/u;
// Regular expressions are made once, here: the compiled build makes a new one at each evaluation of a \p{…} literal.
const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const SENTENCE_STOP = /^[.!?]$/;
const NUMBER_LIKE = /^[\p{N}.,:/-]+$/u;
const NAME_START = /^[\p{Lu}\p{N}'"‘’(]/u;
const LOWER_NAME_START = /^(?:d'|al-|el-|de |van |von )/i;
const FINAL_PERIOD = /\.$/;
const FINAL_S = /s$/;
const LEAD_DROP = new Set(['the', 'a', 'an']);
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
/** Feasts and awards: named, but neither people, bodies nor places ("Christmas", "Oscar"). */
const OCCASIONS = ['christmas', 'easter', 'ramadan', 'thanksgiving', 'halloween', 'hanukkah', 'diwali', 'oscar', 'oscars', 'emmy', 'emmys', 'grammy', 'grammys', 'bafta', 'baftas'];
/** The abbreviation that ends a club's name ("Man Utd", "Dundee Utd"): a person's name never ends so. */
const TEAM_ENDS = new Set(['utd', 'utd.']);
/** Acronyms of common nouns ("a PC", "on DVD", "TV"). */
const COMMON_ACRONYMS = 'pc pcs tv tvs dvd dvds cd cds vcr vcrs mp3 pda pdas sms gps gsm gprs 3g lcd hdtv cctv atm atms dna hiv aids sim url urls mp mep meps dj djs ceo ceos r&b'.split(' ');
/** Headings of team sheets and line-ups, capitalised at the start of a line ("Replacements: ..."). */
const LINEUP_HEADINGS = ['replacements', 'substitutes', 'subs'];
/** Words that are no entity by themselves here, beside the shared NON_NAMES (which also trims role phrases). */
/** Interjections and the seasons that are no given names, capitalised at the start of a sentence or as a season ("Oh, but…", "in the Spring"). */
const INTERJECTIONS = ['oh', 'ah', 'wow', 'hey', 'ok', 'okay', 'yeah', 'hello', 'spring', 'autumn'];
const NO_NAME_ALONE = new Set([...OCCASIONS, ...COMMON_ACRONYMS, ...LINEUP_HEADINGS, ...INTERJECTIONS]);
/** Awards of more than one word, which are no body, place or person ("won a Golden Globe"). */
const AWARDS = new Set(['golden globe', 'golden globes', 'golden bear', 'golden lion', 'golden raspberry', 'golden raspberries', "palme d'or"]);
/** Lower-case words that are part of no person's name ("Tyson in Las Vegas"), unlike particles ("van", "wa"). */
const PERSON_BREAKS = new Set(['in', 'at', 'on', 'from', 'to', 'with', 'near', 'by', 'after', 'before', 'during', 'said', 'says', 'told', 'and', 'or', 'but', 'as', 'was', 'is', 'has', 'had', 'who', 'when']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const TITLE_PARTS = /[\s-]+/;
/** Honorifics that only ever come before a person's name. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady']);
/** Members of a body named after it ("Labour MP", "Tory MEP"): the body is the name before them. */
const MEMBER_ROLES = new Set(['mp', 'mps', 'mep', 'meps', 'msp', 'msps', 'peer', 'peers', 'councillor', 'councillors']);
/** Titles that end a role, never the name of a body ("the US Consul General", "Russian Foreign Minister"). */
const ROLE_END = new Set(
  `consul ambassador envoy spokesman spokeswoman spokesperson minister secretary president chairman chairwoman governor
  senator mayor general correspondent editor analyst economist official adviser advisor aide negotiator attorney
  prosecutor`.split(/\s+/).filter(Boolean),
);
/**
 * Words that open a sentence without naming anything: a span the tagger starts on one ("Meanwhile Lib Dem leader
 * Charles Kennedy", "However Microsoft") starts after it.
 */
const SENTENCE_OPENERS = new Set(
  `meanwhile however but and or nor so yet also still then thus instead indeed moreover furthermore nevertheless
  nonetheless besides although though while whereas when where after before since until unless if as because once
  today yesterday tomorrow now earlier later recently previously currently finally initially eventually separately
  elsewhere overall altogether likewise similarly otherwise accordingly consequently hence therefore admittedly
  in on at by for from with without within under over during against among between despite unlike like
  i he she it we they you his her its our their my your this that these those there here what which who whose how why`
    .split(/\s+/).filter(Boolean),
);

function titleish(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}

/** Display text of tokens [a, b) of a sequence, keeping the original spacing. */
export function spanText(s: Seq, a: number, b: number, restore: boolean): string {
  let out = '';
  for (let i = a; i < b; i++) {
    if (i > a && s.tokens[i].start > s.tokens[i - 1].end) out += ' ';
    let f = restore && s.caps ? s.forms[i] : s.tokens[i].text;
    if (restore && s.caps && i === a && LOWER_START.test(f)) f = titleish(f);
    out += f;
  }
  return out;
}

export interface WordLexicon {
  common: WordSet;
  proper: WordSet;
  /** A country, region or city (the gazetteer's). */
  isPlace?(phrase: string): boolean;
  /** A given name (lower case; the gazetteer's). */
  isFirstName?(lower: string): boolean;
}

export function spansFromTags(s: Seq, seqIndex: number, tags: string[], lex?: WordLexicon): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tags.length) {
    const t = tags[i];
    if (t === 'O') { i++; continue; }
    const type = t.slice(2) as MentionType;
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + type) j++;
    // a body's or event's last word the tagger left out ("International Association of Athletics Federations",
    // "Norwich Union Grand Prix")
    while (j < tags.length && tags[j] === 'O' && !s.caps && !s.initial[j] && UPPER_START.test(s.tokens[j].text) && isNameEnd(s.lower[j])) j++;
    // "Federal Reserve Governor Lawrence Lindsey": a role word inside an
    // organisation or place span separates the body from the person
    let split = -1;
    if (type !== 'PER') for (let k = i + 1; k < j - 1; k++) if (ROLE_HEADS.has(s.lower[k]) && UPPER_START.test(s.forms[k]) && UPPER_START.test(s.forms[k + 1])) { split = k; break; }
    if (split > 0 && !s.lower.slice(split + 1, j).every((w) => TITLE_WORDS.has(w))) {
      out.push(cleanSpan(s, seqIndex, type, i, split));
      out.push(cleanSpan(s, seqIndex, 'PER', split + 1, j));
    } else if (type === 'PER' && (split = personBreak(s, i, j)) > 0) {
      // "Tyson in Las Vegas": a word that is part of no name ends the person; a place may follow
      out.push(cleanSpan(s, seqIndex, 'PER', i, split));
      const rest = cleanSpan(s, seqIndex, 'LOC', split + 1, j);
      if (lex?.isPlace?.(rest.text)) out.push(rest);
    } else out.push(cleanSpan(s, seqIndex, type, i, j));
    i = j;
  }
  const kept = lex ? out.map((m) => royalName(s, withoutDemonym(s, withoutOpeningNoun(s, m, lex), lex), lex)) : out;
  return harmonizeLists(s, kept.filter((m) => m.end > m.start && isPlausible(m) && !(lex && isCapitalisedCommonWord(s, m, lex)) && !isRole(s, m) && !isTitleBeforeName(s, m)));
}

/**
 * A sovereign, a royal or a peer named by title and one name is a person under both ("Prince Charles", "Queen
 * Beatrix", "Lord Woolf", "Baroness Boothroyd"), however
 * the tagger read them: a person's one name just after such a title takes it in ("Prince" left out, "Charles" read
 * alone, would be dropped as a lone given name) when it is a given name or no English word ("King Crimson", the band,
 * stays as it was), and a place or body read over exactly the title and a given name is that person ("the wedding of
 * Prince Charles" read as a place; not "King Kong": "Kong" is no given name).
 */
function royalName(s: Seq, m: Mention, lex: WordLexicon): Mention {
  if (s.caps) return m;
  const low = s.lower;
  // (not after "the": "at the Prince Edward" is the theatre)
  const at = m.type === 'PER' ? m.start - 1 : m.start;
  if (at > 0 && low[at - 1] === 'the') return m;
  const named = (w: string) => !!lex.isFirstName?.(w) || !lex.common.has(w); // a given name, or no English word
  // (made here, not by cleanSpan, which takes titles off a person's name)
  const titled = (a: number): Mention => ({ ...m, type: 'PER', start: a, end: a + 2, text: spanText(s, a, a + 2, true), raw: spanText(s, a, a + 2, false) });
  if (m.type === 'PER' && m.end - m.start === 1 && m.start > 0 && ROYAL_TITLES.has(low[m.start - 1]) && UPPER_START.test(s.tokens[m.start - 1].text) && named(low[m.start])) {
    return titled(m.start - 1);
  }
  if ((m.type === 'LOC' || m.type === 'ORG') && m.end - m.start === 2 && ROYAL_TITLES.has(low[m.start]) && lex.isFirstName?.(low[m.start + 1])) return titled(m.start);
  return m;
}

/** Nouns of nationality that are not the adjective (isDemonym has those): "Spaniard Conchita Martinez". */
const NATIONALITY_NOUNS = new Set(['spaniard', 'briton', 'brit', 'swede', 'pole', 'turk', 'kiwi', 'zealander', 'frenchman', 'frenchwoman', 'englishman', 'englishwoman', 'irishman', 'irishwoman', 'welshman', 'welshwoman', 'scotsman', 'scotswoman', 'dutchman', 'dutchwoman']);

/**
 * "Namibian Frankie Fredericks", "Spaniard Conchita Martinez", "New Zealander Peter Jackson", "New Yorker Rebecca
 * Weinstein": a nationality or a place's resident before a person's name of two words or more is no part of it (as a
 * role is not). Not in ALL-CAPS text.
 */
function withoutDemonym(s: Seq, m: Mention, lex: WordLexicon): Mention {
  if (m.type !== 'PER' || m.end - m.start < 3 || s.caps) return m;
  const l = s.lower[m.start];
  // (a resident of a place the gazetteer knows: "New Yorker", "Londoner", "Berliner")
  if (!isDemonym(l) && !NATIONALITY_NOUNS.has(l) && !(l.endsWith('er') && l.length > 5 && !!lex.isPlace?.(l.slice(0, -2)))) return m;
  if (!UPPER_START.test(s.tokens[m.start + 1].text)) return m;
  return cleanSpan(s, m.seq, 'PER', m.start + 1, m.end);
}

/** Endings of nouns of occupation ("comedian", "guitarist", "drummer", "actor", "frontman", "actress"). */
const OCCUPATION_END = /(?:ian|ist|er|or|man|woman|ess)$/;

/**
 * "Comedian Harry Hill said", "Cinematographer John Mathieson": a noun of occupation (a dictionary word of six letters
 * or more with an occupation's ending) that opens the sentence, capitalised only for that, is no part of the person's
 * name after it. Only before a name of two words or more that starts with a capital, and not a word that is also a
 * proper noun ("Walker", "Turner", "Hunter"); shorter words and other endings stay ("Pier Francesco Chili", "Tamer El
 * Sawy", "Gilles De Bilde": given names that are also English words).
 */
function withoutOpeningNoun(s: Seq, m: Mention, lex: WordLexicon): Mention {
  if (m.type !== 'PER' || m.end - m.start < 3 || !s.initial[m.start] || s.caps) return m;
  const l = s.lower[m.start];
  if (l.length < 6 || !OCCUPATION_END.test(l) || !lex.common.has(l) || lex.proper.has(l) || !UPPER_START.test(s.tokens[m.start + 1].text)) return m;
  return cleanSpan(s, m.seq, 'PER', m.start + 1, m.end);
}

/** Whether a name ends in a company's legal form ("Corp", "Inc", "plc"). */
const endsLegal = (m: Mention) => COMPANY_LEGAL_SET.has(m.text.slice(m.text.lastIndexOf(' ') + 1).toLowerCase().replace(/\.$/, ''));
const COMPANY_LEGAL_SET = new Set(COMPANY_LEGAL);

/** A side of a split name that can be a name of its own: three letters or more, or an acronym. */
const namesAlone = (t: string) => t.length >= 3 || /^\p{Lu}{2}$/u.test(t);

/**
 * Two names the tagger read as one across "and" ("Microsoft and Google", "Barcelona and Real Madrid", "Kings Cross and
 * Euston") are two: a name split at "and" where each side is named on its own elsewhere in the article, or (in a
 * place's name) is a place the gazetteer knows, gives a mention of each side (of the kind that side is read as on its
 * own). A name whose sides are not both known so stays whole ("Department of Trade and Industry", "Food and
 * Agriculture Organisation"), and so does a place the gazetteer knows whole ("Trinidad and Tobago").
 */
export function splitConjoined(mentions: Mention[], seqs: Seq[], isPlace: (name: string) => boolean): Mention[] {
  /** Per mention, where an "and" inside it stands (-1: none). */
  const joined = mentions.map((m) => {
    const s = seqs[m.seq];
    for (let k = m.start + 1; k < m.end - 1; k++) if (s.lower[k] === 'and') return k;
    return -1;
  });
  if (joined.every((k) => k < 0)) return mentions;
  /** Each name's kind where it is named on its own: the kind most of those mentions have (the first's on a tie). */
  const kinds = new Map<string, Map<MentionType, number>>();
  for (const [i, m] of mentions.entries()) {
    if (joined[i] >= 0) continue;
    const c = kinds.get(m.text) ?? new Map<MentionType, number>();
    c.set(m.type, (c.get(m.type) ?? 0) + 1);
    kinds.set(m.text, c);
  }
  const alone = new Map<string, MentionType>();
  for (const [text, c] of kinds) {
    let best: MentionType | undefined;
    for (const [t, n] of c) if (!best || n > c.get(best)!) best = t;
    alone.set(text, best!);
  }
  const out: Mention[] = [];
  for (const [i, m] of mentions.entries()) {
    const k = joined[i];
    if (k < 0 || isPlace(m.text)) {
      out.push(m);
      continue;
    }
    const s = seqs[m.seq];
    const left = { ...m, end: k, text: spanText(s, m.start, k, true), raw: spanText(s, m.start, k, false) };
    const right = { ...m, start: k + 1, text: spanText(s, k + 1, m.end, true), raw: spanText(s, k + 1, m.end, false) };
    // (the gazetteer's places only within a place's span: "Rogers and Hammerstein" is no place, whatever Arkansas has)
    const kindOf = (x: Mention): MentionType | undefined => alone.get(x.text) ?? (m.type === 'LOC' && isPlace(x.text) ? 'LOC' : undefined);
    // A side not named alone is known by its form when the other side is of that kind: a place the gazetteer knows
    // beside a place ("US and Europe"), a company's legal name beside a company ("Chevron Corp and Texaco Inc").
    const byForm = (x: Mention): MentionType | undefined => (isPlace(x.text) ? 'LOC' : m.type === 'ORG' && endsLegal(x) ? 'ORG' : undefined);
    let lt = kindOf(left);
    let rt = kindOf(right);
    const lf = lt ?? byForm(left);
    const rf = rt ?? byForm(right);
    if (lf && lf === rf) {
      lt = lf;
      rt = rf;
    }
    // (a side of two letters is a piece of a name: "Swiss Re and Munich Re" read from "Re")
    if (!lt || !rt || !UPPER_START.test(s.tokens[k + 1].text) || !namesAlone(left.text) || !namesAlone(right.text)) {
      out.push(m);
      continue;
    }
    out.push({ ...left, type: lt }, { ...right, type: rt });
  }
  return out;
}

const LIST_SEPARATORS = new Set([',', ';', 'and', '&']);
/** Fewest names in a list whose kinds are made one; share of the list the most common kind must have. */
const LIST_MIN = 4;
const LIST_MAJORITY = 0.6;

/**
 * Names listed one after another ("Given, Breen, Staunton, Irwin, McAteer": a team's line-up) are of one kind:
 * in a run of at least four short names separated only by commas, semicolons or "and", the names whose kind
 * differs from a clear majority's take the majority's kind.
 */
function harmonizeLists(s: Seq, ms: Mention[]): Mention[] {
  let i = 0;
  while (i < ms.length) {
    let j = i + 1;
    while (j < ms.length && ms[j].end - ms[j].start <= 3 && ms[j - 1].end - ms[j - 1].start <= 3 && separatedOnly(s, ms[j - 1].end, ms[j].start)) j++;
    if (j - i >= LIST_MIN) {
      const counts = new Map<MentionType, number>();
      for (let k = i; k < j; k++) counts.set(ms[k].type, (counts.get(ms[k].type) ?? 0) + 1);
      let best: MentionType = 'MISC';
      let bc = 0;
      for (const [t, c] of counts) if (c > bc) { best = t; bc = c; }
      if (bc >= LIST_MAJORITY * (j - i)) for (let k = i; k < j; k++) ms[k].type = best;
    }
    i = j;
  }
  return ms;
}

/** Tokens [a, b) are one list separator ("," or "and", or ", and"). */
function separatedOnly(s: Seq, a: number, b: number): boolean {
  if (b <= a || b - a > 2) return false;
  for (let k = a; k < b; k++) if (!LIST_SEPARATORS.has(s.lower[k])) return false;
  return true;
}

/** A word that ends the name of a body or an event ("Federation", "Federations", "Prix"). */
function isNameEnd(w: string): boolean {
  return ORG_SUFFIXES.has(w) || EVENT_LAST.has(w) || (w.length > 3 && w.endsWith('s') && ORG_SUFFIXES.has(w.slice(0, -1)));
}

/** The first word inside a person's span that is part of no name (PERSON_BREAKS; -1 if none). */
function personBreak(s: Seq, a: number, b: number): number {
  if (s.caps) return -1;
  for (let k = a + 1; k < b - 1; k++) if (PERSON_BREAKS.has(s.tokens[k].text)) return k;
  return -1;
}

/** Titles that name a sovereign, a royal or a peer with one name after them ("Prince Charles", "Lord Woolf"). */
export const ROYAL_TITLES = new Set([...SOVEREIGN_TITLES, ...PEER_TITLES]);

/** Months' full names, and the words after which a month is part of a name. */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const MONTH_BEFORE = new Set(['of', '&', 'and']);

function cleanSpan(s: Seq, seq: number, type: MentionType, a: number, b: number): Mention {
  const low = s.lower;
  // a sentence stop inside a span ends it ("Hutton Inquiry. The")
  for (let k = a + 1; k < b - 1; k++) {
    if (SENTENCE_STOP.test(s.tokens[k].text) && s.tokens[k - 1].text.length > 3 && HAS_LOWER.test(s.tokens[k - 1].text)) { b = k; break; }
  }
  // no month at the end of a body's name ("Allensbach April", "Bank of Japan's December"), unless after "of", "and" or
  // "&", where it is part of the name ("Fourth of July")
  while (b - a > 1 && type === 'ORG' && MONTHS.has(low[b - 1]) && !MONTH_BEFORE.has(low[b - 2])) b--;
  // strip possessives and punctuation at the edges, leading articles
  while (b > a && (isPossessive(s.tokens[b - 1].text) || PUNCT_ONLY.test(s.tokens[b - 1].text) || (b - a > 1 && NUMBER_LIKE.test(s.tokens[b - 1].text) && !NUMBERED_NAMES.has(low[b - 2])))) b--;
  while (a < b && (PUNCT_ONLY.test(s.tokens[a].text) || LEAD_DROP.has(low[a]))) a++;
  // no word that only opens the sentence ("Meanwhile Lib Dem")
  while (b - a > 1 && s.initial[a] && !s.caps && SENTENCE_OPENERS.has(low[a]) && UPPER_START.test(s.tokens[a + 1].text)) a++;
  // no trailing common words ("Mercedes van", "US delegation"), no day after a name ("Jose Miguel Insulza Monday")
  while (b - a > 1 && !s.caps && LOWER_START.test(s.tokens[b - 1].text)) b--;
  while (b - a > 1 && type !== 'MISC' && WEEKDAYS.has(low[b - 1])) b--;
  // an honorific starts a person's name, whatever the tagger read ("Mr Brown", "Lord Falconer" as bodies)
  if (type !== 'PER' && b - a > 1 && HONORIFICS.has(low[a].replace(FINAL_PERIOD, '')) && UPPER_START.test(s.tokens[a + 1].text) && !NAME_PARTICLES.has(low[a + 1])) type = 'PER';
  // a body's role word after it is the role of someone named next, not part of the body ("Labour MP")
  while (b - a > 1 && type === 'ORG' && !s.caps && MEMBER_ROLES.has(low[b - 1])) b--;
  if (type === 'PER') {
    // titles are not part of a person's name ("President Vladimir Putin"; a royal's before one name is put back by
    // royalName: "Prince Charles")
    while (b - a > 1 && (TITLE_WORDS.has(low[a]) || TITLE_WORDS.has(low[a].replace(FINAL_PERIOD, '')) || low[a] === '.')) a++;
  }
  // "Liggett Group", "South Africa Ltd": a company word ends the name of a body
  if (b - a > 1 && ((type === 'PER' && (ORG_SUFFIXES.has(low[b - 1]) || TEAM_ENDS.has(low[b - 1]))) || (type === 'LOC' && (BODY_ENDS.has(low[b - 1]) || (low[b - 1] === 'union' && b - a > 2))))) type = 'ORG';
  // events are neither bodies nor places ("Hong Kong Open", "Fed Cup")
  if (b - a > 1 && EVENT_LAST.has(low[b - 1])) type = 'MISC';
  // a place "International" is a tournament ("Sydney International"); a body so named is a company ("Amnesty
  // International", "Tyco International")
  if (b - a > 1 && type === 'LOC' && low[b - 1] === 'international') type = 'MISC';
  return { type, seq, start: a, end: b, text: spanText(s, a, b, true), raw: spanText(s, a, b, false) };
}

function isPlausible(m: Mention): boolean {
  const t = m.text;
  if (!HAS_LETTER.test(t)) return false;
  const l = t.toLowerCase();
  if (m.end - m.start === 1 && m.type !== 'MISC') {
    if (NON_NAMES.has(l) || NO_NAME_ALONE.has(l)) return false;
    // a single letter is an initial or a label, not a name ("D", "T")
    if (t.length === 1) return false;
    // a plural of an acronym is a common noun ("MPs", "PCs", "DVDs")
    if (PLURAL_ACRONYM.test(t)) return false;
  }
  if (m.end - m.start > 1 && AWARDS.has(l)) return false;
  if (!NAME_START.test(t) && !LOWER_NAME_START.test(t)) return false;
  if (m.type === 'PER' && m.text.split(TITLE_PARTS).every((w) => TITLE_WORDS.has(w.toLowerCase().replace(FINAL_PERIOD, '')))) return false;
  if (m.type === 'LOC' || m.type === 'ORG') {
    // nationality words are MISC, not places
    if (m.end - m.start === 1 && (isDemonym(l) || isDemonym(l.replace(FINAL_S, '')) || GROUP_WORDS.has(l)) && m.type === 'LOC') return false;
    // nor are a region's ("the North American box office", "South Asian", "Latin American")
    if (m.type === 'LOC' && m.end - m.start === 2) {
      const [first, last] = l.split(' ');
      if (COMPASS.has(first) && isDemonym(last)) return false;
    }
  }
  return true;
}

const COMPASS = new Set(['north', 'south', 'east', 'west', 'central', 'latin', 'northern', 'southern', 'eastern', 'western']);

/** Words before a place's name that say it is one ("in Hull", "at the Savoy", "near Wells"). */
const LOCATIVES = new Set(['in', 'at', 'near', 'from', 'to', 'outside', 'across', 'around', 'towards', 'toward', 'into', 'inside', 'via', 'through']);

/**
 * A place of one word that is an English word, or the plural of one ("Rings"), no gazetteer knows as a place ("Love",
 * "Snake", "Land", "Pet", "Amazon": titles, products and pieces of names the tagger read as places) is no place,
 * unless one of its mentions has a locative word just before it ("in Hull", "at the Savoy"), or it is a point of the
 * compass ("the North"), or an abbreviation with its full stop ("Mass.", "Ill."). Asked of whole entities, once every
 * mention is typed: a list's members are read alike and companies retyped first ("Sprint's vice president").
 */
export function isCommonWordPlace(name: string, mentions: readonly Mention[], seqs: readonly Seq[], lex: WordLexicon): boolean {
  if (name.includes(' ') || !lex.isPlace) return false;
  const l = name.toLowerCase();
  if (!(lex.common.has(l) || (l.length > 4 && l.endsWith('s') && lex.common.has(l.slice(0, -1)))) || COMPASS.has(l) || lex.isPlace(name)) return false;
  for (const m of mentions) {
    const s = seqs[m.seq];
    if (s.caps) return false;
    const next = s.tokens[m.end]?.text;
    if (next === '.' && m.end + 1 < s.tokens.length && !UPPER_START.test(s.tokens[m.end + 1].text)) return false;
    let k = m.start - 1;
    if (k >= 0 && LEAD_DROP.has(s.lower[k])) k--;
    if (k >= 0 && LOCATIVES.has(s.lower[k])) return false;
  }
  return true;
}

/** A title read as a name of its own just before a name ("Lord" + "Falconer", "Lord of the Rings"): part of no name. */
function isTitleBeforeName(s: Seq, m: Mention): boolean {
  if (m.end - m.start !== 1 || m.type === 'MISC' || !TITLE_WORDS.has(s.lower[m.start]) || m.end >= s.tokens.length) return false;
  // (not a body before its member's role: "Labour MP")
  return (UPPER_START.test(s.tokens[m.end].text) && !MEMBER_ROLES.has(s.lower[m.end])) || s.lower[m.end] === 'of';
}

/** A body or place whose name ends in a title is a role ("the US Consul General"), not a name. */
function isRole(s: Seq, m: Mention): boolean {
  if (!((m.type === 'ORG' || m.type === 'LOC') && !s.caps && ROLE_END.has(s.lower[m.end - 1]))) return false;
  // (but a body named after one is a body: "Office of the Deputy Prime Minister")
  for (let k = m.start + 1; k < m.end; k++) if (s.lower[k] === 'of' && OF_HEADS.has(s.lower[k - 1])) return false;
  return true;
}

/** "Unfortunately, ..." : a sentence-initial common word, not a name. */
function isCapitalisedCommonWord(s: Seq, m: Mention, lex: WordLexicon): boolean {
  if (m.end - m.start !== 1 || !s.initial[m.start] || s.caps) return false;
  const l = s.lower[m.start];
  if (lex.proper.has(l)) return false;
  // only discourse words: "Unfortunately," "Meanwhile," (tables start rows with team names)
  if (s.tokens[m.end]?.text !== ',' && !l.endsWith('ly')) return false;
  return lex.common.has(l) || (l.endsWith('ly') && (lex.common.has(l.slice(0, -2)) || lex.common.has(l.slice(0, -3) + 'e')));
}

/**
 * Nouns that name a kind of work just before its title ("the film Vera Drake", "her album Blue Horizon", "the
 * video game Halo 2"): the title is a work, not a person, body or place. Only nouns that are not also read before a
 * team or a name in sports copy ("game", "match", "single", "play", "show" are not among them).
 */
const WORK_NOUNS = new Set(['film', 'films', 'movie', 'movies', 'documentary', 'biopic', 'sitcom', 'musical', 'opera', 'ballet', 'album', 'albums', 'song', 'novel', 'thriller', 'blockbuster', 'comedy', 'drama', 'sequel', 'cartoon']);
/** "game" names a work only after one of these ("video game Halo 2", "computer game Doom"). */
const GAME_KINDS = new Set(['video', 'computer', 'online', 'console']);
const ACRONYM = /^\p{Lu}{2,}$/u;
/**
 * Nouns that name a kind of product just after its name ("the Xbox console", "the Firefox browser"): a person or
 * place read so is that product. (Not "phone", "player" or "game": "Europe phone sales", "England players", "the
 * Liverpool game".)
 */
const PRODUCT_NOUNS = new Set(['console', 'consoles', 'browser', 'browsers', 'handset', 'handsets', 'gadget', 'gadgets', 'laptop', 'laptops', 'processor', 'processors', 'chip', 'chips']);
/**
 * Nouns that name a recording just before its title only after a word that makes them one ("Elvis' single Jailhouse
 * Rock", "their first single Hey Joe", "her 1985 hit Running Up That Hill"): alone they are other words too ("a
 * single Arsenal goal", "the hit Chelsea took", "the track Gateshead").
 */
const LED_WORK_NOUNS = new Set(['single', 'singles', 'track', 'hit']);
const WORK_LEADS = new Set(['first', 'debut', 'new', 'latest', 'next', 'last', 'second', 'third', 'current', 'forthcoming', 'previous', 'lead', 'solo', 'charity', 'comeback', 'classic', 'big', 'biggest', 'smash', 'chart', 'number-one', 'title', 'hit']);
const POSSESSIVE = /^(?:['’]s?|s['’])$/;
/** A word before a led work noun that makes it one (see LED_WORK_NOUNS): a possessive, a lead word, a year or decade. */
const leadsWork = (s: Seq, j: number) => j >= 0 && (POSSESSIVE.test(s.tokens[j].text) || WORK_LEADS.has(s.lower[j]) || /^(?:1[89]|20)\d0s$|^(?:1[89]|20)\d\d$/.test(s.lower[j]));
/** Words after "Name, a … film" that end the description of a work ("Aaltra, a Belgian film about…"), not a role ("a film director"). */
const NOT_DESCRIBING = new Set(['behind', 'of', 'for', 'with', 'the', 'a', 'an', 'in', 'on', 'at', 'by', 'from', 'to', 'and', 'or', 'his', 'her', 'their', 'its', 'who', 'which', 'that', 'is', 'was', 'director', 'studio', 'company', 'maker', 'star', 'producer', 'critic', 'writer']);
const AFTER_WORK = new Set([',', '.', ';', ')', 'about', 'by', 'which', 'that', 'starring', 'directed', 'set', 'based', 'from', 'in', 'released', 'written', 'produced', 'featuring', 'with', 'telling', 'following', 'due', 'and', 'adapted', 'made']);
/** Nouns after a name that make it a modifier of something else ("the hit BBC show", "his single Top Of The Pops appearance"). */
const MODIFIED = new Set(['show', 'series', 'programme', 'channel', 'station', 'network', 'label', 'records', 'band', 'group', 'singer', 'star', 'chart', 'charts', 'award', 'awards', 'festival']);

/**
 * Small words that English writes in lower case inside the names of people, bodies and places but that titles of
 * works capitalise ("Lost In Translation", "Love Will Tear Us Apart", "Escape From New York"). Not "of", "the",
 * "and" or "for", which bodies' names written in capitals keep capitalised too ("Campaign For Nuclear Disarmament").
 */
const TITLE_SMALL_WORDS = new Set(['To', 'In', 'From', 'Into', 'On', 'At', 'Us', 'Me', 'You', 'Your', 'My', 'We', 'It', 'Is', 'Are', 'Was', 'Will', "Can't", "Don't", "Won't", "I'm", 'Can']);

/** A name of three words or more, in running text, with a capitalised small word inside: the title of a work. */
function titleCased(s: Seq, m: Mention): boolean {
  if (m.end - m.start < 3 || s.caps || s.kind !== 'body') return false;
  for (let k = m.start + 1; k < m.end - 1; k++) if (TITLE_SMALL_WORDS.has(s.tokens[k].text)) return true;
  return false;
}

/**
 * "Name, a Belgian film about…": a work named and then described as one (an article before the work noun, at most
 * three words between, and the description going on as a work's, not as a role's: see AFTER_WORK).
 */
function describedAsWork(s: Seq, m: Mention): boolean {
  const t = s.tokens;
  if (t[m.end]?.text !== ',') return false;
  // "a"/"an" only: "Directed by Antoine Fuqua, the film was…" names the work's maker, not the work
  const j = m.end + 1;
  if (t[j]?.text !== 'a' && t[j]?.text !== 'an') return false;
  for (let k = j + 1; k <= j + 4 && k < t.length; k++) {
    if (WORK_NOUNS.has(t[k].text)) return k + 1 >= t.length || AFTER_WORK.has(s.lower[k + 1]);
    // words that describe the work ("Belgian", "autobiographical"), not a noun phrase of their own ("a studio behind the film")
    if (!/^[\p{L}\d-]+$/u.test(t[k].text) || NOT_DESCRIBING.has(s.lower[k])) return false;
  }
  return false;
}

/**
 * The names an article gives as titles of works (see WORK_NOUNS) or of products (see PRODUCT_NOUNS): each mention
 * of such a name is of a work, and is no person, body or place anywhere in that article, except a place the
 * gazetteer knows (only the mention cued so is dropped: "the musical Chicago" and "in Chicago").
 */
export function dropWorkTitles(mentions: Mention[], seqs: Seq[], isPlace: (name: string) => boolean): { mentions: Mention[]; works: string[] } {
  const works = new Set<string>();
  /** The names that hold for the whole archive: titles of more than one word, and products (see canonicalizeArchive). */
  const shared = new Set<string>();
  const cued = new Set<Mention>();
  for (const m of mentions) {
    const s = seqs[m.seq];
    if (s.caps) continue;
    // a product: a name (not a body's: "Intel chips") just before a product noun
    if (m.type !== 'ORG' && PRODUCT_NOUNS.has(s.tokens[m.end]?.text ?? '') && !isPlace(m.text)) {
      cued.add(m);
      works.add(m.text);
      shared.add(m.text);
      continue;
    }
    if (m.type === 'MISC') continue;
    // (the title's own "The" may stand between: "the movie The Aviator" read as "The" and a name)
    const at = m.start > 1 && s.tokens[m.start - 1].text === 'The' && WORK_NOUNS.has(s.tokens[m.start - 2].text) ? m.start - 1 : m.start;
    const prev = at > 0 ? s.lower[at - 1] : '';
    const isCue = WORK_NOUNS.has(prev)
      ? s.tokens[at - 1].text === prev
      : prev === 'game'
        ? at > 1 && GAME_KINDS.has(s.lower[at - 2])
        : (LED_WORK_NOUNS.has(prev) && s.tokens[at - 1].text === prev && leadsWork(s, at - 2) && !MODIFIED.has(s.lower[m.end] ?? '')) || describedAsWork(s, m);
    if (!isCue && !titleCased(s, m)) continue;
    // an acronym is a body's ("a downloaded movie NEC is showing", a sentence break lost); a name before a work
    // noun is a modifier ("blockbuster West End musicals")
    if (ACRONYM.test(m.text) || WORK_NOUNS.has(s.lower[m.end]?.replace(FINAL_S, '') ?? '')) continue;
    cued.add(m);
    if (isPlace(m.text)) continue;
    works.add(m.text);
    if (m.end - m.start > 1) shared.add(m.text);
  }
  if (!cued.size) return { mentions, works: [] };
  // the last word of a title, alone, is that title cut short ("Drake" after "Vera Drake", "Fockers")
  for (const w of lastWords(works)) works.add(w);
  return {
    mentions: mentions.filter((m) => !cued.has(m) && !(m.type !== 'MISC' && works.has(m.text) && !isPlace(m.text))),
    works: [...shared].sort(),
  };
}

/**
 * Nouns that name a kind of company, club or band just before its name, after a word that says which ("security
 * firm Sophos", "online retailer Amazon", "oil giant Yukos", "Premiership side Chelsea", "rock band Franz
 * Ferdinand"): the name is an organisation's. Not nouns that are also people's roles or pairs of people
 * ("documentary maker Michael Cockerell", "fellow broadcaster Michael Pointon", "publisher", "developer", "Irish duo
 * Malcolm O'Kelly and Paul O'Connell"), and not after a determiner ("the firm Smith founded").
 */
const COMPANY_NOUNS = new Set(['firm', 'company', 'retailer', 'giant', 'group', 'band', 'outfit', 'carrier', 'operator', 'insurer', 'airline', 'conglomerate', 'supermarket', 'manufacturer', 'label', 'studio', 'side', 'club', 'agency', 'bank']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'every', 'each', 'another', 'same', 'any', 'no', 'one', 'which', 'what']);

/**
 * A person or place named as a company or club (see COMPANY_NOUNS), or as a web business ("Amazon.com"), is that
 * organisation in the whole article: each mention of the name, cued or not, becomes one.
 */
const WEB_ENDS = new Set(['com', 'net', 'co']);
/** A name that runs on into ".com" ("Amazon.com", "Lastminute.com", "Amazon.co.uk"): the name of a business. */
function isWebAddress(s: Seq, end: number): boolean {
  const dot = s.tokens[end];
  const tld = s.tokens[end + 1];
  return !!dot && !!tld && dot.text === '.' && dot.start === s.tokens[end - 1].end && tld.start === dot.end && WEB_ENDS.has(tld.text);
}

export function retypeCompanies(mentions: Mention[], seqs: Seq[]): Mention[] {
  const companies = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PER' && m.type !== 'LOC') continue;
    const s = seqs[m.seq];
    if (isWebAddress(s, m.end)) {
      companies.add(m.text);
      continue;
    }
    if (m.start < 2 || s.caps) continue;
    const cue = s.tokens[m.start - 1].text;
    if (!COMPANY_NOUNS.has(cue)) continue;
    const before = s.tokens[m.start - 2].text;
    if (!HAS_LETTER.test(before) || DETERMINERS.has(before.toLowerCase())) continue;
    companies.add(m.text);
  }
  if (!companies.size) return mentions;
  // the last word of a company's name, alone, read as a surname is that company cut short ("Hardie" after "James Hardie")
  const cutShort = new Set(lastWords(companies));
  return mentions.map((m) => ((m.type === 'PER' || m.type === 'LOC') && (companies.has(m.text) || (m.type === 'PER' && cutShort.has(m.text))) ? { ...m, type: 'ORG' } : m));
}

/**
 * A person's name of one word that is a common word and no known name ("Motorcycle", "Million", "Flying", "Band"),
 * beside another capitalised word, is a piece of a longer title or name the tagger did not read whole ("The
 * Motorcycle Diaries", "Million Dollar Baby", "House of Flying Daggers", "Band Aid"): that mention is dropped. Not
 * after a title or a given name ("Lord Falconer", "Gerard Batten"), and not a word the dictionary knows as a name or a given name ("Frost", "Brown").
 */
export function dropTitleFragments(mentions: Mention[], seqs: Seq[], words: { common: WordSet; proper: WordSet; firstname: WordSet }): Mention[] {
  const capitalised = (s: Seq, i: number) => i >= 0 && i < s.tokens.length && UPPER_START.test(s.tokens[i].text) && HAS_LOWER.test(s.tokens[i].text);
  return mentions.filter((m) => {
    if (m.type !== 'PER' || m.end - m.start !== 1) return true;
    const s = seqs[m.seq];
    if (s.caps) return true;
    const w = s.lower[m.start];
    if (!words.common.has(w) || words.proper.has(w) || words.firstname.has(w)) return true;
    if (m.start > 0 && (TITLE_WORDS.has(s.lower[m.start - 1]) || (words.firstname.has(s.lower[m.start - 1]) && !words.common.has(s.lower[m.start - 1])))) return true; // "Gerard Batten"
    return !(capitalised(s, m.start - 1) || capitalised(s, m.end));
  });
}

/** The last word of each name of more than one word. */
function lastWords(names: Iterable<string>): string[] {
  return [...names].filter((n) => n.includes(' ')).map((n) => n.slice(n.lastIndexOf(' ') + 1));
}

/** A minute or place after a name in a results line: its number ("19th" is read as "19" and "th") and ending. */
const ORDINAL_NUMBER = /^\d{1,3}$/;
const ORDINAL_END = /^(?:st|nd|rd|th)$/i;

/**
 * Whether a mention stands where a person's whole name does, so that a lone given name there is a person named by one
 * name, not a fragment: a scorer followed by the minute ("Volendam 1 (Jongsma 85th) PSV Eindhoven 3 (Marcelo 19th)"),
 * or the last name of a list that goes on past the end of its line, with no stop after it ("…, Pedro Linhart (Spain),
 * Jamie" and, on the next line, the rest).
 */
export function standsAlone(s: Seq, m: Mention): boolean {
  const n = s.tokens.length;
  if (m.end + 1 < n && ORDINAL_NUMBER.test(s.tokens[m.end].text) && ORDINAL_END.test(s.tokens[m.end + 1].text)) return true;
  return m.end === n && m.start > 0 && s.tokens[m.start - 1].text === ',';
}

/**
 * The one name of a royal named by title ("Prince Charles" → "Charles"; see royalName), or undefined for any other
 * name: such a name ranks below a full name as an entity's name (src/ner/canonical.ts, formScore).
 */
export function royalNameRest(text: string): string | undefined {
  return nameTitle(text) === undefined ? undefined : text.slice(text.indexOf(' ') + 1);
}
