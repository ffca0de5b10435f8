// Fast inference for the BIO tagger: the same features and the same greedy
// decoding as seqFeatures() + decode() (which training uses), but with every
// feature that depends only on a word, a shape or a constant resolved once to
// a dense weight row, so tagging a token adds a few rows instead of hashing and
// probing ~35 features. Rows are added in exactly the order decode() adds them,
// with the same floating-point values, so the tags are bit-for-bit the same.
import type { DocStats, Seq } from './doc.ts';
import { GAZ_BIT_NAMES, type Gazetteer } from './gazetteer.ts';
import { PREFIX as P, hs, mix, mix3, computeWordInfo, runInfoOf, skippableOf } from './features.ts';
import { NT, TAGS } from './perceptron.ts';

/** Read-only weights: feature hash -> dense row of NT float weights. */
export class DenseWeights {
  /** open addressing: slot i holds a key at 2i (-1: empty) and its dense id at 2i + 1 */
  private table: Int32Array;
  private mask: number;
  /** rows[id * NT + t] * scale: the weight of feature id for tag t. */
  readonly rows: Int16Array;

  /** `q16[id * NT + t]` are the quantised weights, `scale` their unit (as FlatWeights stores them). */
  constructor(keys: ArrayLike<number>, q16: Int16Array, readonly scale: number) {
    const count = keys.length;
    let size = 1;
    while (size < count * 2) size <<= 1;
    this.mask = size - 1;
    const table = (this.table = new Int32Array(2 * size).fill(-1));
    for (let id = 0; id < count; id++) {
      const k = keys[id];
      let i = k & this.mask;
      while (table[2 * i] !== -1) i = (i + 1) & this.mask;
      table[2 * i] = k;
      table[2 * i + 1] = id;
    }
    this.rows = q16;
  }

  /** Dense id of a feature, -1 when the model does not know it. */
  id(feat: number): number {
    const table = this.table;
    let i = feat & this.mask;
    for (;;) {
      const k = table[2 * i];
      if (k === feat) return table[2 * i + 1];
      if (k === -1) return -1;
      i = (i + 1) & this.mask;
    }
  }
}

const TH = TAGS.map((t) => hs(t));
const GZ_H = GAZ_BIT_NAMES.map(hs);
const BOS = hs('<s>');
const EOS = hs('</s>');
const KI_MAX = 256;

// Per word form, one block of the arena (stride WS): hashes, flags, and the integer weight sums of the
// features that depend on that word alone, as the token itself and as a neighbour of another token.
const HW = 0, HSH = 1, FLAGS = 2, OWN_AT = 3, OWN_LEN = 4;
const OWN = 5; // sum of the word-intrinsic features (NT ints)
const AS_P1 = OWN + NT; // p1 + psh + pc: this word as the previous word
const AS_N1 = AS_P1 + NT; // n1 + nsh + nc: as the next word
const AS_P2 = AS_N1 + NT; // p2
const AS_N2 = AS_P2 + NT; // n2
const ID_INIT = AS_N2 + NT, ID_K1 = ID_INIT + 1, ID_K2 = ID_K1 + 1;
const ID_P1 = ID_K2 + 1, ID_N1 = ID_P1 + 1, ID_P2 = ID_N1 + 1, ID_N2 = ID_P2 + 1, ID_PSH = ID_N2 + 1, ID_NSH = ID_PSH + 1;
const ID_PC = ID_NSH + 1, ID_NC = ID_PC + 1;
const PTW = ID_NC + 1; // ids of ptw by previous tag (-2: not looked up yet)
const PTS = PTW + NT; // ids of pts by previous tag
const OWN_O = PTS + NT; // OWN + ptw and pts after an O: the whole word-only sum of most tokens (NT ints)
const WS = OWN_O + NT;
const CAPD = 1, TTL = 2, DEM = 4;
const MAX_WORDS = 300_000;

/**
 * Tags sequences with the same result as decode(weights, seqFeatures(...)). Scores are summed as
 * integers (the quantised weights), so the sums of word-only features can be kept per word; the
 * float scores decode() computes are those integer sums times the scale up to rounding far below one
 * unit, so the best tag is the same whenever the best integer sum is unique. On a tie, the token is
 * scored again exactly as decode() scores it (same features, same order, same float arithmetic).
 */
