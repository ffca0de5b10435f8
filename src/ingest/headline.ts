// Headlines: spotting a headline line, and making one from the lead sentence.

/** A sentence's final stop, closing quotes or brackets, before white space and a capital or digit (exec from lastIndex 0). */
const SENTENCE_STOP = /[.!?]["”’)]*(?=\s+["“‘(]?[\p{Lu}\d])/gu;

const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b\p{Lu}|(?:\p{Lu}\.)+\p{Lu})\.$/u;

/**
 * The first sentence of a paragraph (abbreviations such as "U.S." and "Mr." do not end it).
 * @example firstSentence('Talks began in the U.S. on Friday. More followed.') //=> 'Talks began in the U.S. on Friday.'
 */
export function firstSentence(paragraph: string): string {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  const re = SENTENCE_STOP;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const upto = text.slice(0, m.index + 1);
    if (m[0][0] === '.' && ABBREV.test(upto)) continue;
    return text.slice(0, m.index + m[0].length);
  }
  return text;
}

const ARTICLE_OR_AUX = /\b(?:the|a|an|was|were|has|have|had|is|are|been)\b/i;
// Regular expressions with \p{…} are made once, here: the compiled build makes a new one at each evaluation of such a literal.
const HAS_LETTER = /\p{L}/u;
const NOT_LETTERS = /[^\p{L}]/gu;
const TOPIC_LABEL = /^[\p{Lu}\s&]{2,30}\s[-–—]\s/u;

/**
 * True when a first paragraph reads as a headline: one short line (at most 150 characters),
 * not ending like a running sentence (",", ";", ":"), and either without a final full stop, or
 * with a wire-style one (all capitals, a "TOPIC - " label, or a terse line without articles
 * or auxiliaries) — or followed by a dateline (`beforeDateline`).
 * @example isHeadlineLine('Dollar gains on Greenspan speech') //=> true
 * @example isHeadlineLine('The dollar rose sharply on Friday after the Fed spoke.') //=> false
 */
export function isHeadlineLine(line: string, beforeDateline = false): boolean {
  const s = line.trim();
  if (!s || s.includes('\n') || s.length > 150 || /[,;:]$/.test(s)) return false;
  if (!HAS_LETTER.test(s)) return false;
  if (beforeDateline) return true;
  if (!/[.]["”’]?$/.test(s) || /\.\.\.$/.test(s)) return s.split(/\s+/).length <= 25;
  const letters = s.replace(NOT_LETTERS, '');
  if (letters.length >= 4 && letters === letters.toUpperCase()) return true;
  if (TOPIC_LABEL.test(s)) return true;
  return s.split(/\s+/).length <= 12 && !ARTICLE_OR_AUX.test(s);
}

/**
 * Strip a wire-style final full stop from a headline, keeping abbreviations ("U.S.") intact.
 * @example stripFinalStop('Seven Iraqis charged with hijack.') //=> 'Seven Iraqis charged with hijack'
 */
export function stripFinalStop(headline: string): string {
  const s = headline.trim();
  if (!/[^.]\.$/.test(s) || ABBREV.test(s)) return s;
  return s.slice(0, -1).trimEnd();
}

// Cut points, strongest first. Each regex matches where the kept part ends.
const CUTS: RegExp[] = [
  /\s*(?:;|\s[–—]\s|\s-\s|\s--\s)/g,
  /,\s+(?=(?:while|but|and|or|as|after|before|which|who|whose|where|when|although|though|because|since|saying|adding|according|amid|despite|with|following)\b)/g,
  /,\s+/g,
  /\s+(?=(?:while|but|whereas|as|after|before|because|although|though|when|where|which|who|amid|despite|following|in order to|to (?:try|help|discuss|seek|restore|ensure|make|avoid|prevent|end|stop|meet)|saying|according to)\b)/g,
  /\s+(?=(?:to|for|with|in|on|at|from|by|over|under|of|and|that)\b)/g,
];

const TRAILING_FUNCTION = /\s+(?:of|the|a|an|and|or|to|in|on|at|for|with|by|from|that|as|his|her|its|their)$/i;

/**
 * A headline made from the lead paragraph: its first sentence when short enough, else its
 * main clause cut at the strongest clause boundary that leaves 25–`max` characters (a sentence up
 * to 20% over `max` is kept whole); never mid-word or inside quotes, no final full stop. The dateline must already be removed from `lead`.
 * @example leadHeadline('Russian and US teams held six hours of talks in Turkiye on Thursday to try to restore normal functioning of their embassies, while Putin said contacts had inspired hope.')
 * //=> 'Russian and US teams held six hours of talks in Turkiye on Thursday'
 */
export function leadHeadline(lead: string, max = 100): string {
  const sentence = firstSentence(lead).replace(/[.]["”’]?$/, (m) => m.slice(1)).replace(/^["“]|["”]$/g, '').trim();
  if (sentence.length <= max * 1.2) return sentence; // "about" 100: never cut a sentence only slightly over
  const balanced = (i: number) => {
    const head = sentence.slice(0, i);
    return (head.match(/["“”]/g) ?? []).length % 2 === 0 && (head.match(/\(/g) ?? []).length === (head.match(/\)/g) ?? []).length;
  };
  for (const [level, re] of CUTS.entries()) {
    const earliest = level !== 2 && level !== 4; // main clause ends at the first boundary; commas and prepositions: longest fit
    let best = -1;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence))) {
      if (m.index > max) break;
      if (m[0].length === 0) re.lastIndex++;
      if (m.index >= (level === 4 ? 40 : 25) && balanced(m.index)) {
        best = m.index;
        if (earliest) break;
      }
    }
    if (best > 0) return sentence.slice(0, best).replace(TRAILING_FUNCTION, '').replace(/[,;:]$/, '').trim();
  }
  const cut = sentence.slice(0, max + 1);
  const sp = cut.lastIndexOf(' ');
  return (sp > 0 ? cut.slice(0, sp) : cut).replace(TRAILING_FUNCTION, '').replace(/[,;:]$/, '').trim();
}
