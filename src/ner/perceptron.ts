// Averaged perceptron over string features and a fixed tag set, with greedy
// left-to-right BIO decoding. Training and inference share the decoder.

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const NT = TAGS.length;

/** Allowed transition prev -> cur (I-X only after B-X / I-X). */
const ALLOWED: boolean[][] = TAGS.map((p) =>
  TAGS.map((c) => !c.startsWith('I-') || (p !== 'O' && p.slice(2) === c.slice(2))),
);

export function historyFeatures(prev: number, prev2: number, lower: string, shape: string): string[] {
  const p = TAGS[prev];
  return ['pt=' + p, 'pt2=' + TAGS[prev2] + '|' + p, 'ptw=' + p + '|' + lower, 'pts=' + p + '|' + shape];
}

export interface WeightLookup {
  get(feature: string): ArrayLike<number> | undefined;
}

export function decode(
  model: WeightLookup,
  feats: string[][],
  lower: string[],
  shapes: string[],
  onStep?: (i: number, guess: number, allFeats: string[]) => number,
): number[] {
  const n = feats.length;
  const tags: number[] = [];
  const scores = new Float64Array(NT);
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? tags[i - 1] : 0;
    const prev2 = i > 1 ? tags[i - 2] : 0;
    const hist = historyFeatures(prev, prev2, lower[i], shapes[i]);
    scores.fill(0);
    for (const list of [feats[i], hist]) {
      for (const f of list) {
        const w = model.get(f);
        if (!w) continue;
        for (let t = 0; t < NT; t++) scores[t] += w[t];
      }
    }
    let best = 0;
    let bs = -Infinity;
    const allowed = ALLOWED[prev];
    for (let t = 0; t < NT; t++) if (allowed[t] && scores[t] > bs) { bs = scores[t]; best = t; }
    tags.push(onStep ? onStep(i, best, feats[i].concat(hist)) : best);
  }
  return tags;
}

/** Trainable averaged perceptron. */
export class Perceptron implements WeightLookup {
  private w = new Map<string, Float64Array>();
  private totals = new Map<string, Float64Array>();
  private stamps = new Map<string, Float64Array>();
  private t = 0;

  get(f: string): Float64Array | undefined {
    return this.w.get(f);
  }

  tick(): void {
    this.t++;
  }

  update(truth: number, guess: number, feats: string[]): void {
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
