// Rule corrections applied to the tagger's BIO tags before spans are read:
// institutions the statistical tagger misses ("Foreign Ministry"), country
// and region names it leaves untagged, seats of government named for the
// body ("the Kremlin said").
import type { Seq } from './doc.ts';
import type { Gazetteer } from './gazetteer.ts';
import { COMPANY_LEGAL, NON_NAMES, TITLE_WORDS, isDemonym } from './lexicon.ts';

const INST_FIRST = new Set(
  'foreign defence defense interior finance economy economic justice health education state home trade agriculture energy culture transport labour labor treasury environment information industry commerce'.split(' '),
);
const INST_LAST = new Set(['ministry', 'department', 'office', 'secretariat']);
/** Buildings that stand for the body that sits in them. */
const SEATS = new Map([['kremlin', 1], ['pentagon', 1], ['white house', 2], ['downing street', 2]]);

const SEAT_FIRST = new Set([...SEATS.keys()].map((k) => k.split(' ')[0]));
/** Words that end a company's legal name. */
const COMPANY_END = new Set([...COMPANY_LEGAL, 'bhd', 'pty']);
const CAP = /^\p{Lu}/u;

/** CAP.test(f) for each form, without the regular expression when the form starts with an ASCII character. */
function capitalised(forms: string[]): boolean[] {
  const out: boolean[] = new Array(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const c = forms[i].charCodeAt(0);
    out[i] = c < 128 ? c >= 65 && c <= 90 : CAP.test(forms[i]);
  }
  return out;
}

function setSpan(tags: string[], a: number, b: number, type: string): void {
  // clear any entity the span cuts into
  let x = a;
  while (x > 0 && tags[x].startsWith('I-')) x--;
  let y = b;
  while (y < tags.length && tags[y].startsWith('I-')) y++;
  for (let k = x; k < y; k++) tags[k] = 'O';
  tags[a] = 'B-' + type;
  for (let k = a + 1; k < b; k++) tags[k] = 'I-' + type;
}

function isFree(tags: string[], a: number, b: number, allowType?: string): boolean {
  // untagged, or exactly one entity of allowType
  if (tags.slice(a, b).every((t) => t === 'O')) return true;
  if (!allowType) return false;
  if (tags[a] !== 'B-' + allowType) return false;
  for (let k = a + 1; k < b; k++) if (tags[k] !== 'I-' + allowType) return false;
  return b >= tags.length || !tags[b].startsWith('I-');
}

