// Figures for the research features: quotations found per 100 articles (CoNLL dev, BBC) and the
// time per 1000 articles of the timeline, connections and bio passes.
//
//   npx tsx scripts/research-bench.ts          # naive entities (NER-free, stable)
//   npx tsx scripts/research-bench.ts --ner    # entities from src/ner (slower; depends on the model)
//
// Reads ../shared/corpus at run time; prints figures only (no corpus text).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLayout } from '../src/ingest/layout.ts';
import { extractQuotes } from '../src/ingest/quotes.ts';
import { buildTimeline } from '../src/analysis/timeline.ts';
import { buildConnections, strongestPairs } from '../src/analysis/connections.ts';
import { buildBios } from '../src/analysis/bio.ts';
import type { Article, Entities } from '../src/types.ts';
import { BBC, CONLL_DEV, CORPUS, corpusFiles, naiveArticles, naiveEntities } from '../tests/analysis/corpus.ts';

const useNer = process.argv.includes('--ner');
let ner: ((p: { headline?: string; dateline?: string; paragraphs: string[] }) => Entities) | undefined;
if (useNer) ner = (await import('../src/ner/index.ts')).extractEntities;

function quoteFigures(label: string, dir: string): void {
  const files = corpusFiles(dir);
  let withMarks = 0;
  let articlesWithQuotes = 0;
  let quotes = 0;
  let named = 0;
  let resolved = 0;
  let unnamed = 0;
  const t0 = performance.now();
  for (const f of files) {
    const l = analyzeLayout(readFileSync(f, 'utf8'), {});
    const ents = ner ? ner({ headline: l.headline, dateline: l.dateline, paragraphs: l.paragraphs }) : naiveEntities(l.paragraphs);
    const qs = extractQuotes(l.paragraphs, ents);
    if (/["“”]/.test(l.paragraphs.join(' '))) withMarks++;
    if (qs.length) articlesWithQuotes++;
    quotes += qs.length;
    named += qs.filter((q) => q.speakerName || q.unnamed).length;
    resolved += qs.filter((q) => q.speaker).length;
    unnamed += qs.filter((q) => q.unnamed).length;
  }
  const ms = performance.now() - t0;
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
  console.log(
    `${label.padEnd(10)} ${String(files.length).padStart(5)} articles | quotes per 100 articles ${((100 * quotes) / files.length).toFixed(1).padStart(6)}` +
      ` | articles with quote marks ${pct(withMarks, files.length)}, of those with ≥1 quote ${pct(articlesWithQuotes, withMarks)}` +
      ` | speaker found ${pct(named, quotes)} (entity slug ${pct(resolved, quotes)}, unnamed ${pct(unnamed, quotes)}) | ${(ms / files.length).toFixed(2)} ms/article incl. layout${ner ? ' + NER' : ''}`,
  );
}

function time<T>(fn: () => T, reps = 3): { ms: number; out: T } {
  let out!: T;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) out = fn();
  return { ms: (performance.now() - t0) / reps, out };
}

console.log(`entities: ${ner ? 'src/ner' : 'naive capitalised-run heuristic (tests/analysis/corpus.ts)'}\n`);
console.log('Quotations');
quoteFigures('conll dev', CONLL_DEV);
quoteFigures('bbc', BBC);

console.log('\nAnalysis passes (articles prepared beforehand; time excludes ingest)');
const sets: [string, Article[]][] = [
  ['conll train+dev', [...naiveArticles(join(CORPUS, 'conll2003-train', 'articles')), ...naiveArticles(CONLL_DEV)].map((a, i) => ({ ...a, id: `c/${i}` }))],
  ['bbc', naiveArticles(BBC).map((a, i) => ({ ...a, id: `b/${i}` }))],
];
for (const [label, arts] of sets) {
  const per1000 = (ms: number) => `${((ms * 1000) / arts.length).toFixed(1)} ms/1000 articles`;
  const tl = time(() => buildTimeline(arts));
  const cn = time(() => buildConnections(arts));
  const bio = time(() => buildBios(arts));
  const events = arts.reduce((n, a) => n + a.events.length, 0);
  console.log(`${label} (${arts.length} articles)`);
  console.log(`  timeline     ${per1000(tl.ms).padStart(24)}  ${events} events → ${tl.out.events.length} after merging, ${tl.out.groups.length} groups`);
  console.log(`  connections  ${per1000(cn.ms).padStart(24)}  ${cn.out.nodes.size} entities, ${cn.out.pairs.length} pairs, ${strongestPairs(cn.out, 1e9).length} seen together ≥ 2 times`);
  console.log(`  bio lines    ${per1000(bio.ms).padStart(24)}  ${bio.out.size} entities described`);
}
