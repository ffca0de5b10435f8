// The run-time tagger (FastTagger: dense rows summed per word) must tag exactly as the reference decoder that
// training uses (seqFeatures + decode over the same quantised weights). Checked on real news: the CoNLL dev
// articles and BBC articles, read at run time from ../shared.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTagger, GAZETTEER_URL, loadGazetteer, MODEL_URL, Tagger, type GazetteerFile, type ModelFile } from '../../src/ner/model.ts';
import { FlatWeights } from '../../src/ner/perceptron.ts';

const shared = path.resolve(import.meta.dirname, '../../../shared/corpus');

function texts(): string[] {
  const dev = path.join(shared, 'conll2003-dev/articles');
  const out = fs.readdirSync(dev).sort().slice(0, 60).map((f) => fs.readFileSync(path.join(dev, f), 'utf8'));
  const bbc = path.join(shared, 'bbc/sport');
  out.push(...fs.readdirSync(bbc).filter((f) => f.endsWith('.txt')).sort().slice(0, 40).map((f) => fs.readFileSync(path.join(bbc, f), 'utf8')));
  return out;
}

describe('FastTagger', () => {
  it('tags every token as the reference decoder does, with the word-class features', () => {
    const fast = defaultTagger();
    const m = JSON.parse(fs.readFileSync(MODEL_URL, 'utf8')) as ModelFile;
    const g = JSON.parse(fs.readFileSync(GAZETTEER_URL, 'utf8')) as GazetteerFile;
    const entries = Object.entries(m.weights).map(([f, w]): [number, number[]] => [Number(f), w]);
    const gaz = loadGazetteer(g);
    // the classes are in the gazetteer, and the compact model's packed table gives every word's class as the JSON does
    const lines = g.clusters ?? [];
    expect(lines.length).toBeGreaterThan(10_000);
    for (const line of lines.filter((_, i) => i % 97 === 0)) {
      const [w, c, f] = line.split('\t');
      expect(fast.gaz.classOf(w)).toBe((Number(c) + 1) * 65536 + Number(f));
      expect(gaz.classOf(w)).toBe(fast.gaz.classOf(w));
    }
    expect(fast.gaz.classOf('no-such-word-here')).toBe(0);
    const ref = new Tagger(new FlatWeights(entries, entries.length), new Map(Object.entries(m.caseMap)), gaz);
    let tokens = 0;
    let named = 0;
    for (const text of texts()) {
      const input = { paragraphs: text.split(/\n\s*\n/).filter((p) => p.trim()) };
      const a = fast.prepare(input);
      const b = ref.prepare(input);
      expect(a.seqs.length).toBe(b.seqs.length);
      a.seqs.forEach((s, i) => {
        if (!s.tokens.length) return;
        const ta = fast.tagSeq(s, a.stats);
        const tb = ref.tagSeq(b.seqs[i], b.stats);
        expect(ta).toEqual(tb);
        tokens += ta.length;
        named += ta.filter((t) => t !== 'O').length;
      });
    }
    expect(tokens).toBeGreaterThan(20_000);
    expect(named).toBeGreaterThan(1_000);
  });
});
