// `npm run eval:cv`: how the extractor does on Reuters articles its model never saw, by k-fold cross-validation over
// ../shared/corpus/conll2003-train. For each fold, the tagger is trained (scripts/train.ts) on the other folds in a
// temporary copy of the project (the project's own models/ are never touched), then the held-out fold and the dev
// split are scored with the shared scorer, exactly as it is (scripts/ner-eval.ts). The dev split is scored too, so
// that the gap between text like the rules were written against (dev) and unseen text (the held-out folds) shows.
//   tsx scripts/cv-eval.ts [--folds K] [--fold I]      (default: 5 folds, all of them)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(process.env.DATELINE_SHARED ?? path.join(root, '..', 'shared'));
const trainDir = path.join(shared, 'corpus', 'conll2003-train');
const devDir = path.join(shared, 'corpus', 'conll2003-dev');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const K = Number(opt('--folds') ?? 5);
const only = opt('--fold');
if (!Number.isInteger(K) || K < 2) throw new Error('--folds: a whole number of at least 2');
const folds = only === undefined ? [...Array(K).keys()] : [Number(only)];
if (folds.some((f) => !Number.isInteger(f) || f < 0 || f >= K)) throw new Error(`--fold: a whole number from 0 to ${K - 1}`);

/** The scorer's summary, as far as this script reads it. */
type Summary = Record<'PER' | 'ORG' | 'LOC' | 'ALL', { F: number; pred: number; dup: number }>;
const TYPES = ['PER', 'ORG', 'LOC', 'ALL'] as const;

const gold = JSON.parse(fs.readFileSync(path.join(trainDir, 'gold.json'), 'utf8')) as Record<string, unknown>;
const files = fs.readdirSync(path.join(trainDir, 'articles')).filter((f) => f.endsWith('.txt')).sort();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cv-'));

/** Articles and gold of the files whose index modulo K is (or is not) `fold`, as a corpus folder. */
function corpus(dir: string, fold: number, held: boolean): string {
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  const g: Record<string, unknown> = {};
  files.forEach((f, i) => {
    if ((i % K === fold) !== held) return;
    fs.copyFileSync(path.join(trainDir, 'articles', f), path.join(dir, 'articles', f));
    const id = f.replace(/\.txt$/, '');
    if (gold[id]) g[id] = gold[id];
  });
  fs.writeFileSync(path.join(dir, 'gold.json'), JSON.stringify(g));
  return dir;
}

/** A copy of what training and scoring read (the sources, scripts, models), sharing node_modules. */
function projectCopy(dir: string): string {
  for (const d of ['src', 'scripts', 'models']) fs.cpSync(path.join(root, d), path.join(dir, d), { recursive: true });
  for (const f of ['package.json', 'tsconfig.json']) fs.copyFileSync(path.join(root, f), path.join(dir, f));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(cwd: string, script: string, scriptArgs: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...scriptArgs], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stdout}\n${r.stderr}`);
}

function score(project: string, corpusDir: string, json: string): Summary {
  const out = json.replace(/\.json$/, '-pred');
  run(project, 'scripts/ner-eval.ts', ['--corpus', corpusDir, '--json', json, '--out', out, '--scorer', path.join(shared, 'tools', 'score-ner.mjs')]);
  return (JSON.parse(fs.readFileSync(json, 'utf8')) as { summary: Summary }).summary;
}

const row = (label: string, s: Summary) => `${label.padEnd(22)}${TYPES.map((t) => s[t].F.toFixed(3).padStart(7)).join('')}${`${s.ALL.dup}/${s.ALL.pred}`.padStart(10)}`;
const results: Array<{ held: Summary; dev: Summary }> = [];
try {
  console.log(`${K}-fold cross-validation over ${files.length} training articles (fold i: every article whose index modulo ${K} is i)`);
  console.log(`${''.padEnd(22)}${TYPES.map((t) => t.padStart(7)).join('')}${'dup/pred'.padStart(10)}`);
  for (const fold of folds) {
    const dir = path.join(tmp, `fold-${fold}`);
    const project = projectCopy(path.join(dir, 'project'));
    const train = corpus(path.join(dir, 'train'), fold, false);
    const held = corpus(path.join(dir, 'held'), fold, true);
    run(project, 'scripts/train.ts', [], { NER_TRAIN_DIR: train });
    const r = { held: score(project, held, path.join(dir, 'held.json')), dev: score(project, devDir, path.join(dir, 'dev.json')) };
    results.push(r);
    console.log(row(`fold ${fold}: held-out`, r.held));
    console.log(row(`fold ${fold}: dev`, r.dev));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (results.length > 1) {
    const sum = (k: 'held' | 'dev', t: (typeof TYPES)[number], f: 'F' | 'dup' | 'pred') => results.reduce((s, r) => s + r[k][t][f], 0);
    const mean = (k: 'held' | 'dev') => Object.fromEntries(TYPES.map((t) => [t, { F: sum(k, t, 'F') / results.length, dup: sum(k, t, 'dup'), pred: sum(k, t, 'pred') }])) as Summary;
    console.log(row('mean: held-out', mean('held')));
    console.log(row('mean: dev', mean('dev')));
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