export class FastScorer {
  private words = new Map<string, number>();
  private arena = new Int32Array(WS * 1024);
  private nWords = 0;
  private ownIds = new Int32Array(16 * 1024);
  private nOwn = 0;
  private readonly c: {
    init: number; dcap: number; dlow: number; dafn: number; dnone: number; pttl: number; pdem: number; orun: number; frun: number;
    k: Int32Array; ki: Int32Array; gz: Int32Array; pgz: Int32Array; ngz: Int32Array; rlen: Int32Array; pt: Int32Array; pt2: Int32Array;
  };
  private srcHash = new Map<string, number>();
  private iscores = new Int32Array(NT);
  private fscores = new Float64Array(NT);
  private buf = new Int32Array(256);
  // Per-sequence working arrays, kept from call to call and grown as needed (a new typed array for
  // each sequence costs more than the work it holds).
  private wiBuf = new Int32Array(0);
  private capdBuf: boolean[] = [];
  private gzBuf = new Uint16Array(0);
  private runBuf = new Int32Array(0);
  private skipBuf = new Uint8Array(0);
  private tagBuf = new Uint8Array(0);

  constructor(readonly w: DenseWeights, readonly gaz: Gazetteer) {
    const id = (f: number) => w.id(f);
    const kiTable = new Int32Array(3 * KI_MAX);
    for (let kind = 1; kind <= 2; kind++) for (let i = 0; i < KI_MAX; i++) kiTable[kind * KI_MAX + i] = id(mix3(P.ki, kind, i));
    this.c = {
      init: id(mix(P.init, 0)), dcap: id(mix(P.dcap, 0)), dlow: id(mix(P.dlow, 0)), dafn: id(mix(P.dafn, 0)), dnone: id(mix(P.dnone, 0)),
      pttl: id(mix(P.pttl, 0)), pdem: id(mix(P.pdem, 0)), orun: id(mix(P.orun, 0)), frun: id(mix(P.frun, 0)),
      k: Int32Array.from([0, 1, 2], (k) => id(mix(P.k, k))),
      ki: kiTable,
      gz: Int32Array.from(GZ_H, (h) => id(mix(P.gz, h))),
      pgz: Int32Array.from(GZ_H, (h) => id(mix(P.pgz, h))),
      ngz: Int32Array.from(GZ_H, (h) => id(mix(P.ngz, h))),
      rlen: Int32Array.from([0, 1, 2, 3, 4, 5], (r) => id(mix(P.rlen, r))),
      pt: Int32Array.from(TAGS, (_, t) => id(mix(P.pt, TH[t]))),
      pt2: Int32Array.from({ length: NT * NT }, (_, j) => id(mix3(P.pt2, TH[Math.floor(j / NT)], TH[j % NT]))),
    };
    this.reset();
  }

  private reset(): void {
    this.words.clear();
    this.nWords = 0;
    this.nOwn = 0;
    this.add(BOS, BOS, BOS, 0, []); // word 0: before the sequence
    this.add(EOS, EOS, EOS, 0, []); // word 1: after it
  }

  private addRow(at: number, id: number): void {
    if (id < 0) return;
    const rows = this.w.rows;
    const a = this.arena;
    for (let t = 0; t < NT; t++) a[at + t] += rows[id * NT + t];
  }

  private add(hw: number, hsh: number, hc: number, flags: number, feats: number[]): number {
    const w = this.w;
    const idx = this.nWords++;
    if ((idx + 1) * WS > this.arena.length) {
      const a = new Int32Array(this.arena.length * 2);
      a.set(this.arena);
      this.arena = a;
    }
    const a = this.arena;
    const b = idx * WS;
    a.fill(0, b, b + WS);
    a[b + HW] = hw;
    a[b + HSH] = hsh;
    a[b + FLAGS] = flags;
    if (this.nOwn + feats.length > this.ownIds.length) {
      const o = new Int32Array(Math.max(this.ownIds.length * 2, this.nOwn + feats.length));
      o.set(this.ownIds);
      this.ownIds = o;
    }
    a[b + OWN_AT] = this.nOwn;
    for (const f of feats) {
      const id = w.id(f);
      if (id < 0) continue;
      this.ownIds[this.nOwn++] = id;
      this.addRow(b + OWN, id);
    }
    a[b + OWN_LEN] = this.nOwn - a[b + OWN_AT];
    const ids = [w.id(mix(P.p1, hw)), w.id(mix(P.n1, hw)), w.id(mix(P.p2, hw)), w.id(mix(P.n2, hw)), w.id(mix(P.psh, hsh)), w.id(mix(P.nsh, hsh))];
    for (let k = 0; k < 6; k++) a[b + ID_P1 + k] = ids[k];
    a[b + ID_PC] = w.id(mix(P.pc, hc));
    a[b + ID_NC] = w.id(mix(P.nc, hc));
    this.addRow(b + AS_P1, ids[0]);
    this.addRow(b + AS_P1, ids[4]);
    this.addRow(b + AS_P1, a[b + ID_PC]);
    this.addRow(b + AS_N1, ids[1]);
    this.addRow(b + AS_N1, ids[5]);
    this.addRow(b + AS_N1, a[b + ID_NC]);
    this.addRow(b + AS_P2, ids[2]);
    this.addRow(b + AS_N2, ids[3]);
    a[b + ID_INIT] = w.id(mix(P.init, hsh));
    a[b + ID_K1] = w.id(mix3(P.k, 1, hsh));
    a[b + ID_K2] = w.id(mix3(P.k, 2, hsh));
    a.fill(-2, b + PTW, b + PTS + NT);
    a[b + PTW] = w.id(mix3(P.ptw, TH[0], hw));
    a[b + PTS] = w.id(mix3(P.pts, TH[0], hsh));
    for (let t = 0; t < NT; t++) a[b + OWN_O + t] = a[b + OWN + t];
    this.addRow(b + OWN_O, a[b + PTW]);
    this.addRow(b + OWN_O, a[b + PTS]);
    return idx;
  }

