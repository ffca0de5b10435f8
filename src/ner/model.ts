// Loads the trained tagger and gazetteer (once, at import) and tags articles.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { Gazetteer, PackedWordClasses, PackedWordSet, type GazetteerData, type WordClasses, type WordSet } from './gazetteer.ts';
import { clusterTable } from './clusters.ts';
import { prepareDoc, type DocStats, type Seq } from './doc.ts';
import { seqFeatures } from './features.ts';
import { decode, NT, quantize, TAGS, type WeightLookup } from './perceptron.ts';
import { DenseWeights, FastScorer } from './fast.ts';
import type { NerInput } from './index.ts';
import { packageUrl } from '../paths.ts';

export const MODEL_URL = packageUrl('models', 'ner-model.json');
export const GAZETTEER_URL = packageUrl('models', 'ner-gazetteer.json');
/**
 * The same model and gazetteer in a form that loads in a few milliseconds (binary weights, word lists
 * as lines), written by scripts/train.ts beside the JSON files. It names the JSON files it was made
 * from by their SHA-1 and is used only when they match; otherwise the JSON files are read.
 */
export const COMPACT_URL = packageUrl('models', 'ner-model.bin');

export interface ModelFile {
  version: string;
  tags: string[];
  caseMap: Record<string, string>;
  weights: Record<string, number[]>;
}

export interface GazetteerFile extends GazetteerData {
  countryGroups: string[][];
}

