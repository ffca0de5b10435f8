// Finding names as whole words in text, fast.

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Is the character at `i` (a whole code point, surrogates included) a letter or digit? */
export function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const cp = text.codePointAt(c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i)!;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

const escRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface WordMatch {
  index: number;
  text: string;
}

/**
 * A finder for any of `names` as whole words (not inside a longer word), longest name first at each position.
 * No lookbehind and no `u` flag in the regular expression — word edges are checked by hand — which in V8
 * is many times faster than `(?<![\p{L}\p{N}])(?:…)(?![\p{L}\p{N}])`.
 * @example wholeWordFinder(['Putin'])('Putin, Putinism') //=> [{ index: 0, text: 'Putin' }]
 */
export function wholeWordFinder(names: Iterable<string>, flags: '' | 'i' = ''): (text: string) => WordMatch[] {
  const alts = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length).map(escRe);
  if (!alts.length) return () => [];
  const re = new RegExp(`(?:${alts.join('|')})`, `g${flags}`);
  return (text: string) => {
    const out: WordMatch[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const end = m.index + m[0].length;
      if (isWordChar(text, m.index - 1) || isWordChar(text, end)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      out.push({ index: m.index, text: m[0] });
    }
    return out;
  };
}
