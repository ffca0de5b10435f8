// Groups mentions into one entity per real-world thing in the article and
// picks the canonical (longest full) name, aliases and mention counts.
import type { Gazetteer } from './gazetteer.ts';
import { BODY_ENDS, EVENT_LAST, ROYAL_TITLES, royalNameRest, type Mention, type MentionType } from './mentions.ts';
import { COURTESY, isDemonym, NAME_PARTICLES, NON_NAMES, ORG_SUFFIXES, TITLE_WORDS } from './lexicon.ts';

export interface Entity {
  type: MentionType;
  name: string;
  /** surface -> count */
  forms: Map<string, number>;
  mentions: Mention[];
  extraMentions: number;
  key: string;
  toks: string[];
}

const keyCache = new Map<string, string>();

// Regular expressions are made once, here: the compiled build makes a new one at each evaluation of a \p{…} literal.
// (The global ones only serve replace(), which starts from the beginning whatever their lastIndex.)
const MARKS = /\p{M}+/gu;
const NOT_NAME_CHARS = /[^\p{L}\p{N}' &]+/gu;
const FOUR_LETTERS = /\p{L}{4}/u;
const HAS_LOWER = /\p{Ll}/u;

/** Comparison key of a name: no diacritics, case, periods, hyphens, possessive, leading "the". */
export function normKey(s: string): string {
  let k = keyCache.get(s);
  if (k !== undefined) return k;
  k = computeKey(s);
  if (keyCache.size > 100_000) keyCache.clear();
  keyCache.set(s, k);
  return k;
}

function computeKey(s: string): string {
  // ASCII has nothing to decompose and no marks to strip
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) { ascii = false; break; }
  return (ascii ? s : s.normalize('NFKD').replace(MARKS, ''))
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/-/g, ' ')
    .replace(/'s$/, '')
    .replace(NOT_NAME_CHARS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

function isSubseq(a: string[], b: string[]): boolean {
  if (a.length >= b.length) return false;
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (b[i] === a[j]) j++;
  return j === a.length;
}

function initials(toks: string[]): string {
  return toks.filter((t) => !NAME_PARTICLES.has(t)).map((t) => t.charAt(0)).join('');
}

const countryKeyCache = new WeakMap<Gazetteer, Set<string>>();

/** Comparison keys of the canonical country names (computed once per gazetteer). */
function countryKeysOf(gaz: Gazetteer): Set<string> {
  let keys = countryKeyCache.get(gaz);
  if (!keys) countryKeyCache.set(gaz, (keys = new Set([...gaz.countryCanon.values()].map(normKey))));
  return keys;
}

const TYPE_PRIORITY: MentionType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/**
 * One entity per real-world thing among the mentions: the type by majority vote per name, short
 * forms joined to the longer name that contains them, and the canonical name, one function per step.
 */
export function groupEntities(mentions: Mention[], gaz: Gazetteer, namedAlone?: (m: Mention) => boolean): Entity[] {
  const countryKeys = countryKeysOf(gaz);
  // the comparison key of each mention's text, and the key it votes under (countries under one key: "US" and "United States")
  const keys: string[] = new Array(mentions.length);
  const voteKeys: string[] = new Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const k = normKey(mentions[i].text);
    const c = gaz.countryCanon.get(k);
    keys[i] = k;
    voteKeys[i] = c ? normKey(c) : k;
  }
  const typeOf = voteTypes(mentions, voteKeys, gaz, countryKeys);
  joinSurnames(typeOf, keys, gaz);
  joinFirstNames(typeOf, keys, mentions, gaz);
  let ents = groupByKey(mentions, keys, voteKeys, typeOf, gaz, countryKeys);
  ents = mergeShortForms(ents, gaz);
  // a lone common word left as a place or body is a fragment ("Republic", "Court")
  ents = ents.filter((e) => !(e.type === 'LOC' && e.toks.length === 1 && gaz.common.has(e.key) && !gaz.proper.has(e.key) && !gaz.isPlace(e.key) && !e.mentions.some((m) => m.text === m.text.toUpperCase() && m.text === m.raw)));
  // a lone first name that joined no full name is a fragment ("Donald"), unless it stands where a person's whole name
  // does (namedAlone: a scorer's "Marcelo 19th")
  ents = ents.filter((e) => !(e.type === 'PER' && e.toks.length === 1 && gaz.sets.firstname.has(e.key) && !(namedAlone && e.mentions.some(namedAlone))));
  for (const e of ents) e.name = canonicalName(e, gaz);
  return ents;
}

/** 1. One type per surface key in the document (majority vote). */
function voteTypes(mentions: Mention[], voteKeys: string[], gaz: Gazetteer, countryKeys: Set<string>): Map<string, MentionType> {
  const votes = new Map<string, Map<MentionType, number>>();
  for (let i = 0; i < mentions.length; i++) {
    const k = voteKeys[i];
    let v = votes.get(k);
    if (!v) votes.set(k, (v = new Map()));
    v.set(mentions[i].type, (v.get(mentions[i].type) ?? 0) + 1);
  }
  const typeOf = new Map<string, MentionType>();
  for (const [k, v] of votes) {
    let best: MentionType = 'MISC';
    let bc = -1;
    // a country's name leans to place ("US" in "US delegation")
    const placeBonus = countryKeys.has(k) || gaz.countryCanon.has(k) || gaz.sets.region.has(k) ? 0.5 : 0;
    for (const t of TYPE_PRIORITY) { const c = (v.get(t) ?? 0) + (t === 'LOC' && v.has('LOC') ? placeBonus : 0); if (c > bc) { best = t; bc = c; } }
    // a country named on its own is a place (CoNLL: national teams too)
    if (countryKeys.has(k)) best = 'LOC';
    typeOf.set(k, best);
  }
  return typeOf;
}

/** 2. Surname-only mentions typed as something else join the person. */
function joinSurnames(typeOf: Map<string, MentionType>, keys: string[], gaz: Gazetteer): void {
  const perLast = new Set<string>();
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) continue;
    seen.add(k);
    if (typeOf.get(k) === 'PER') { const t = k.split(' '); if (t.length > 1) perLast.add(t[t.length - 1]); }
  }
  for (const [k, t] of typeOf) {
    if (t !== 'PER' && !k.includes(' ') && perLast.has(k) && !gaz.isPlace(k)) typeOf.set(k, 'PER');
  }
}

