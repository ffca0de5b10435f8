// Feature extraction for the BIO tagger (static features per token; the
// tag-history features are added by the decoder).
import type { DocStats, Seq } from './doc.ts';
import type { Gazetteer } from './gazetteer.ts';
import { TITLE_WORDS, DEMONYMS } from './lexicon.ts';

const HAS_UPPER_START = /^\p{Lu}/u;
const B = 1;

export function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** FNV-1a hash of the parts of a feature name, folded to 30 bits (fast small-integer keys). */
export function fh(a: string, b = '', c = '', d = ''): number {
  let h = 0x811c9dc5;
  for (const part of [a, b, c, d]) {
    for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 1, 0x01000193);
  }
  return (h >>> 0) & 0x3fffffff;
}

export function seqFeatures(s: Seq, stats: DocStats, gaz: Gazetteer): number[][] {
  const n = s.tokens.length;
  const forms = s.forms;
  const low = s.lower;
  const shapes = forms.map(shape);
  const capd = forms.map((f) => HAS_UPPER_START.test(f));
  const gz = gaz.tag(low, capd);
  const W = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : low[i]);
  const S = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]);
  const out: number[][] = [];
  const kind = s.kind === 'body' ? '' : s.kind === 'headline' ? 'H' : 'D';
  for (let i = 0; i < n; i++) {
    const w = low[i];
    const f: number[] = [B, fh('w', w), fh('sh', shapes[i]), fh('p1', W(i - 1)), fh('n1', W(i + 1)), fh('p2', W(i - 2)), fh('n2', W(i + 2)),
      fh('pw', W(i - 1), w), fh('wn', w, W(i + 1)), fh('psh', S(i - 1)), fh('nsh', S(i + 1)),
      fh('sh3', S(i - 1), shapes[i], S(i + 1))];
    if (forms[i] !== w) f.push(fh('W', forms[i]));
    const L = w.length;
    if (L > 1) {
      f.push(fh('s2', w.slice(-2)), fh('s3', w.slice(-3)), fh('pf2', w.slice(0, 2)), fh('pf3', w.slice(0, 3)));
      if (L > 4) f.push(fh('s4', w.slice(-4)), fh('pf4', w.slice(0, 4)));
    }
    if (s.initial[i]) f.push(fh('init'), fh('init', shapes[i]));
    if (s.caps) f.push(fh('caps', s.src[i]), fh('caps', s.src[i], shapes[i]));
    if (kind) f.push(fh('k', kind), fh('k', kind, shapes[i]), fh('ki', kind, String(i)));
    if (capd[i]) {
      if (stats.capSeen.has(w)) f.push(fh('dcap'));
      if (stats.lowSeen.has(w)) f.push(fh('dlow'));
      if (stats.afterFirst.has(w)) f.push(fh('dafn'));
      if (!stats.capSeen.has(w) && !stats.lowSeen.has(w)) f.push(fh('dnone'));
    }
    for (const g of gz[i]) f.push(fh('gz', g));
    if (i > 0) for (const g of gz[i - 1]) f.push(fh('pgz', g));
    if (i + 1 < n) for (const g of gz[i + 1]) f.push(fh('ngz', g));
    if (TITLE_WORDS.has(w)) f.push(fh('ttl'));
    if (i > 0 && TITLE_WORDS.has(low[i - 1])) f.push(fh('pttl'));
    if (DEMONYMS[w] !== undefined || (w.endsWith('s') && DEMONYMS[w.slice(0, -1)] !== undefined)) f.push(fh('dem'));
    if (i > 0 && DEMONYMS[low[i - 1]] !== undefined) f.push(fh('pdem'));
    out.push(f);
  }
  return out;
}
