// Text folding shared by the gazetteer lookups.

/**
 * Lower-case and strip diacritics, so "São Paulo" and "SAO PAULO" meet.
 * @example fold('São Paulo') //=> 'sao paulo'
 */
/** (made once: the compiled build makes a new regular expression at each evaluation of a \p{…} literal) */
const MARKS = /\p{M}+/gu;

export function fold(s: string): string {
  // ASCII text has nothing to decompose or strip (the common case, without the regular expression)
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) { ascii = false; break; }
  if (ascii) return s.toLowerCase();
  return s.normalize('NFD').replace(MARKS, '').toLowerCase();
}