export function applyRules(s: Seq, tags: string[], gaz: Gazetteer): string[] {
  const t = [...tags];
  const low = s.lower;
  const capd = capitalised(s.forms);
  const n = t.length;
  for (let i = 0; i + 1 < n; i++) {
    if (capd[i] && capd[i + 1] && INST_LAST.has(low[i + 1]) && INST_FIRST.has(low[i])) {
      // leave it inside a longer organisation name ("Russian Foreign Ministry")
      if (t[i + 1] === 'I-ORG' && (t[i] === 'B-ORG' || t[i] === 'I-ORG')) continue;
      // a longer name of another kind that ends with it is that organisation's name ("Russian Foreign Ministry"
      // read as MISC)
      if (t[i].startsWith('I-') && t[i + 1] === 'I-' + t[i].slice(2) && (i + 2 >= n || !t[i + 2].startsWith('I-'))) {
        let x = i;
        while (x > 0 && t[x].startsWith('I-')) x--;
        if (t[x] === 'B-' + t[i].slice(2) && capd.slice(x, i).every(Boolean)) { setSpan(t, x, i + 2, 'ORG'); continue; }
      }
      setSpan(t, i, i + 2, 'ORG');
    }
  }
  // a company's legal name takes the capitalised word just before it, mid-sentence, when the tagger left it out or
  // read it as a name of its own ("Daniels" + "Pharmaceuticals Inc", "Gold" + "Fields of South Africa Ltd")
  if (!s.caps) {
    for (let b = 1; b <= n; b++) {
      if (!t[b - 1].startsWith('B-') && !t[b - 1].startsWith('I-')) continue;
      if (b < n && t[b].startsWith('I-')) continue; // not the span's end
      const endWord = low[b - 1].replace(/\.$/, '');
      if (!COMPANY_END.has(endWord)) continue;
      let a = b - 1;
      while (a > 0 && t[a].startsWith('I-')) a--;
      if (b - a < 2 || a === 0) continue;
      const p = a - 1;
      const lp = low[p];
      const single = t[p].startsWith('B-'); // a name of one word
      if (!capd[p] || s.initial[p] || (t[p] !== 'O' && !single) || NON_NAMES.has(lp) || TITLE_WORDS.has(lp) || isDemonym(lp) || gaz.isPlace(lp)) continue;
      setSpan(t, p, b, 'ORG');
    }
  }
  for (const [a, b] of gaz.matches(low, capd, ['country', 'region'])) {
    if (s.caps && s.src[a] === 'u') continue;
    if (isFree(t, a, b, 'MISC') && (a === 0 || !t[a - 1].startsWith('B-') || t[a - 1] === 'O') && (b >= n || !capd[b])) setSpan(t, a, b, 'LOC');
  }
  for (let i = 0; i < n; i++) {
    if (!SEAT_FIRST.has(low[i])) continue;
    const one = SEATS.get(low[i]);
    const two = i + 1 < n ? SEATS.get(low[i] + ' ' + low[i + 1]) : undefined;
    const len = two === 2 ? 2 : one === 1 ? 1 : 0;
    if (!len || !capd[i]) continue;
    const whole = t[i] !== 'O' && t[i].startsWith('B-') && (i + len >= n || !t[i + len].startsWith('I-'));
    if (whole || isFree(t, i, i + len)) setSpan(t, i, i + len, 'ORG');
  }
  if (!s.caps) {
    extendOfNames(t, low, capd);
    joinParticles(t, s, capd);
  }
  // a station or channel's number is part of its name ("BBC Radio 4", "Channel 4"; a "Channel" and a number the
  // tagger left untagged is a broadcaster's name)
  for (let i = 0; i + 1 < n; i++) {
    if (!capd[i] || !NUMBERED_NAMES.has(low[i]) || t[i + 1] !== 'O' || !/^\d{1,2}$/.test(low[i + 1])) continue;
    if (t[i] === 'B-ORG' || t[i] === 'I-ORG') t[i + 1] = 'I-ORG';
    else if (t[i] === 'O' && low[i] === 'channel') setSpan(t, i, i + 2, 'ORG');
  }
  if (!s.caps) fixtureSides(t, s, gaz);
  resultSides(t, s, gaz);
  return t;
}

/** A score in a results line: a whole number of one to three digits. */
const SCORE = /^\d{1,3}$/;

/**
 * The sides of a result line ("Gremio 6 Bragantino 1", "DETROIT 7 Chicago 4", "Ruch Chorzow (Poland) 5 Llansantffraid
 * (Wales) 0") are teams, so bodies, unless they are countries or home nations (national sides: places, as in
 * fixtureSides): two names each followed by a score (a bracketed country may stand between name and score), the line
 * or clause holding nothing else before them, and nothing but its end, a bracket or a stop after the second score
 * (which the line may leave to the next one).
 * Names read as people, places or other names are retyped; untagged words are left alone.
 */
function resultSides(t: string[], s: Seq, gaz: Gazetteer): void {
  const n = t.length;
  const low = s.lower;
  /** Index after a bracketed group starting at `i` ("(Poland)"), or `i` when none starts there. */
  const skipGroup = (i: number) => {
    if (low[i] !== '(') return i;
    for (let k = i + 1; k < n && k - i < 6; k++) if (low[k] === ')') return k + 1;
    return i;
  };
  for (let i = 0; i < n; i++) {
    const a = spanStartingAt(t, i);
    if (!a) continue;
    // the first side opens the line or a clause ("In Chorzow: …", "…; …")
    if (i > 0 && !CLAUSE_OPEN.has(low[i - 1])) {
      i = a[1] - 1;
      continue;
    }
    const s1 = skipGroup(a[1]);
    if (s1 >= n || !SCORE.test(low[s1])) continue;
    const b = spanStartingAt(t, s1 + 1);
    if (!b) continue;
    // (the second score may be on the next line: "In Luxembourg: US Luxembourg (Luxembourg) 0 Varteks Varazdin")
    const s2 = skipGroup(b[1]);
    if (s2 < n && !SCORE.test(low[s2])) continue;
    if (s2 + 1 < n && !RESULT_CLOSE.has(low[s2 + 1])) continue;
    for (const [x, y] of [a, b]) {
      if (t[x] === 'B-ORG' || isNation(low.slice(x, y), gaz)) continue;
      setSpan(t, x, y, 'ORG');
    }
    i = b[1] - 1;
  }
}

