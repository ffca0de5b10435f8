// Text folding shared by the gazetteer lookups.

/**
 * Lower-case and strip diacritics, so "São Paulo" and "SAO PAULO" meet.
 * @example fold('São Paulo') //=> 'sao paulo'
 */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