export function loadGazetteer(file: GazetteerFile, common?: WordSet, classes?: WordClasses): Gazetteer {
  return new Gazetteer(file, file.countryGroups, common, classes);
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

let filesHash: string | undefined;

/**
 * SHA-1 of the trained model's JSON files (the model and gazetteer the tagger uses; the compact file is only a quick
 * form of them), read once per process. Throws when they cannot be read.
 */
export function modelFilesHash(): string {
  return (filesHash ??= sourceHash(fs.readFileSync(MODEL_URL), fs.readFileSync(GAZETTEER_URL)));
}

export function defaultTagger(): Tagger {
  if (cached) return cached;
  const compact = readCompact(modelFilesHash());
  if (compact) {
    cached = new FastTagger(new DenseWeights(compact.keys, compact.q16, compact.scale), compact.caseMap, loadGazetteer(compact.gaz, compact.common, compact.classes));
    return cached;
  }
  const m = JSON.parse(fs.readFileSync(MODEL_URL, 'utf8')) as ModelFile;
  const g = JSON.parse(fs.readFileSync(GAZETTEER_URL, 'utf8')) as GazetteerFile;
  const { keys, q16, scale } = quantizedWeights(m);
  cached = new FastTagger(new DenseWeights(keys, q16, scale), new Map(Object.entries(m.caseMap)), loadGazetteer(g));
  return cached;
}

function quantizedWeights(m: ModelFile): { keys: Int32Array; q16: Int16Array; scale: number } {
  const parsed = Object.entries(m.weights).map(([f, w]): [number, number[]] => [Number(f), w]);
  const { q16, scale } = quantize(parsed);
  return { keys: Int32Array.from(parsed, ([f]) => f), q16, scale };
}

/** Identifies the JSON model and gazetteer files (their bytes). */
export function sourceHash(modelBytes: Uint8Array, gazBytes: Uint8Array): string {
  return createHash('sha1').update(modelBytes).update(gazBytes).digest('hex');
}

const GAZ_LISTS = ['country', 'region', 'city', 'bigcity', 'firstname', 'common', 'proper', 'clusters'] as const;
const MAGIC = 'dateline-ner-compact-4';

/**
 * The compact file: a 4-byte length, a JSON header (source hash, scale, case map, country groups,
 * list lengths), then Int32 feature keys, Int16 quantised weights (NT per key), the hash table of the
 * common words (PackedWordSet: Int32 starts, lengths, slots), the hash table of the words that have a class and
 * their classes (Int32 each), and the gazetteer's word lists as lines of UTF-8 text (the classed words alone in
 * place of the `clusters` lines).
 */
export function compactModel(m: ModelFile, g: GazetteerFile, source: string): Buffer {
  const { keys, q16, scale } = quantizedWeights(m);
  for (const k of GAZ_LISTS) if ((g[k] ?? []).some((w) => w.includes('\n'))) throw new Error(`gazetteer ${k}: a word with a line break`);
  const common = new PackedWordSet(g.common.join('\n')).parts();
  const cl = clusterTable(g.clusters ?? []);
  const classed = new PackedWordSet(cl.words.join('\n')).parts();
  const lists = (k: (typeof GAZ_LISTS)[number]): string[] => (k === 'clusters' ? cl.words : (g[k] ?? []));
  const header = Buffer.from(JSON.stringify({
    magic: MAGIC, source, version: m.version, tags: m.tags, scale, count: keys.length,
    caseMap: m.caseMap, countryGroups: g.countryGroups, lists: GAZ_LISTS.map((k) => lists(k).length), commonTable: common.table.length,
    classTable: classed.table.length,
  }));
  const headLen = (4 + header.length + 3) & ~3;
  const head = Buffer.alloc(headLen);
  head.writeUInt32LE(header.length, 0);
  header.copy(head, 4);
  const text = Buffer.from(GAZ_LISTS.map((k) => lists(k).join('\n')).join('\n'));
  const pad = Buffer.alloc((4 - (q16.byteLength % 4)) % 4);
  const bytes = (a: Int32Array | Int16Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.concat([head, bytes(keys), bytes(q16), pad, bytes(common.starts), bytes(common.lens), bytes(common.table), bytes(classed.starts), bytes(classed.lens), bytes(classed.table), bytes(cl.values), text]);
}

interface Compact {
  keys: Int32Array;
  q16: Int16Array;
  scale: number;
  caseMap: Map<string, string>;
  /** the gazetteer, but for `common`, which is the set `common` */
  gaz: GazetteerFile;
  common: PackedWordSet;
  classes: PackedWordClasses;
}

function readCompact(source: string): Compact | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(COMPACT_URL);
  } catch {
    return undefined;
  }
  if (buf.length < 4) return undefined;
  const hl = buf.readUInt32LE(0);
  let h: { magic: string; source: string; version: string; tags: string[]; scale: number; count: number; caseMap: Record<string, string>; countryGroups: string[][]; lists: number[]; commonTable: number; classTable: number };
  try {
    h = JSON.parse(buf.toString('utf8', 4, 4 + hl));
  } catch {
    return undefined;
  }
  if (h.magic !== MAGIC || h.source !== source || h.tags.join() !== TAGS.join()) return undefined;
  // copy into aligned memory (a read Buffer may start anywhere in Node's pool)
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  let at = (4 + hl + 3) & ~3;
  const keys = new Int32Array(h.count);
  new Uint8Array(keys.buffer).set(bytes.subarray(at, at + keys.byteLength));
  at += keys.byteLength;
  const q16 = new Int16Array(h.count * NT);
  new Uint8Array(q16.buffer).set(bytes.subarray(at, at + q16.byteLength));
  at += q16.byteLength;
  at += (4 - (q16.byteLength % 4)) % 4;
  const ints = (n: number): Int32Array => {
    const a = new Int32Array(n);
    new Uint8Array(a.buffer).set(bytes.subarray(at, at + a.byteLength));
    at += a.byteLength;
    return a;
  };
  const nCommon = h.lists[GAZ_LISTS.indexOf('common')];
  const starts = ints(nCommon);
  const lens = ints(nCommon);
  const table = ints(h.commonTable);
  const nClassed = h.lists[GAZ_LISTS.indexOf('clusters')];
  const cStarts = ints(nClassed);
  const cLens = ints(nClassed);
  const cTable = ints(h.classTable);
  const cValues = ints(nClassed);
  // the lists' words, one a line, list after list (every list has words)
  const text = buf.toString('utf8', at);
  const gaz = { countryGroups: h.countryGroups } as GazetteerFile;
  let commonText: string | undefined;
  let classedText: string | undefined;
  let pos = 0;
  for (let i = 0; i < GAZ_LISTS.length; i++) {
    const n = h.lists[i];
    if (!n) return undefined;
    const last = i === GAZ_LISTS.length - 1;
    let lineEnd = -1;
    let from = pos;
    for (let j = 0; j < n; j++) {
      const nl = text.indexOf('\n', from);
      if (last && j === n - 1) {
        if (nl >= 0) return undefined; // more lines than the header says
        lineEnd = text.length;
      } else {
        if (nl < 0) return undefined;
        lineEnd = nl;
        from = nl + 1;
      }
    }
    const part = text.slice(pos, lineEnd);
    if (GAZ_LISTS[i] === 'common') {
      commonText = part;
      gaz.common = [];
    } else if (GAZ_LISTS[i] === 'clusters') {
      classedText = part;
      gaz.clusters = [];
    } else gaz[GAZ_LISTS[i]] = part.split('\n');
    pos = lineEnd + 1;
  }
  if (commonText === undefined || classedText === undefined || at > buf.length) return undefined;
  return {
    keys, q16, scale: h.scale, caseMap: new Map(Object.entries(h.caseMap)), gaz,
    common: PackedWordSet.fromParts(commonText, starts, lens, table),
    classes: new PackedWordClasses(PackedWordSet.fromParts(classedText, cStarts, cLens, cTable), cValues),
  };
}
