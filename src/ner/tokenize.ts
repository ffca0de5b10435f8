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
  'gu',
);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
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
