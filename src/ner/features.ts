// Feature extraction for the BIO tagger (static features per token; the
// tag-history features are added by the decoder).
import type { DocStats, Seq } from './doc.ts';
import type { Gazetteer } from './gazetteer.ts';
import { TITLE_WORDS, DEMONYMS } from './lexicon.ts';

const HAS_UPPER_START = /^\p{Lu}/u;

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

export function seqFeatures(s: Seq, stats: DocStats, gaz: Gazetteer): string[][] {
  const n = s.tokens.length;
  const forms = s.forms;
  const low = s.lower;
  const shapes = forms.map(shape);
  const capd = forms.map((f) => HAS_UPPER_START.test(f));
  const gz = gaz.tag(low, capd);
  const W = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : low[i]);
  const S = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]);
  const out: string[][] = [];
  const kind = s.kind === 'body' ? '' : s.kind === 'headline' ? 'H' : 'D';
  for (let i = 0; i < n; i++) {
    const w = low[i];
    const f: string[] = ['b', 'w=' + w, 'sh=' + shapes[i], 'p1=' + W(i - 1), 'n1=' + W(i + 1), 'p2=' + W(i - 2), 'n2=' + W(i + 2),
      'pw=' + W(i - 1) + '|' + w, 'wn=' + w + '|' + W(i + 1), 'psh=' + S(i - 1), 'nsh=' + S(i + 1),
      'sh3=' + S(i - 1) + '|' + shapes[i] + '|' + S(i + 1)];
    if (forms[i] !== w) f.push('W=' + forms[i]);
    const L = w.length;
    if (L > 1) {
      f.push('s2=' + w.slice(-2), 's3=' + w.slice(-3), 'pf2=' + w.slice(0, 2), 'pf3=' + w.slice(0, 3));
      if (L > 4) f.push('s4=' + w.slice(-4), 'pf4=' + w.slice(0, 4));
    }
    if (s.initial[i]) f.push('init', 'init|' + shapes[i]);
    if (s.caps) f.push('caps|' + s.src[i], 'caps|' + s.src[i] + '|' + shapes[i]);
    if (kind) f.push('k=' + kind, 'k=' + kind + '|' + shapes[i], 'ki=' + kind + i);
    if (capd[i]) {
      if (stats.capSeen.has(w)) f.push('dcap');
      if (stats.lowSeen.has(w)) f.push('dlow');
      if (stats.afterFirst.has(w)) f.push('dafn');
      if (!stats.capSeen.has(w) && !stats.lowSeen.has(w)) f.push('dnone');
    }
    for (const g of gz[i]) f.push('gz=' + g);
    if (i > 0) for (const g of gz[i - 1]) f.push('pgz=' + g);
    if (i + 1 < n) for (const g of gz[i + 1]) f.push('ngz=' + g);
    if (TITLE_WORDS.has(w)) f.push('ttl');
    if (i > 0 && TITLE_WORDS.has(low[i - 1])) f.push('pttl');
    if (DEMONYMS[w] !== undefined || (w.endsWith('s') && DEMONYMS[w.slice(0, -1)] !== undefined)) f.push('dem');
    if (i > 0 && DEMONYMS[low[i - 1]] !== undefined) f.push('pdem');
    out.push(f);
  }
  return out;
}
