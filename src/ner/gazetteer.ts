// Gazetteers: countries, regions, cities, first names. Built once by
// scripts/train.ts from npm packages into models/ner-gazetteer.json and
// loaded from there at run time (fast start, no package data parsing).
import type { Token } from './tokenize.ts';
import { clusterTable } from './clusters.ts';

export interface GazetteerData {
  country: string[];
  region: string[];
  city: string[];
  bigcity: string[];
  firstname: string[];
  /** Lower-case dictionary words (with simple inflections). */
  common: string[];
  /** Capitalised dictionary words (proper nouns). */
  proper: string[];
  /** Word classes, as lines `word<TAB>coarse<TAB>fine` (see clusters.ts); none: no class features. */
  clusters?: string[];
}

/** A set of words, as far as the tagger asks (membership only). */
export interface WordSet {
  has(word: string): boolean;
}

/**
 * A large read-only word set kept as one string of lines and a hash table of offsets: built in a few
 * milliseconds, without one string object per word (the dictionary has 124,000 words).
 */
export class PackedWordSet implements WordSet {
  private starts: Int32Array;
  private lens: Int32Array;
  private table: Int32Array;
  private mask: number;

  /** The set's arrays (to store them: `fromParts` rebuilds the set without hashing a word). */
  parts(): { starts: Int32Array; lens: Int32Array; table: Int32Array } {
    return { starts: this.starts, lens: this.lens, table: this.table };
  }

  static fromParts(text: string, starts: Int32Array, lens: Int32Array, table: Int32Array): PackedWordSet {
    const set = Object.create(PackedWordSet.prototype) as PackedWordSet;
    Object.assign(set, { text, starts, lens, table, mask: table.length - 1 });
    return set;
  }

  /** `text`: the words, one per line. */
  constructor(private text: string) {
    let count = text.length ? 1 : 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    let size = 1;
    while (size < count * 2) size <<= 1;
    this.mask = size - 1;
    this.starts = new Int32Array(count);
    this.lens = new Int32Array(count);
    this.table = new Int32Array(size); // word index + 1; 0 = empty
    let start = 0;
    for (let k = 0; k < count; k++) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      this.starts[k] = start;
      this.lens[k] = end - start;
      let h = 0x811c9dc5;
      for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      let slot = h & this.mask;
      while (this.table[slot] !== 0) {
        const j = this.table[slot] - 1;
        if (this.lens[j] === end - start && text.startsWith(text.slice(start, end), this.starts[j])) break; // duplicate
        slot = (slot + 1) & this.mask;
      }
      if (this.table[slot] === 0) this.table[slot] = k + 1;
      start = end + 1;
    }
  }

  has(word: string): boolean {
    return this.indexOf(word) >= 0;
  }

  /** The word's line number in the text (its first line, if repeated), -1 when absent. */
  indexOf(word: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    const table = this.table;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = table[slot];
      if (e === 0) return -1;
      if (this.lens[e - 1] === word.length && this.text.startsWith(word, this.starts[e - 1])) return e - 1;
    }
  }
}

/** Word classes (clusters.ts): a word's class as (coarse + 1) * 65536 + fine, 0 when it has none. */
export interface WordClasses {
  classOf(word: string): number;
}

/** Word classes kept as a PackedWordSet of the words and their classes by line: loaded without a string per word. */
export class PackedWordClasses implements WordClasses {
  constructor(readonly words: PackedWordSet, readonly values: Int32Array) {}

  classOf(word: string): number {
    const i = this.words.indexOf(word);
    return i < 0 ? 0 : this.values[i];
  }
}

export type GazType = 'country' | 'region' | 'city' | 'bigcity' | 'firstname';
export const GAZ_TYPES: GazType[] = ['country', 'region', 'city', 'bigcity', 'firstname'];

const JOINERS = new Set(['of', 'and', 'de', 'la', 'del', 'du', 'the', 'upon', 'on', 'al', 'el', 'da', 'do', 'dos']);