  private word(form: string, low: string): number {
    const idx = this.words.get(form);
    if (idx !== undefined) return idx;
    const info = computeWordInfo(form, low, this.gaz);
    const k = this.add(info.hw, info.hsh, info.hc, (info.capd ? CAPD : 0) | (info.ttl ? TTL : 0) | (info.dem ? DEM : 0), info.feats);
    this.words.set(form, k);
    return k;
  }

  /**
   * Tags of one sequence: the same as decode(weights, seqFeatures(s, stats, gaz)). The array is a view
   * of a working buffer: read it before the next call.
   */
  tag(s: Seq, stats: DocStats): Uint8Array {
    const n = s.tokens.length;
    const low = s.lower;
    const gaz = this.gaz;
    if (this.nWords + n > MAX_WORDS) this.reset();
    if (this.wiBuf.length < n) this.grow(n);
    const wi = this.wiBuf;
    const capd = this.capdBuf; // (entries past n are left over from earlier sequences and never read)
    for (let i = 0; i < n; i++) wi[i] = this.word(s.forms[i], low[i]);
    const a = this.arena; // (stable from here on: no words are added while tagging)
    for (let i = 0; i < n; i++) capd[i] = (a[wi[i] * WS + FLAGS] & CAPD) !== 0;
    const gz = gaz.tag(low, capd, this.gzBuf);
    const runInfo = runInfoOf(n, capd, low, gaz, this.runBuf);
    const skippable = skippableOf(s, this.skipBuf);
    const kind = s.kind === 'body' ? 0 : s.kind === 'headline' ? 1 : 2;
    const tags = this.tagBuf.fill(0, 0, n);
    const rows = this.w.rows;
    const sc = this.iscores;
    const c = this.c;
    const ids = this.buf;
    for (let i = 0; i < n; i++) {
      const prev = i > 0 ? tags[i - 1] : 0;
      const prev2 = i > 1 ? tags[i - 2] : 0;
      if (prev === 0 && skippable[i]) continue; // tags[i] = 0
      const b = wi[i] * WS;
      const bp1 = (i > 0 ? wi[i - 1] : 0) * WS;
      const bp2 = (i > 1 ? wi[i - 2] : 0) * WS;
      const bn1 = (i + 1 < n ? wi[i + 1] : 1) * WS;
      const bn2 = (i + 2 < n ? wi[i + 2] : 1) * WS;
      const hw = a[b + HW];
      const hsh = a[b + HSH];
      // features that are not sums kept per word, in decode()'s order
      let len = 0;
      ids[len++] = this.w.id(mix3(P.pw, a[bp1 + HW], hw));
      ids[len++] = this.w.id(mix3(P.wn, hw, a[bn1 + HW]));
      ids[len++] = this.w.id(mix(mix3(P.sh3, a[bp1 + HSH], hsh), a[bn1 + HSH]));
      if (s.initial[i]) { ids[len++] = c.init; ids[len++] = a[b + ID_INIT]; }
      if (s.caps) {
        const src = s.src[i];
        let h = this.srcHash.get(src);
        if (h === undefined) this.srcHash.set(src, (h = hs(src)));
        ids[len++] = this.w.id(mix(P.caps, h));
        ids[len++] = this.w.id(mix3(P.caps, h, hsh));
      }
      if (kind) {
        ids[len++] = c.k[kind];
        ids[len++] = a[b + (kind === 1 ? ID_K1 : ID_K2)];
        ids[len++] = i < KI_MAX ? c.ki[kind * KI_MAX + i] : this.w.id(mix3(P.ki, kind, i));
      }
      if (capd[i]) {
        const w = low[i];
        const cs = stats.capSeen.has(w);
        const ls = stats.lowSeen.has(w);
        if (cs) ids[len++] = c.dcap;
        if (ls) ids[len++] = c.dlow;
        if (stats.afterFirst.has(w)) ids[len++] = c.dafn;
        if (!cs && !ls) ids[len++] = c.dnone;
      }
      const g = gz[i];
      if (g) for (let k = 0; k < 10; k++) if (g & (1 << k)) ids[len++] = c.gz[k];
      if (i > 0 && gz[i - 1]) { const gp = gz[i - 1]; for (let k = 0; k < 10; k++) if (gp & (1 << k)) ids[len++] = c.pgz[k]; }
      if (i + 1 < n && gz[i + 1]) { const gn = gz[i + 1]; for (let k = 0; k < 10; k++) if (gn & (1 << k)) ids[len++] = c.ngz[k]; }
      if (i > 0 && a[bp1 + FLAGS] & TTL) ids[len++] = c.pttl;
      if (i > 0 && a[bp1 + FLAGS] & DEM) ids[len++] = c.pdem;
      const r = runInfo[i];
      if (r) {
        ids[len++] = c.rlen[r >> 2];
        if (r & 1) ids[len++] = c.orun;
        if (r & 2) ids[len++] = c.frun;
      }
      ids[len++] = c.pt[prev];
      ids[len++] = c.pt2[prev2 * NT + prev];
      // ptw and pts: in the OWN_O sum after an O; otherwise added as rows
      const hist = len;
      let x = a[b + PTW + prev];
      if (x === -2) x = a[b + PTW + prev] = this.w.id(mix3(P.ptw, TH[prev], hw));
      ids[len++] = x;
      x = a[b + PTS + prev];
      if (x === -2) x = a[b + PTS + prev] = this.w.id(mix3(P.pts, TH[prev], hsh));
      ids[len++] = x;
      const own = prev === 0 ? b + OWN_O : b + OWN;
      for (let t = 0; t < NT; t++) sc[t] = a[own + t] + a[bp1 + AS_P1 + t] + a[bn1 + AS_N1 + t] + a[bp2 + AS_P2 + t] + a[bn2 + AS_N2 + t];
      const rowsEnd = prev === 0 ? hist : len;
      for (let k = 0; k < rowsEnd; k++) {
        const id = ids[k];
        if (id < 0) continue;
        const o = id * NT;
        for (let t = 0; t < NT; t++) sc[t] += rows[o + t];
      }
      const allowed = ALLOWED[prev];
      let best = 0;
      let bs = -0x7fffffff;
      let tie = false;
      for (let t = 0; t < NT; t++) {
        if (!allowed[t]) continue;
        if (sc[t] > bs) { bs = sc[t]; best = t; tie = false; } else if (sc[t] === bs) tie = true;
      }
      tags[i] = tie ? this.exact(b, bp1, bn1, bp2, bn2, ids, len, prev) : best;
    }
    return tags.subarray(0, n);
  }

