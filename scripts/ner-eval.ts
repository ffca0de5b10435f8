// Quick harness: run the extractor over CoNLL-style articles, write one
// <docid>.md per article with YAML frontmatter, then run the shared scorer.
//   tsx scripts/ner-eval.ts [--corpus DIR] [--out DIR] [--top N] [--json FILE] [--scorer FILE]
// --corpus defaults to ../shared/corpus/conll2003-dev (articles/*.txt + gold.json);
// --out defaults to a fresh temp dir. The exit code is the scorer's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { conllToInput } from '../src/ner/conll.ts';
import { extractEntities } from '../src/ner/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string, dflt?: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const corpus = path.resolve(opt('--corpus', path.resolve(root, '../shared/corpus/conll2003-dev'))!);
const out = opt('--out') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ner-eval-'));
const scorer = path.resolve(opt('--scorer', path.resolve(root, '../shared/tools/score-ner.mjs'))!);
fs.mkdirSync(out, { recursive: true });

const dir = path.join(corpus, 'articles');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
let bytes = 0;
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const results = texts.map((t) => {
  bytes += Buffer.byteLength(t);
  return extractEntities(conllToInput(t));
});
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cu = process.cpuUsage(c0);
const cpuMs = (cu.user + cu.system) / 1000;
files.forEach((f, i) => {
  const e = results[i];
  const fm = {
    source: f,
    people: e.people.map((r) => ({ name: r.name, aliases: r.aliases ?? [] })),
    organisations: e.organisations.map((r) => ({ name: r.name, aliases: r.aliases ?? [] })),
    places: e.places.map((r) => ({ name: r.name, aliases: r.aliases ?? [] })),
  };
  fs.writeFileSync(path.join(out, f.replace(/\.txt$/, '.md')), `---\n${YAML.stringify(fm)}---\n`);
});
console.log(
  `${files.length} articles, ${(bytes / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms wall / ${cpuMs.toFixed(0)} ms CPU ` +
    `(${(bytes / 1e6 / (cpuMs / 1000)).toFixed(2)} MB/s per CPU, cold: first pass, JIT warm-up included; model load excluded); predictions in ${out}`,
);
const gold = path.join(corpus, 'gold.json');
if (fs.existsSync(gold)) {
  const sargs = [scorer, '--gold', gold, '--pred', out, '--top', opt('--top', '15')!];
  const j = opt('--json');
  if (j) sargs.push('--json', j);
  const r = spawnSync(process.execPath, sargs, { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}