const PREFIX_BIT = 1 << 30;
const FIRST = 4; // index of 'firstname' in GAZ_TYPES
/** Names of the gazetteer tag bits (bit 2t = B, 2t+1 = I of GAZ_TYPES[t]). */
export const GAZ_BIT_NAMES = ['country:B', 'country:I', 'region:B', 'region:I', 'city:B', 'city:I', 'bigcity:B', 'bigcity:I', 'firstname:B', 'firstname:I'];

export class Gazetteer {
  readonly sets: Record<GazType, Set<string>>;
  /** Longest entry length in tokens. */
  readonly maxLen: number;
  /** lowercase country alias -> canonical country name */
  readonly countryCanon = new Map<string, string>();
  readonly common: WordSet;
  readonly proper: Set<string>;
  /** The words' classes (clusters.ts). */
  readonly classes: WordClasses;

  /**
   * `common`, when given, is the set of common words (and `data.common` is not read); `classes`, when given, the
   * word classes (and `data.clusters` is not read).
   */
  constructor(data: GazetteerData, countryGroups: string[][] = [], common?: WordSet, classes?: WordClasses) {
    this.sets = {} as Record<GazType, Set<string>>;
    let maxLen = 1;
    for (const t of GAZ_TYPES) {
      this.sets[t] = new Set(data[t].map((s) => s.toLowerCase()));
      for (const s of data[t]) maxLen = Math.max(maxLen, s.split(' ').length);
    }
    this.maxLen = Math.min(maxLen, 5);
    this.common = common ?? new Set(data.common);
    this.proper = new Set(data.proper.map((w) => w.toLowerCase()));
    this.classes = classes ?? packedClasses(data.clusters ?? []);
    for (const g of countryGroups) for (const n of g) this.countryCanon.set(n.toLowerCase(), g[0]);
  }

  /** The word's class: (coarse + 1) * 65536 + fine, 0 when it has none. */
  classOf(word: string): number {
    return this.classes.classOf(word);
  }

  has(type: GazType, phrase: string): boolean {
    return this.sets[type].has(phrase.toLowerCase());
  }

  /** Whether a lower-case word is a given name the gazetteer knows. */
  isFirstName(lower: string): boolean {
    return this.sets.firstname.has(lower);
  }

  isPlace(phrase: string): boolean {
    const l = phrase.toLowerCase();
    return this.sets.country.has(l) || this.sets.region.has(l) || this.sets.city.has(l) || this.sets.bigcity.has(l);
  }

  /** tag()'s working table, kept from call to call (a new typed array for each sequence costs more than the work) */
  private longest = new Int8Array(0);

  /** phrase -> bit mask of types; prefixes of longer phrases get bit PREFIX_BIT. */
  private masks?: Map<string, number>;

  private maskMap(): Map<string, number> {
    if (this.masks) return this.masks;
    const m = new Map<string, number>();
    GAZ_TYPES.forEach((t, bit) => {
      for (const p of this.sets[t]) {
        m.set(p, (m.get(p) ?? 0) | (1 << bit));
        const parts = p.split(' ');
        for (let k = 1; k < parts.length; k++) {
          const pre = parts.slice(0, k).join(' ');
          m.set(pre, (m.get(pre) ?? 0) | PREFIX_BIT);
        }
      }
    });
    return (this.masks = m);
  }

  /** Longest capitalised matches of any of the given types: [start, end) spans. */
  matches(words: string[], capitalised: boolean[], types: GazType[]): [number, number][] {
    const masks = this.maskMap();
    let want = 0;
    for (const t of types) want |= 1 << GAZ_TYPES.indexOf(t);
    const out: [number, number][] = [];
    const n = words.length;
    let i = 0;
    while (i < n) {
      let found = 0;
      if (capitalised[i]) {
        const hits = this.phrasesAt(masks, words, capitalised, i);
        for (let h = 0; h < hits; h++) if (this.hitMask[h] & want) found = this.hitLen[h];
      }
      if (found) { out.push([i, i + found]); i += found; } else i++;
    }
    return out;
  }

