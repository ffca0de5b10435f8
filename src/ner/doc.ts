// Turns an article into tagging sequences: one per headline, dateline and
// paragraph, with case-restored word forms for ALL-CAPS lines and
// document-level word statistics used as features.
import { isCapsLine, tokenize, type Token } from './tokenize.ts';
import type { NerInput } from './index.ts';
import type { WordSet } from './gazetteer.ts';

export type SeqKind = 'headline' | 'dateline' | 'body';

export interface Seq {
  kind: SeqKind;
  text: string;
  tokens: Token[];
  /** Line written in capitals: forms[] are case-restored guesses. */
  caps: boolean;
  /** Word forms used for features (case-restored on caps lines). */
  forms: string[];
  lower: string[];
  /** Where each form came from: n = as written, d = document, g = global case map, a = acronym, x/p = dictionary common/proper, u = unknown -> Title. */
  src: string[];
  /** Token starts a sentence. */
  initial: boolean[];
}

export interface DocStats {
  /** Lower-case words seen capitalised mid-sentence in normal-case text. */
  capSeen: Set<string>;
  /** Lower-case words seen in lower case. */
  lowSeen: Set<string>;
  /** Words seen right after a capitalised first name ("Franz Fischler"). */
  afterFirst: Set<string>;
}

/** HAS_LETTER.test(w), without the regular expression when w starts with an ASCII letter. */
function hasLetter(w: string): boolean {
  const c = w.charCodeAt(0);
  return ((c | 32) >= 97 && (c | 32) <= 122) || HAS_LETTER.test(w);
}

/** HAS_UPPER.test(w.charAt(0)), without the regular expression for ASCII. */
function upperStart(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return HAS_UPPER.test(w.charAt(0));
}

const SENT_BREAK = new Set(['.', '!', '?', '"', '“', '”', ':', ';', '(', '-', '—', '–', "'", '‘', '[']);
const HAS_LETTER = /\p{L}/u;
const HAS_UPPER = /\p{Lu}/u;
const VOWEL = /[aeiouy]/i;

export function sequencesOf(input: NerInput): { kind: SeqKind; text: string }[] {
  const out: { kind: SeqKind; text: string }[] = [];
  if (input.headline && input.headline.trim()) out.push({ kind: 'headline', text: input.headline.trim() });
  if (input.dateline && input.dateline.trim()) out.push({ kind: 'dateline', text: input.dateline.trim() });
  for (const p of input.paragraphs) {
    // Some sources hard-wrap paragraphs; treat each line as part of the paragraph
    // unless lines look like table rows (short, no final stop).
    const t = p.trim();
    if (!t) continue;
    const lines = t.split(/\n/);
    if (lines.length > 1 && lines.every((l) => l.length < 100)) for (const l of lines) { if (l.trim()) out.push({ kind: 'body', text: l.trim() }); }
    else out.push({ kind: 'body', text: t.replace(/\s*\n\s*/g, ' ') });
  }
  return out;
}

const TYPOGRAPHIC = /[‘’“”–—]/;

/** Typographic quotes and dashes as the plain ones the model was trained on. */
export function plain(w: string): string {
  return TYPOGRAPHIC.test(w) ? w.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-') : w;
}

function titleCase(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}

export interface CaseLexicon {
  isFirstName(lower: string): boolean;
  common: WordSet;
  proper: WordSet;
}

export function prepareDoc(input: NerInput, caseMap: Map<string, string>, lex: CaseLexicon): { seqs: Seq[]; stats: DocStats } {
  const raw = sequencesOf(input);
  const seqs: Seq[] = new Array(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const { kind, text } = raw[r];
    const tokens = tokenize(text);
    const n = tokens.length;
    // plain() changes nothing in a line without typographic quotes and dashes
    const typographic = TYPOGRAPHIC.test(text);
    // forms start as the plain tokens (what they stay outside caps lines), src as 'n'
    const forms: string[] = new Array(n);
    const lower: string[] = new Array(n);
    const initial: boolean[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const w = tokens[i].text;
      const f = typographic ? plain(w) : w;
      forms[i] = f;
      lower[i] = f.toLowerCase();
      initial[i] = i === 0 || SENT_BREAK.has(tokens[i - 1].text);
    }
    seqs[r] = { kind, text, tokens, caps: isCapsLine(text), forms, lower, src: new Array<string>(n).fill('n'), initial };
  }
  // Words of caps lines: the only ones whose usual case is needed.
  const capsWords = new Set<string>();
  for (const s of seqs) if (s.caps) for (const l of s.lower) capsWords.add(l);
  // Document case statistics from normal-case text.
  const formCounts = new Map<string, Map<string, number>>();
  const stats: DocStats = { capSeen: new Set(), lowSeen: new Set(), afterFirst: new Set() };
  for (const s of seqs) {
    if (s.caps) continue;
    for (let i = 0; i < s.tokens.length; i++) {
      const w = s.tokens[i].text;
      if (!hasLetter(w)) continue;
      const l = s.lower[i];
      const upper = upperStart(w);
      if (!upper) stats.lowSeen.add(l);
      if (s.initial[i]) continue;
      if (upper) stats.capSeen.add(l);
      if (!capsWords.has(l)) {
        if (i > 0 && upper && upperStart(s.tokens[i - 1].text) && lex.isFirstName(s.lower[i - 1])) stats.afterFirst.add(l);
        continue;
      }
      let m = formCounts.get(l);
      if (!m) formCounts.set(l, (m = new Map()));
      m.set(w, (m.get(w) ?? 0) + 1);
      if (i > 0 && upper && upperStart(s.tokens[i - 1].text) && lex.isFirstName(s.lower[i - 1])) stats.afterFirst.add(l);
    }
  }
  const docForm = new Map<string, string>();
  for (const [l, m] of formCounts) {
    let best = '';
    let bc = -1;
    for (const [f, c] of m) if (c > bc) { best = f; bc = c; }
    docForm.set(l, best);
  }
  // case-restored forms of the words of caps lines
  for (const s of seqs) {
    if (!s.caps) continue;
    const { forms, src } = s;
    for (let i = 0; i < s.tokens.length; i++) {
      const w = s.tokens[i].text;
      if (!hasLetter(w)) continue; // stays plain(w), 'n'
      const l = s.lower[i];
      const d = docForm.get(l);
      if (d) { forms[i] = d; src[i] = 'd'; continue; }
      const g = caseMap.get(l);
      if (g) { forms[i] = g; src[i] = 'g'; continue; }
      if (w.length <= 4 && !VOWEL.test(w)) { forms[i] = w; src[i] = 'a'; continue; }
      if (lex.common.has(l) && !lex.proper.has(l)) { forms[i] = l; src[i] = 'x'; continue; }
      if (lex.proper.has(l)) { forms[i] = titleCase(w); src[i] = 'p'; continue; }
      forms[i] = titleCase(w);
      src[i] = 'u';
    }
  }
  return { seqs, stats };
}
