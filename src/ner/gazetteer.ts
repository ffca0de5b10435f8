// Gazetteers: countries, regions, cities, first names. Built once by
// scripts/train.ts from npm packages into models/ner-gazetteer.json and
// loaded from there at run time (fast start, no package data parsing).
import type { Token } from './tokenize.ts';

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
}

export type GazType = 'country' | 'region' | 'city' | 'bigcity' | 'firstname';
export const GAZ_TYPES: GazType[] = ['country', 'region', 'city', 'bigcity', 'firstname'];

const JOINERS = new Set(['of', 'and', 'de', 'la', 'del', 'du', 'the', 'upon', 'on', 'al', 'el', 'da', 'do', 'dos']);

export class Gazetteer {
  readonly sets: Record<GazType, Set<string>>;
  /** Longest entry length in tokens. */
  readonly maxLen: number;
  /** lowercase country alias -> canonical country name */
  readonly countryCanon = new Map<string, string>();
  readonly common: Set<string>;
  readonly proper: Set<string>;

  constructor(data: GazetteerData, countryGroups: string[][] = []) {
    this.sets = {} as Record<GazType, Set<string>>;
    let maxLen = 1;
    for (const t of GAZ_TYPES) {
      this.sets[t] = new Set(data[t].map((s) => s.toLowerCase()));
      for (const s of data[t]) maxLen = Math.max(maxLen, s.split(' ').length);
    }
    this.maxLen = Math.min(maxLen, 5);
    this.common = new Set(data.common);
    this.proper = new Set(data.proper.map((w) => w.toLowerCase()));
    for (const g of countryGroups) for (const n of g) this.countryCanon.set(n.toLowerCase(), g[0]);
  }

  has(type: GazType, phrase: string): boolean {
    return this.sets[type].has(phrase.toLowerCase());
  }

  isPlace(phrase: string): boolean {
    const l = phrase.toLowerCase();
    return this.sets.country.has(l) || this.sets.region.has(l) || this.sets.city.has(l) || this.sets.bigcity.has(l);
  }

  /**
   * Per-token gazetteer tags ("country:B", "city:I") for the longest
   * capitalised match at each position. words = lower-case word forms.
   */
  tag(words: string[], capitalised: boolean[]): string[][] {
    const n = words.length;
    const out: string[][] = Array.from({ length: n }, () => []);
    for (const type of GAZ_TYPES) {
      const set = this.sets[type];
      const maxLen = type === 'firstname' ? 1 : this.maxLen;
      let i = 0;
      while (i < n) {
        if (!capitalised[i]) { i++; continue; }
        let found = 0;
        let phrase = '';
        for (let len = 1; len <= maxLen && i + len <= n; len++) {
          if (len > 1 && !capitalised[i + len - 1] && !JOINERS.has(words[i + len - 1])) break;
          phrase = len === 1 ? words[i] : phrase + ' ' + words[i + len - 1];
          if (set.has(phrase) && capitalised[i + len - 1]) found = len;
        }
        if (found) {
          out[i].push(type + ':B');
          for (let k = 1; k < found; k++) out[i + k].push(type + ':I');
          i += found;
        } else i++;
      }
    }
    return out;
  }
}

/** Longest capitalised matches of the given gazetteer types: [start, end) spans. */
export function gazMatches(gaz: Gazetteer, words: string[], capitalised: boolean[], types: GazType[]): [number, number][] {
  const out: [number, number][] = [];
  const n = words.length;
  let i = 0;
  while (i < n) {
    if (!capitalised[i]) { i++; continue; }
    let found = 0;
    let phrase = '';
    for (let len = 1; len <= gaz.maxLen && i + len <= n; len++) {
      if (len > 1 && !capitalised[i + len - 1] && !JOINERS.has(words[i + len - 1])) break;
      phrase = len === 1 ? words[i] : phrase + ' ' + words[i + len - 1];
      if (capitalised[i + len - 1] && types.some((t) => gaz.sets[t].has(phrase))) found = len;
    }
    if (found) { out.push([i, i + found]); i += found; } else i++;
  }
  return out;
}

export function tokensLower(tokens: Token[]): string[] {
  return tokens.map((t) => t.text.toLowerCase());
}
