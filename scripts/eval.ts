// `npm run eval`: ingest the CoNLL-2003 dev split with the full pipeline, score entities with the
// shared scorer exactly as it is, and print the headline/dateline/date figures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { ingestDir } from '../src/io/ingest-dir.ts';
import { layoutEval } from './layout-eval.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.DATELINE_SHARED ?? join(root, '..', 'shared'));
const split = process.argv[2] ?? 'conll2003-dev';
const corpus = join(shared, 'corpus', split);
const scorer = join(shared, 'tools', 'score-ner.mjs');

const out = await mkdtemp(join(tmpdir(), 'dateline-eval-'));
try {
  const t0 = performance.now();
  const r = await ingestDir(join(corpus, 'articles'), out);
  const secs = (performance.now() - t0) / 1000;
  console.log(`ingested ${r.articles.length} articles in ${secs.toFixed(2)} s (${r.rejected.length} rejected)`);
  for (const x of r.rejected) console.log(`  rejected: ${x.file}: ${x.reason}`);
  const score = spawnSync(process.execPath, [scorer, '--gold', join(corpus, 'gold.json'), '--pred', join(out, 'articles')], { stdio: 'inherit' });
  if (score.status !== 0) process.exitCode = score.status ?? 1;
  console.log('');
  layoutEval(join(corpus, 'articles'));
} finally {
  await rm(out, { recursive: true, force: true });
}