/** Tokens after which a results line's first side may stand. */
const CLAUSE_OPEN = new Set([':', ';', ',', '-']);
/** Tokens that may follow a results line's second score. */
const RESULT_CLOSE = new Set(['(', '.', ',', ';']);

/** "v" and "vs" between two sides of a match. */
const VERSUS = new Set(['v', 'vs', 'vs.']);

/**
 * The sides of a fixture or result ("Plymouth v Preston", "Lyngby (Denmark) v Club Brugge", "Southampton or Brentford
 * v Manchester United") read as places are teams, so bodies, unless they are countries, home nations or regions the
 * gazetteer knows (isNation: national sides are named as their country, and CoNLL counts them as places): a town or
 * a county on either side of "v" is its club. People
 * (tennis, boxing) and names read as bodies are left as they are. Only in running text with lower-case words, where
 * a lone lower-case "v" is the word "versus", not an initial.
 */
function fixtureSides(t: string[], s: Seq, gaz: Gazetteer): void {
  const n = t.length;
  const low = s.lower;
  for (let i = 1; i + 1 < n; i++) {
    if (!VERSUS.has(s.forms[i])) continue;
    // the side before: the name just before "v", or before a bracketed country ("Lyngby (Denmark) v")
    let end = i;
    if (low[end - 1] === ')') {
      let k = end - 2;
      while (k > 0 && low[k] !== '(' && i - k < 6) k--;
      if (low[k] === '(') end = k;
    }
    const sides: Array<[number, number]> = [];
    let left = spanEndingAt(t, end);
    while (left) {
      sides.push(left);
      // alternatives in a draw: "Southampton or Brentford v …"
      left = left[0] >= 2 && low[left[0] - 1] === 'or' ? spanEndingAt(t, left[0] - 1) : undefined;
    }
    const right = spanStartingAt(t, i + 1);
    if (right) {
      sides.push(right);
      if (right[1] + 1 < n && low[right[1]] === 'or') {
        const alt = spanStartingAt(t, right[1] + 1);
        if (alt) sides.push(alt);
      }
    }
    for (const [a, b] of sides) {
      if (t[a] !== 'B-LOC') continue;
      if (isNation(low.slice(a, b), gaz)) continue;
      setSpan(t, a, b, 'ORG');
    }
  }
}

/**
 * Whether the words name a country or a nation the gazetteer knows (its countries, their other names, and its regions,
 * which hold England, Scotland and Wales), or are "… of" one ("Republic of Ireland").
 */
function isNation(words: string[], gaz: Gazetteer): boolean {
  const name = words.join(' ');
  if (gaz.has('country', name) || gaz.countryCanon.has(name) || gaz.has('region', name)) return true;
  const of = words.lastIndexOf('of');
  return of > 0 && of + 1 < words.length && isNation(words.slice(of + 1), gaz);
}

/** The entity span [a, b) whose last token is just before `end`, if any. */
function spanEndingAt(t: string[], end: number): [number, number] | undefined {
  if (end < 1 || t[end - 1] === 'O') return undefined;
  let a = end - 1;
  while (a > 0 && t[a].startsWith('I-')) a--;
  return t[a].startsWith('B-') ? [a, end] : undefined;
}

/** The entity span [a, b) starting at `a`, if one does. */
function spanStartingAt(t: string[], a: number): [number, number] | undefined {
  if (a >= t.length || !t[a].startsWith('B-')) return undefined;
  let b = a + 1;
  while (b < t.length && t[b].startsWith('I-')) b++;
  return [a, b];
}

