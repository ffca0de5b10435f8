// Tokeniser: text -> tokens with character offsets.
// Possessive 's is split off ("Putin's" -> "Putin" "'s"); "U.S." and
// initials ("J.") stay whole; hyphenated words stay one token.

export interface Token {
  /** Surface text. */
  text: string;
  start: number;
  end: number;
}

const TOKEN_RE = new RegExp(
  [
    // acronyms with periods: U.S. U.N. a.m.
    String.raw`\p{L}(?:\.\p{L})+\.?`,
    // initials: J.
    String.raw`\p{Lu}\.(?=\s)`,
    // numbers (1,000 1.5 2-1 1996-08-30 10:30)
    String.raw`\p{N}+(?:[.,:/\-]\p{N}+)*`,
    // possessive
    String.raw`['’](?:s|S)\b`,
    // words, with inner apostrophes (O'Neill, don't) and hyphens/ampersands (Russia-US, AT&T)
    String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’](?![sS]\b)|[-&](?=[\p{L}\p{N}]))[\p{L}\p{M}\p{N}]+)*`,
    // anything else that is not a space: one char
    String.raw`\S`,
  ].join('|'),
  'uy',
);

/** `\s` of a regular expression, for one UTF-16 code unit (every white space character is in the BMP). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The tokens of a text: the same as matching TOKEN_RE globally, but each match is made in place (the
 * regular expression is sticky) after skipping white space, so no match array is made per token.
 * A global search finds the same tokens: no alternative matches at white space, and `\S` matches
 * anywhere else, so each match starts at the first character that is not white space.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let at = 0;
  for (;;) {
    while (at < n && isSpace(text.charCodeAt(at))) at++;
    if (at >= n) break;
    TOKEN_RE.lastIndex = at;
    if (!TOKEN_RE.test(text)) break; // not reached: \S matches any character but white space
    const end = TOKEN_RE.lastIndex;
    out.push({ text: text.slice(at, end), start: at, end });
    at = end;
  }
  return out;
}

const LOWER_RE = /\p{Ll}/u;
const UPPER_RE = /\p{Lu}/u;

/** True when a line is written in capitals (headline, dateline, table heading). */
export function isCapsLine(text: string): boolean {
  let lower = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
    else if (c >= 128) {
      const ch = text[i];
      if (LOWER_RE.test(ch)) lower++;
      else if (UPPER_RE.test(ch)) upper++;
    }
    if (lower > 3 && lower > upper * 0.08) return false;
  }
  return upper >= 3 && lower <= upper * 0.08;
}

export function isPossessive(t: string): boolean {
  return t === "'s" || t === '’s' || t === "'S" || t === '’S';
}
