// Word classes (src/ner/clusters.ts): the k-means that makes them at training time, and the table the tagger reads.
import { describe, expect, it } from 'vitest';
import { clusterLines, clusterTable, kmeans, normalizeRows, wordClasses } from '../../src/ner/clusters.ts';
import { packedClasses } from '../../src/ner/gazetteer.ts';

/** Rows of `dim` numbers around the given directions, with a little deterministic noise. */
function around(dirs: number[][], perDir: number): Float32Array {
  const dim = dirs[0].length;
  const v = new Float32Array(dirs.length * perDir * dim);
  let s = 1;
  const noise = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.1;
  dirs.forEach((d, k) => {
    for (let i = 0; i < perDir; i++) for (let j = 0; j < dim; j++) v[(k * perDir + i) * dim + j] = d[j] + noise();
  });
  return v;
}

describe('kmeans', () => {
  it('puts rows of one direction in one class and rows of another in another', () => {
    const v = around([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 20);
    normalizeRows(v, 3);
    const members = Int32Array.from({ length: 60 }, (_, i) => i);
    const c = kmeans(v, 3, members, 3, 10, 7);
    for (let k = 0; k < 3; k++) expect(new Set(c.slice(k * 20, k * 20 + 20)).size).toBe(1);
    expect(new Set(c).size).toBe(3);
    // classes are numbered by first appearance, and the same seed gives the same classes
    expect(c[0]).toBe(0);
    expect(kmeans(v, 3, members, 3, 10, 7)).toEqual(c);
  });

  it('copes with fewer rows than classes, and with none', () => {
    const v = around([[1, 0], [0, 1]], 1);
    expect([...kmeans(v, 2, Int32Array.from([0, 1]), 5, 3, 1)].sort()).toEqual([0, 1]);
    expect(kmeans(v, 2, new Int32Array(0), 5, 3, 1)).toHaveLength(0);
  });
});

describe('wordClasses and the table the tagger reads', () => {
  it('numbers fine classes inside their coarse class, and reads back every word\'s class', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const v = around([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], 10);
    const { coarse, fine } = wordClasses(v, 4, { coarse: 2, fine: 2, iterations: 8, seed: 3 });
    for (let i = 0; i < 40; i++) {
      expect(coarse[i]).toBeGreaterThanOrEqual(0);
      expect(coarse[i]).toBeLessThan(2);
      expect(Math.floor(fine[i] / 2)).toBe(coarse[i]);
    }
    const lines = clusterLines(words, coarse, fine);
    const classes = packedClasses(lines);
    words.forEach((w, i) => expect(classes.classOf(w)).toBe((coarse[i] + 1) * 65536 + fine[i]));
    expect(classes.classOf('w40')).toBe(0);
    expect(classes.classOf('')).toBe(0);
  });

  it('skips malformed lines', () => {
    const t = clusterTable(['london\t3\t49', 'no tabs here', '\t1\t2', 'paris\t3\t50']);
    expect(t.words).toEqual(['london', 'paris']);
    expect([...t.values]).toEqual([4 * 65536 + 49, 4 * 65536 + 50]);
    expect(packedClasses([]).classOf('london')).toBe(0);
  });
});