/** Names that end in a number ("BBC Radio 4", "Channel 4"): the number is not cut from them (src/ner/mentions.ts). */
export const NUMBERED_NAMES = new Set(['radio', 'channel']);

/** Words that head a body's name going on with "of" ("Office of the Deputy Prime Minister", "House of Fraser"). */
export const OF_HEADS = new Set(['office', 'house', 'bank', 'department', 'ministry', 'institute', 'institution', 'university', 'college', 'school', 'academy', 'museum', 'council', 'board', 'court', 'commission', 'committee', 'agency', 'society', 'federation', 'association', 'union', 'league', 'chamber', 'bureau', 'church', 'party', 'organisation', 'organization', 'corporation', 'fund', 'foundation', 'trust', 'centre', 'center', 'authority', 'confederation', 'congress', 'parliament']);

/**
 * A body's name that the tagger ended at its head word goes on over "of", "the" and the capitalised words after it
 * ("Office" + "of the Deputy Prime Minister", "House" + "of Fraser", "Bank" + "of England"), whatever they were read
 * as; it stops at the first word that is not capitalised ("House of Fraser and Woolworths").
 */
function extendOfNames(t: string[], low: string[], capd: boolean[]): void {
  const n = t.length;
  for (let b = 1; b + 1 < n; b++) {
    if (low[b] !== 'of' || t[b] !== 'O') continue;
    const type = t[b - 1] === 'B-ORG' || t[b - 1] === 'I-ORG' ? 'ORG' : t[b - 1] === 'B-LOC' || t[b - 1] === 'I-LOC' ? 'LOC' : undefined;
    if (!type || !(type === 'ORG' ? OF_HEADS : PLACE_OF_HEADS).has(low[b - 1])) continue;
    let c = b + 1;
    if (low[c] === 'the' && c + 1 < n) c++;
    let end = c;
    while (end < n && capd[end]) end++;
    if (end === c) continue;
    // and over a second "of" ("University of the West of England")
    while (end + 1 < n && low[end] === 'of' && capd[end + 1]) for (end++; end < n && capd[end]; ) end++;
    let a = b - 1;
    while (a > 0 && t[a].startsWith('I-')) a--;
    setSpan(t, a, end, type);
    b = end;
  }
}

/** Words that head a place's name going on with "of" ("Republic of Congo", "Isle of Man", "Gulf of Mexico"). */
const PLACE_OF_HEADS = new Set(['republic', 'isle', 'isles', 'island', 'islands', 'bay', 'gulf', 'sea', 'strait', 'straits', 'cape', 'kingdom', 'state', 'province', 'city', 'county', 'lake', 'vale', 'mount', 'principality', 'duchy']);
/** Lower-case particles inside names ("Tour de France", "Dominique de Villepin", "Rafael van der Vaart"). */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'van', 'von', 'der', 'den']);
/** First words of races named with a particle: an event, not a place ("Tour de France", "Giro d'Italia"). */
const RACE_FIRST = new Set(['tour', 'giro', 'vuelta']);

/**
 * A name the tagger started at a lower-case particle, just after a capitalised word, begins with that word ("Stade"
 * + "de France", "Tour" + "de France", "Dominique" + "de Villepin"): the two are one name, of the kind of the name
 * before the particle when there is one, else of the one after it; a race so named is an event.
 */
function joinParticles(t: string[], s: Seq, capd: boolean[]): void {
  for (let i = 1; i + 1 < t.length; i++) {
    // (an untagged word that only opens the sentence is no part of the name: "Meanwhile de Villepin")
    if (!t[i].startsWith('B-') || !PARTICLES.has(s.tokens[i].text) || !capd[i - 1] || !capd[i + 1] || (s.initial[i - 1] && t[i - 1] === 'O')) continue;
    let a = i - 1;
    while (a > 0 && t[a].startsWith('I-')) a--;
    let b = i + 1;
    while (b < t.length && t[b].startsWith('I-')) b++;
    const type = RACE_FIRST.has(s.lower[a]) ? 'MISC' : t[i - 1] !== 'O' ? t[i - 1].slice(2) : t[i].slice(2);
    setSpan(t, a, b, type);
    i = b - 1;
  }
}