/** Last words that end the names of clubs and companies, not of people ("Hinckley United", "Tyco International"). */
const NOT_SURNAMES = new Set([...BODY_ENDS, ...ORG_SUFFIXES, 'united', 'city', 'town', 'rovers', 'athletic', 'wanderers', 'international', 'industrial']);

/**
 * 2b. A lone word read as a body or a place that is the first name of exactly one person named in full in the
 * article is that person ("Joss" beside "Joss Stone", "Arsene" beside "Arsene Wenger"): not a place the gazetteer
 * knows, a title, a demonym or a word in capitals only (an acronym); the full name must read as a person's (no
 * body's last word: "Broadreach" beside "Broadreach Networks" stays), and the first name either a known given name
 * or no common word ("Sky" beside a misread "Sky Plus" stays).
 */
function joinFirstNames(typeOf: Map<string, MentionType>, keys: string[], mentions: Mention[], gaz: Gazetteer): void {
  const firsts = new Map<string, number>();
  for (const [k, t] of typeOf) {
    if (t !== 'PER') continue;
    const toks = k.split(' ');
    if (toks.length < 2) continue;
    // (not a person's name: one that ends as bodies' names do, holds a word that is never a name, or has a given
    // name second after a word before it: "Tory Liam Fox")
    const odd = NOT_SURNAMES.has(toks[toks.length - 1]) || toks.some((w) => NON_NAMES.has(w)) || (toks.length > 2 && gaz.sets.firstname.has(toks[1]));
    firsts.set(toks[0], (firsts.get(toks[0]) ?? 0) + (odd ? 2 : 1));
  }
  if (!firsts.size) return;
  const lowered = new Set<string>();
  const count = new Map<string, number>();
  for (let i = 0; i < mentions.length; i++) {
    if (mentions[i].text !== mentions[i].text.toUpperCase()) lowered.add(keys[i]);
    count.set(keys[i], (count.get(keys[i]) ?? 0) + 1);
  }
  for (const [k, t] of typeOf) {
    if ((t !== 'ORG' && t !== 'LOC') || k.length < 2 || k.includes(' ') || firsts.get(k) !== 1) continue;
    if (gaz.isPlace(k) || gaz.countryCanon.has(k) || TITLE_WORDS.has(k) || COURTESY.has(k) || NON_NAMES.has(k) || isDemonym(k) || !lowered.has(k)) continue;
    const known = gaz.common.has(k) || gaz.proper.has(k);
    // a common word that is no given name ("Broadreach"… "Sky"), or a known word named on its own again and again
    // ("Tory", five times beside one "Tory Liam Fox"), is the body or place it was read as
    if ((!gaz.sets.firstname.has(k) && gaz.common.has(k)) || (known && (count.get(k) ?? 0) >= 3)) continue;
    typeOf.set(k, 'PER');
  }
}

