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

/** Typographic quotes and dashes as the plain ones the model was trained on. */
export function plain(w: string): string {
  return /[‘’“”–—]/.test(w) ? w.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-') : w;
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
  const seqs: Seq[] = raw.map(({ kind, text }) => {
    const tokens = tokenize(text);
    const initial = tokens.map((_, i) => i === 0 || SENT_BREAK.has(tokens[i - 1].text));
    return { kind, text, tokens, caps: isCapsLine(text), forms: [], lower: tokens.map((t) => plain(t.text).toLowerCase()), src: [], initial };
  });
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
  for (const s of seqs) {
    for (let i = 0; i < s.tokens.length; i++) {
      const w = s.tokens[i].text;
      if (!s.caps || !hasLetter(w)) { s.forms.push(plain(w)); s.src.push('n'); continue; }
      const l = s.lower[i];
      const d = docForm.get(l);
      if (d) { s.forms.push(d); s.src.push('d'); continue; }
      const g = caseMap.get(l);
      if (g) { s.forms.push(g); s.src.push('g'); continue; }
      if (w.length <= 4 && !VOWEL.test(w)) { s.forms.push(w); s.src.push('a'); continue; }
      if (lex.common.has(l) && !lex.proper.has(l)) { s.forms.push(l); s.src.push('x'); continue; }
      if (lex.proper.has(l)) { s.forms.push(titleCase(w)); s.src.push('p'); continue; }
      s.forms.push(titleCase(w));
      s.src.push('u');
    }
  }
  return { seqs, stats };
}
