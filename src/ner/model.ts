// Loads the trained tagger and gazetteer (once, at import) and tags articles.
import fs from 'node:fs';
import { Gazetteer, type GazetteerData } from './gazetteer.ts';
import { prepareDoc, type DocStats, type Seq } from './doc.ts';
import { seqFeatures } from './features.ts';
import { decode, quantize, TAGS, type WeightLookup } from './perceptron.ts';
import { DenseWeights, FastScorer } from './fast.ts';
import type { NerInput } from './index.ts';

export const MODEL_URL = new URL('../../models/ner-model.json', import.meta.url);
export const GAZETTEER_URL = new URL('../../models/ner-gazetteer.json', import.meta.url);

export interface ModelFile {
  version: string;
  tags: string[];
  caseMap: Record<string, string>;
  weights: Record<string, number[]>;
}

export interface GazetteerFile extends GazetteerData {
  countryGroups: string[][];
}

export function loadGazetteer(file: GazetteerFile): Gazetteer {
  return new Gazetteer(file, file.countryGroups);
}

export class Tagger {
  constructor(
    readonly weights: WeightLookup,
    readonly caseMap: Map<string, string>,
    readonly gaz: Gazetteer,
  ) {}

  prepare(input: NerInput): { seqs: Seq[]; stats: DocStats } {
    return prepareDoc(input, this.caseMap, { isFirstName: (l) => this.gaz.sets.firstname.has(l), common: this.gaz.common, proper: this.gaz.proper });
  }

  tagSeq(s: Seq, stats: DocStats): string[] {
    const f = seqFeatures(s, stats, this.gaz);
    return decode(this.weights, f).map((t) => TAGS[t]);
  }
}

/** The run-time tagger: the same tags as Tagger.tagSeq with the same weights, faster. */
export class FastTagger extends Tagger {
  private scorer: FastScorer;

  constructor(weights: DenseWeights, caseMap: Map<string, string>, gaz: Gazetteer) {
    super({ addTo: () => { throw new Error('FastTagger scores through its FastScorer'); } }, caseMap, gaz);
    this.scorer = new FastScorer(weights, gaz);
  }

  override tagSeq(s: Seq, stats: DocStats): string[] {
    const t = this.scorer.tag(s, stats);
    const out: string[] = new Array(t.length);
    for (let i = 0; i < t.length; i++) out[i] = TAGS[t[i]];
    return out;
  }
}

let cached: FastTagger | undefined;

export function defaultTagger(): Tagger {
  if (cached) return cached;
  const m = JSON.parse(fs.readFileSync(MODEL_URL, 'utf8')) as ModelFile;
  const g = JSON.parse(fs.readFileSync(GAZETTEER_URL, 'utf8')) as GazetteerFile;
  const entries = Object.entries(m.weights);
  const parsed = entries.map(([f, w]): [number, number[]] => [Number(f), w]);
  const { q16, scale } = quantize(parsed);
  const weights = new DenseWeights(parsed.map(([f]) => f), q16, scale);
  cached = new FastTagger(weights, new Map(Object.entries(m.caseMap)), loadGazetteer(g));
  return cached;
}