  /** Working arrays for sequences of up to 2n tokens. */
  private grow(n: number): void {
    const size = 2 * n;
    this.wiBuf = new Int32Array(size);
    this.gzBuf = new Uint16Array(size);
    this.runBuf = new Int32Array(size);
    this.skipBuf = new Uint8Array(size);
    this.tagBuf = new Uint8Array(size);
  }

  /** decode()'s float scoring of one token: its features in decode()'s order (ids: those after the word-only ones). */
  private exact(b: number, bp1: number, bn1: number, bp2: number, bn2: number, ids: Int32Array, len: number, prev: number): number {
    const a = this.arena;
    const rows = this.w.rows;
    const sc = this.w.scale;
    const f = this.fscores;
    f.fill(0);
    const addId = (id: number) => {
      if (id < 0) return;
      for (let t = 0; t < NT; t++) f[t] += rows[id * NT + t] * sc;
    };
    const at = a[b + OWN_AT];
    for (let k = 0; k < a[b + OWN_LEN]; k++) addId(this.ownIds[at + k]);
    addId(a[bp1 + ID_P1]);
    addId(a[bn1 + ID_N1]);
    addId(a[bp2 + ID_P2]);
    addId(a[bn2 + ID_N2]);
    addId(ids[0]); // pw
    addId(ids[1]); // wn
    addId(a[bp1 + ID_PSH]);
    addId(a[bn1 + ID_NSH]);
    addId(a[bp1 + ID_PC]);
    addId(a[bn1 + ID_NC]);
    for (let k = 2; k < len; k++) addId(ids[k]); // sh3 and the rest, history last
    let best = 0;
    let bs = -Infinity;
    const allowed = ALLOWED[prev];
    for (let t = 0; t < NT; t++) if (allowed[t] && f[t] > bs) { bs = f[t]; best = t; }
    return best;
  }
}

const ALLOWED: boolean[][] = TAGS.map((p) => TAGS.map((c) => !c.startsWith('I-') || (p !== 'O' && p.slice(2) === c.slice(2))));