/** 3. Group by key (countries by their canonical name). */
function groupByKey(mentions: Mention[], keys: string[], voteKeys: string[], typeOf: Map<string, MentionType>, gaz: Gazetteer, countryKeys: Set<string>): Entity[] {
  const byKey = new Map<string, Entity>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const k0 = keys[i];
    if (!k0) continue;
    // caps-line mentions keep their own type (tables name a team and a city alike)
    const vk = voteKeys[i];
    const type = m.text !== m.raw && !countryKeys.has(vk) ? m.type : typeOf.get(vk)!;
    m.type = type;
    let k = k0;
    if (type === 'LOC') { const c = gaz.countryCanon.get(k0) ?? gaz.countryCanon.get(m.text.toLowerCase()); if (c) k = normKey(c); }
    const id = type + '\t' + k;
    let e = byKey.get(id);
    if (!e) byKey.set(id, (e = { type, name: '', forms: new Map(), mentions: [], extraMentions: 0, key: k, toks: k.split(' ') }));
    e.mentions.push(m);
    e.forms.set(m.text, (e.forms.get(m.text) ?? 0) + 1);
  }
  return [...byKey.values()];
}

/** 4. Short forms join the one longer name that contains them. */
function mergeShortForms(ents: Entity[], gaz: Gazetteer): Entity[] {
  ents.sort((a, b) => b.toks.length - a.toks.length || b.mentions.length - a.mentions.length);
  const order = new Map<Entity, number>();
  ents.forEach((e, i) => order.set(e, i));
  const merged = new Set<Entity>();
  // candidate longer names, indexed by their tokens
  const byTok = new Map<string, Entity[]>();
  for (const l of ents) {
    if (l.toks.length < 2) continue;
    for (const t of new Set(l.toks)) {
      let a = byTok.get(t);
      if (!a) byTok.set(t, (a = []));
      a.push(l);
    }
  }
  const acronymOf = new Map<string, Entity[]>();
  for (const l of ents) {
    if ((l.type !== 'ORG' && l.type !== 'MISC') || l.toks.length < 2) continue;
    const k = initials(l.toks);
    let a = acronymOf.get(k);
    if (!a) acronymOf.set(k, (a = []));
    a.push(l);
  }
  for (let i = ents.length - 1; i >= 0; i--) {
    const s = ents[i];
    if (s.type === 'MISC') continue;
    if (s.type === 'LOC' && (gaz.countryCanon.has(s.key) || gaz.sets.region.has(s.key))) continue;
    // an acronym of a longer name (not a country's: "US" is not "UBS Securities")
    const acro = s.toks.length === 1 && s.key.length >= 2 && s.key.length <= 6 && !gaz.countryCanon.has(s.key);
    // a royal by title and name is the person of the article whose full name ends in that name ("King Sihanouk" is
    // "Norodom Sihanouk"; "Prince Charles" is not "Charles Kennedy")
    const royal = s.type === 'PER' && s.toks.length === 2 && ROYAL_TITLES.has(s.toks[0]) ? s.toks[1] : undefined;
    if (royal !== undefined) {
      const full = (byTok.get(royal) ?? []).filter((l) => l !== s && !merged.has(l) && l.type === 'PER' && l.toks.length >= 2 && l.toks[l.toks.length - 1] === royal && !ROYAL_TITLES.has(l.toks[0]));
      if (full.length === 1) {
        for (const m of s.mentions) full[0].mentions.push(m);
        for (const [f, c] of s.forms) full[0].forms.set(f, (full[0].forms.get(f) ?? 0) + c);
        merged.add(s);
      }
      continue;
    }
    const pool = new Set<Entity>(byTok.get(s.toks[0]) ?? []);
    if (acro && s.type === 'ORG') for (const l of acronymOf.get(s.key) ?? []) pool.add(l);
    // (an acronym read as a body joins the event it stands for: "CES" and the "Consumer Electronics Show"; not
    // another MISC name, which may be a body the tagger misread: "WEF" and the "World Economic Forum")
    const isAcronymOf = (l: Entity) => acro && s.type === 'ORG' && l.toks.length >= 2 && initials(l.toks) === s.key;
    const cands = [...pool].filter(
      (l) => l !== s && !merged.has(l) && (l.type === s.type ? isSubseq(s.toks, l.toks) || isAcronymOf(l) : l.type === 'MISC' && EVENT_LAST.has(l.toks[l.toks.length - 1]) && isAcronymOf(l)),
    );
    if (!cands.length) continue;
    // keep the original (length, mentions) order among candidates
    cands.sort((a, b) => order.get(a)! - order.get(b)!);
    let target = cands[0];
    if (cands.length > 1) {
      if (s.type !== 'PER') continue; // "United" in two club names: leave it
      target = cands.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
    }
    for (const m of s.mentions) target.mentions.push(m);
    for (const [f, c] of s.forms) target.forms.set(f, (target.forms.get(f) ?? 0) + c);
    merged.add(s);
  }
  return ents.filter((e) => !merged.has(e));
}

/** How good a form is as the name: more words, then not in capitals, not an acronym, longer, more often. */
function formScore(f: string, c: number): number {
  const caps = f === f.toUpperCase() && FOUR_LETTERS.test(f) ? 1 : 0;
  const acronym = !HAS_LOWER.test(f) && !f.includes(' ') ? 1 : 0;
  // a royal's title and name ranks above the name alone, below a full name ("Norodom Sihanouk" over "King Sihanouk")
  const royal = royalNameRest(f) !== undefined ? 1 : 0;
  return f.split(' ').length * 1000 - caps * 500 - acronym * 400 - royal * 600 + f.length * 2 + c;
}

/** 5. The canonical name: the longest full form (body text preferred over caps lines). */
function canonicalName(e: Entity, gaz: Gazetteer): string {
  const forms: [string, number, number][] = [];
  for (const [f, c] of e.forms) forms.push([f, c, formScore(f, c)]);
  forms.sort((a, b) => b[2] - a[2]);
  let name = forms[0][0];
  if (e.type === 'LOC') {
    const canon = gaz.countryCanon.get(e.key);
    if (canon && !HAS_LOWER.test(name)) name = canon; // "US" only -> "United States"
  }
  return name;
}
