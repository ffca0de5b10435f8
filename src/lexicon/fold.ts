// Text folding shared by the gazetteer lookups.

/**
 * Lower-case and strip diacritics, so "São Paulo" and "SAO PAULO" meet.
 * @example fold('São Paulo') //=> 'sao paulo'
 */
export function fold(s: string): string {
  // ASCII text has nothing to decompose or strip (the common case, without the regular expression)
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) { ascii = false; break; }
  if (ascii) return s.toLowerCase();
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
