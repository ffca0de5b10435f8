// Averaged perceptron over string features and a fixed tag set, with greedy
// left-to-right BIO decoding. Training and inference share the decoder.

import { PREFIX, mix, mix3, hs, type SeqFeatures } from './features.ts';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const NT = TAGS.length;

/** Allowed transition prev -> cur (I-X only after B-X / I-X). */
const ALLOWED: boolean[][] = TAGS.map((p) =>
  TAGS.map((c) => !c.startsWith('I-') || (p !== 'O' && p.slice(2) === c.slice(2))),
);

const TH = TAGS.map((t) => hs(t));
const PT = TAGS.map((_, t) => mix(PREFIX.pt, TH[t]));
const PT2 = TAGS.map((_, t2) => TAGS.map((_, t) => mix3(PREFIX.pt2, TH[t2], TH[t])));

export function historyFeatures(prev: number, prev2: number, hw: number, hsh: number): number[] {
  return [PT[prev], PT2[prev2][prev], mix3(PREFIX.ptw, TH[prev], hw), mix3(PREFIX.pts, TH[prev], hsh)];
}

export interface WeightLookup {
  /** Adds the feature's weights for every tag to scores. */
  addTo(feature: number, scores: Float64Array): void;
}

/** Read-only weights in one open-addressing hash table (fast inference). */
export class FlatWeights implements WeightLookup {
  // Slot i (24 bytes): Int32 key at k32[i * 6], 9 Int16 weights at w16[i * 12 + 2 + t].
  private k32: Int32Array;
  private w16: Int16Array;
  private mask: number;
  private scale: number;

  constructor(entries: [number, ArrayLike<number>][], count: number) {
    let size = 1;
    while (size < count * 1.6) size <<= 1;
    this.mask = size - 1;
    const buf = new ArrayBuffer(size * 24);
    this.k32 = new Int32Array(buf);
    this.w16 = new Int16Array(buf);
    const { q16, scale } = quantize(entries);
    this.scale = scale;
    for (let i = 0; i < size; i++) this.k32[i * 6] = -1;
    entries.forEach(([k], e) => {
      let i = k & this.mask;
      while (this.k32[i * 6] !== -1) i = (i + 1) & this.mask;
      this.k32[i * 6] = k;
      for (let t = 0; t < NT; t++) this.w16[i * 12 + 2 + t] = q16[e * NT + t];
    });
  }

  addTo(feat: number, scores: Float64Array): void {
    const k32 = this.k32;
    let i = feat & this.mask;
    for (;;) {
      const k = k32[i * 6];
      if (k === feat) {
        const w = this.w16;
        const o = i * 12 + 2;
        const sc = this.scale;
        for (let t = 0; t < NT; t++) scores[t] += w[o + t] * sc;
        return;
      }
      if (k === -1) return;
      i = (i + 1) & this.mask;
    }
  }
}

/** Weights as 16-bit integers in units of `scale` (q16[entry * NT + t]). */
export function quantize(entries: [number, ArrayLike<number>][]): { q16: Int16Array; scale: number } {
  let max = 1e-9;
  for (const [, ws] of entries) for (let t = 0; t < NT; t++) max = Math.max(max, Math.abs(ws[t]));
  const q = 32000 / max;
  const q16 = new Int16Array(entries.length * NT);
  entries.forEach(([, ws], e) => {
    for (let t = 0; t < NT; t++) q16[e * NT + t] = Math.round(ws[t] * q);
  });
  return { q16, scale: 1 / q };
}

export function decode(
  model: WeightLookup,
  feats: SeqFeatures,
  onStep?: (i: number, guess: number, allFeats: number[] | null) => number,
): number[] {
  const { n, hw, hsh, skippable } = feats;
  const tags: number[] = [];
  const scores = new Float64Array(NT);
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? tags[i - 1] : 0;
    const prev2 = i > 1 ? tags[i - 2] : 0;
    if (prev === 0 && skippable[i]) {
      tags.push(onStep ? onStep(i, 0, null) : 0);
      continue;
    }
    const [data, cnt] = feats.at(i);
    const hist = historyFeatures(prev, prev2, hw[i], hsh[i]);
    scores.fill(0);
    for (let k = 0; k < cnt; k++) model.addTo(data[k], scores);
    for (let k = 0; k < hist.length; k++) model.addTo(hist[k], scores);
    let best = 0;
    let bs = -Infinity;
    const allowed = ALLOWED[prev];
    for (let t = 0; t < NT; t++) if (allowed[t] && scores[t] > bs) { bs = scores[t]; best = t; }
    tags.push(onStep ? onStep(i, best, [...data.subarray(0, cnt), ...hist]) : best);
  }
  return tags;
}

/** Trainable averaged perceptron. */
export class Perceptron implements WeightLookup {
  private w = new Map<number, Float64Array>();
  private totals = new Map<number, Float64Array>();
  private stamps = new Map<number, Float64Array>();
  private t = 0;

  addTo(f: number, scores: Float64Array): void {
    const w = this.w.get(f);
    if (w) for (let t = 0; t < NT; t++) scores[t] += w[t];
  }

  tick(): void {
    this.t++;
  }

  update(truth: number, guess: number, feats: number[]): void {
    if (truth === guess) return;
    for (const f of feats) {
      let w = this.w.get(f);
      let tot = this.totals.get(f);
      let st = this.stamps.get(f);
      if (!w || !tot || !st) {
        w = new Float64Array(NT);
        tot = new Float64Array(NT);
        st = new Float64Array(NT);
        this.w.set(f, w);
        this.totals.set(f, tot);
        this.stamps.set(f, st);
      }
      for (const [c, d] of [[truth, 1], [guess, -1]] as const) {
        tot[c] += (this.t - st[c]) * w[c];
        st[c] = this.t;
        w[c] += d;
      }
    }
  }

  /** Averaged weights, pruned of features whose weights are all tiny. */
  averaged(minAbs: number): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [f, w] of this.w) {
      const tot = this.totals.get(f)!;
      const st = this.stamps.get(f)!;
      const avg: number[] = [];
      let keep = false;
      for (let c = 0; c < NT; c++) {
        const a = (tot[c] + (this.t - st[c]) * w[c]) / Math.max(1, this.t);
        const r = Math.round(a * 1000) / 1000;
        avg.push(r);
        if (Math.abs(r) >= minAbs) keep = true;
      }
      if (keep) out[f] = avg;
    }
    return out;
  }
}
