// Feature extraction for the BIO tagger. Features are hashed to 30-bit
// integers: word-intrinsic features are cached per word form, context
// features combine precomputed word hashes (no string building per token).
// The tag-history features are added by the decoder.
import type { DocStats, Seq } from './doc.ts';
import { GAZ_BIT_NAMES, type Gazetteer } from './gazetteer.ts';
import { TITLE_WORDS, ORG_SUFFIXES, isDemonym } from './lexicon.ts';

export const RUN_JOINERS = new Set(['of', 'and', '&', 'de', 'van', 'von', 'der', 'du', 'la', 'del', 'for', 'the']);

const HAS_UPPER_START = /^\p{Lu}/u;
// (regular expressions with \p{…} are made once, here: the compiled build makes one per evaluation of a literal)
const LL = /\p{Ll}/u;
const LU = /\p{Lu}/u;
const NUM = /\p{N}/u;

export function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (LL.test(ch)) c = 'x';
    else if (LU.test(ch)) c = 'X';
    else if (NUM.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** FNV-1a string hash. */
export function hs(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes two hashes into a 30-bit feature id. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f);
  h ^= h >>> 16;
  return h & 0x3fffffff;
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

const P = Object.fromEntries(
  'b w W sh p1 n1 p2 n2 pw wn psh nsh sh3 s2 s3 s4 pf2 pf3 pf4 init caps k ki dcap dlow dafn dnone gz pgz ngz ttl pttl dem pdem pt pt2 ptw pts dict orun frun rlen c1 c2 c1c pc nc'
    .split(' ')
    .map((k) => [k, hs('#' + k)]),
) as Record<string, number>;
export const PREFIX = P;

const BOS = hs('<s>');
const EOS = hs('</s>');
/** The class of a word that has none. */
const CL_NONE = hs('<no-class>');


export interface WordInfo {
  feats: number[];
  hw: number;
  hsh: number;
  /** the word's coarse class + 1 (CL_NONE when it has none), for its neighbours' features */
  hc: number;
  capd: boolean;
  ttl: boolean;
  dem: boolean;
  shape: string;
  /** dictionary: 1 common word, 2 proper noun, 3 both */
  dict: number;
}

const cache = new Map<string, WordInfo>();

export function wordInfo(form: string, w: string, gaz: Gazetteer): WordInfo {
  let info = cache.get(form);
  if (info) return info;
  info = computeWordInfo(form, w, gaz);
  if (cache.size > 300_000) cache.clear();
  cache.set(form, info);
  return info;
}

/** wordInfo without the cache (for callers that keep their own). */
export function computeWordInfo(form: string, w: string, gaz: Gazetteer): WordInfo {
  const sh = shape(form);
  const hw = hs(w);
  const hsh = hs(sh);
  const f = [mix(P.b, 0), mix(P.w, hw), mix(P.sh, hsh)];
  if (form !== w) f.push(mix(P.W, hs(form)));
  const L = w.length;
  if (L > 1) {
    f.push(mix(P.s2, hs(w.slice(-2))), mix(P.s3, hs(w.slice(-3))), mix(P.pf2, hs(w.slice(0, 2))), mix(P.pf3, hs(w.slice(0, 3))));
    if (L > 4) f.push(mix(P.s4, hs(w.slice(-4))), mix(P.pf4, hs(w.slice(0, 4))));
  }
  const ttl = TITLE_WORDS.has(w);
  if (ttl) f.push(mix(P.ttl, 0));
  const dem1 = isDemonym(w);
  const dem = dem1 || (w.endsWith('s') && isDemonym(w.slice(0, -1)));
  if (dem) f.push(mix(P.dem, 0));
  const dict = (gaz.common.has(w) ? 1 : 0) + (gaz.proper.has(w) ? 2 : 0);
  if (dict) f.push(mix(P.dict, dict), mix3(P.dict, dict, hsh));
  const capd = HAS_UPPER_START.test(form);
  // word classes (clusters.ts): coarse, fine, and coarse by capitalisation
  const cl = gaz.classOf(w);
  const hc = cl ? (cl >>> 16) : CL_NONE;
  f.push(mix(P.c1, hc), mix3(P.c1c, hc, capd ? 1 : 0));
  if (cl) f.push(mix(P.c2, cl & 0xffff));
  return { feats: f, hw, hsh, hc, capd, ttl, dem: dem1, shape: sh, dict };
}

export interface SeqFeatures {
  n: number;
  /** Token i can only be O when the previous tag is O (lower-case word or punctuation in running text). */
  skippable: Uint8Array;
  /** Writes the features of token i into buf (grown as needed); returns [buf, count]. */
  at(i: number): [Int32Array, number];
  /** word hashes and shape hashes, for the decoder's history features */
  hw: number[];
  hsh: number[];
}

const LOWER_START = /^[\p{Ll}]/u;
const NO_ALNUM = /^[^\p{L}\p{N}]+$/u;
let BUF = new Int32Array(256);

const GZ_H = GAZ_BIT_NAMES.map(hs);
const SRC_HASH = new Map<string, number>();
function srch(s: string): number {
  let h = SRC_HASH.get(s);
  if (h === undefined) SRC_HASH.set(s, (h = hs(s)));
  return h;
}

export function seqFeatures(s: Seq, stats: DocStats, gaz: Gazetteer): SeqFeatures {
  const n = s.tokens.length;
  const low = s.lower;
  const infos = s.forms.map((f, i) => wordInfo(f, low[i], gaz));
  const hw = infos.map((x) => x.hw);
  const hsh = infos.map((x) => x.hsh);
  const gz = gaz.tag(low, infos.map((x) => x.capd));
  const W = (i: number) => (i < 0 ? BOS : i >= n ? EOS : hw[i]);
  const S = (i: number) => (i < 0 ? BOS : i >= n ? EOS : hsh[i]);
  const C = (i: number) => (i < 0 ? BOS : i >= n ? EOS : infos[i].hc);
  let len = 0;
  const push = (x: number): void => {
    if (len === BUF.length) { const d = new Int32Array(BUF.length * 2); d.set(BUF); BUF = d; }
    BUF[len++] = x;
  };
  const runInfo = runInfoOf(n, infos.map((x) => x.capd), low, gaz);
  const skippable = skippableOf(s);
  const kind = s.kind === 'body' ? 0 : s.kind === 'headline' ? 1 : 2;
  const at = (i: number): [Int32Array, number] => {
    len = 0;
    const info = infos[i];
    const w = low[i];
    for (const x of info.feats) push(x);
    push(mix(P.p1, W(i - 1)));
    push(mix(P.n1, W(i + 1)));
    push(mix(P.p2, W(i - 2)));
    push(mix(P.n2, W(i + 2)));
    push(mix3(P.pw, W(i - 1), hw[i]));
    push(mix3(P.wn, hw[i], W(i + 1)));
    push(mix(P.psh, S(i - 1)));
    push(mix(P.nsh, S(i + 1)));
    push(mix(P.pc, C(i - 1)));
    push(mix(P.nc, C(i + 1)));
    push(mix(mix3(P.sh3, S(i - 1), hsh[i]), S(i + 1)));
    if (s.initial[i]) { push(mix(P.init, 0)); push(mix(P.init, hsh[i])); }
    if (s.caps) { const sh = srch(s.src[i]); push(mix(P.caps, sh)); push(mix3(P.caps, sh, hsh[i])); }
    if (kind) { push(mix(P.k, kind)); push(mix3(P.k, kind, hsh[i])); push(mix3(P.ki, kind, i)); }
    if (info.capd) {
      const cs = stats.capSeen.has(w);
      const ls = stats.lowSeen.has(w);
      if (cs) push(mix(P.dcap, 0));
      if (ls) push(mix(P.dlow, 0));
      if (stats.afterFirst.has(w)) push(mix(P.dafn, 0));
      if (!cs && !ls) push(mix(P.dnone, 0));
    }
    if (gz[i]) for (let b = 0; b < GZ_H.length; b++) if (gz[i] & (1 << b)) push(mix(P.gz, GZ_H[b]));
    if (i > 0 && gz[i - 1]) for (let b = 0; b < GZ_H.length; b++) if (gz[i - 1] & (1 << b)) push(mix(P.pgz, GZ_H[b]));
    if (i + 1 < n && gz[i + 1]) for (let b = 0; b < GZ_H.length; b++) if (gz[i + 1] & (1 << b)) push(mix(P.ngz, GZ_H[b]));
    if (i > 0 && infos[i - 1].ttl) push(mix(P.pttl, 0));
    if (i > 0 && infos[i - 1].dem) push(mix(P.pdem, 0));
    const r = runInfo[i];
    if (r) {
      push(mix(P.rlen, r >> 2));
      if (r & 1) push(mix(P.orun, 0));
      if (r & 2) push(mix(P.frun, 0));
    }
    return [BUF, len];
  };
  return { n, skippable, at, hw, hsh };
}

/**
 * Capitalised runs ("Lorillard Tobacco Co", "Franz van der Pas"): phrase-level cues per token.
 * bit 0: ends in a company/body word, bit 1: starts with a first name, bits 2+: length (max 5)
 * `out`, when given (at least n long), receives them and is returned; otherwise a new array is.
 */
export function runInfoOf(n: number, capd: ArrayLike<boolean>, low: string[], gaz: Gazetteer, out?: Int32Array): Int32Array {
  const runInfo = out ? out.fill(0, 0, n) : new Int32Array(n);
  for (let i = 0; i < n; ) {
    if (!capd[i]) { i++; continue; }
    let j = i + 1;
    while (j < n && (capd[j] || (RUN_JOINERS.has(low[j]) && j + 1 < n && capd[j + 1]))) j++;
    let bits = Math.min(j - i, 5) << 2;
    if (j - i > 1 && ORG_SUFFIXES.has(low[j - 1])) bits |= 1;
    if (j - i > 1 && gaz.sets.firstname.has(low[i])) bits |= 2;
    for (let k = i; k < j; k++) runInfo[k] = bits;
    i = j;
  }
  return runInfo;
}

/** Tokens that can only be O after an O (lower-case word or punctuation in running text). `out`: as in runInfoOf. */
export function skippableOf(s: Seq, out?: Uint8Array): Uint8Array {
  const n = s.tokens.length;
  const skippable = out ? out.fill(0, 0, n) : new Uint8Array(n);
  if (!s.caps) {
    for (let i = 0; i < n; i++) {
      const t = s.tokens[i].text;
      const c = t.charCodeAt(0);
      if (c >= 97 && c <= 122) skippable[i] = 1;
      else if (c < 128 ? !((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) && NO_ALNUM.test(t) : LOWER_START.test(t) || NO_ALNUM.test(t)) skippable[i] = 1;
    }
  }
  return skippable;
}