  /** phrasesAt()'s results: the length and type mask of each entry found, shortest first. */
  private hitLen = new Int32Array(8);
  private hitMask = new Int32Array(8);

  /**
   * Walk the gazetteer phrases that start at word `i`: capitalised words (lower-case joiners allowed inside),
   * as long as the phrase is an entry or a prefix of one. Each entry that ends on a capitalised word is a hit:
   * its length and mask go to hitLen[h] and hitMask[h], in order of length; returns the number of hits.
   */
  private phrasesAt(masks: Map<string, number>, words: string[], capitalised: boolean[], i: number): number {
    if (this.hitLen.length < this.maxLen) { this.hitLen = new Int32Array(this.maxLen); this.hitMask = new Int32Array(this.maxLen); }
    let hits = 0;
    let phrase = '';
    for (let len = 1; len <= this.maxLen && i + len <= words.length; len++) {
      const w = words[i + len - 1];
      if (len > 1 && !capitalised[i + len - 1] && !JOINERS.has(w)) break;
      phrase = len === 1 ? w : phrase + ' ' + w;
      const m = masks.get(phrase);
      if (m === undefined) break;
      if (capitalised[i + len - 1]) { this.hitLen[hits] = len; this.hitMask[hits] = m; hits++; }
      if (!(m & PREFIX_BIT)) break;
    }
    return hits;
  }

  /**
   * Per-token gazetteer tags ("country:B", "city:I") for the longest
   * capitalised match of each type (greedy, left to right).
   * words = lower-case word forms. `out`, when given, receives the tags (its first words.length
   * entries) and is returned; otherwise a new array is.
   */
  tag(words: string[], capitalised: boolean[], out?: Uint16Array): Uint16Array {
    const n = words.length;
    const masks = this.maskMap();
    const T = GAZ_TYPES.length;
    // longest[t * n + i] = length of the longest match of type t starting at i
    if (this.longest.length < T * n) this.longest = new Int8Array(2 * T * n);
    const longest = this.longest;
    longest.fill(0, 0, T * n);
    for (let i = 0; i < n; i++) {
      if (!capitalised[i]) continue;
      const hits = this.phrasesAt(masks, words, capitalised, i);
      for (let h = 0; h < hits; h++) {
        const len = this.hitLen[h];
        const m = this.hitMask[h];
        for (let t = 0; t < T; t++) if (m & (1 << t) && (t !== FIRST || len === 1)) longest[t * n + i] = len;
      }
    }
    // bit 2t: B of type t, bit 2t+1: I of type t
    if (out) out.fill(0, 0, n);
    else out = new Uint16Array(n);
    for (let t = 0; t < T; t++) {
      let i = 0;
      while (i < n) {
        const L = longest[t * n + i];
        if (!L) { i++; continue; }
        out[i] |= 1 << (2 * t);
        for (let k = 1; k < L; k++) out[i + k] |= 1 << (2 * t + 1);
        i += L;
      }
    }
    return out;
  }
}

/** Word classes from the gazetteer file's lines (`word<TAB>coarse<TAB>fine`). */
export function packedClasses(lines: string[]): PackedWordClasses {
  const { words, values } = clusterTable(lines);
  return new PackedWordClasses(new PackedWordSet(words.join('\n')), values);
}

/** Longest capitalised matches of the given gazetteer types: [start, end) spans. */
export function gazMatches(gaz: Gazetteer, words: string[], capitalised: boolean[], types: GazType[]): [number, number][] {
  return gaz.matches(words, capitalised, types);
}

export function tokensLower(tokens: Token[]): string[] {
  return tokens.map((t) => t.text.toLowerCase());
}
