// `npm run bench -- --articles N [--scaling]`: ingest and site-build figures on real BBC articles.
// Every phase runs as its own process; wall time and the peak RSS of every process involved are recorded.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, writeFile, stat, unlink } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.DATELINE_SHARED ?? join(root, '..', 'shared'));
const bbc = join(shared, 'corpus', 'bbc');

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    scaling: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'bench-out') },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Cold ingests of each size, each into a new folder: the machine's speed drifts by 10-20% from run to run, so the
    // figure quoted is the median run's (all of them are in the JSON).
    'ingest-runs': { type: 'string', default: '3' },
  },
});
const ingestRuns = Math.max(1, Math.floor(Number(values['ingest-runs'])) || 1);
const outRoot = resolve(values.out!);

// ---------- disposing of trees ----------
// Trees of earlier runs are moved aside (one rename) and deleted only after the last measurement. On this machine's ext4
// disk, for minutes after a mass delete every new file or folder is several times slower to create (the kernel's inode
// allocator steps over each recently deleted inode one by one: `recently_deleted` leads a kernel profile of mkdir),
// so deleting 100,000 files of the last size's run just before measuring the next one would time the disk's
// recovery, not the build. Both the full and the bare build are measured with no mass delete before them.
const trash = join(outRoot, `.trash-${process.pid}`);
let trashed = 0;
async function discard(path: string): Promise<void> {
  await mkdir(trash, { recursive: true });
  await rename(path, join(trash, String(trashed++))).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}

// ---------- corpus ----------
interface RawArticle { name: string; text: string }
function bbcArticles(): RawArticle[] {
  const dups = new Set(
    readFileSync(join(bbc, 'duplicates.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/)[1]),
  );
  const out: RawArticle[] = [];
  for (const cat of readdirSync(bbc, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(bbc, cat)).sort()) {
      if (!f.endsWith('.txt') || dups.has(`${cat}/${f}`)) continue;
      out.push({ name: `${cat}-${f.replace(/\.txt$/, '')}`, text: readFileSync(join(bbc, cat, f), 'utf8') });
    }
  }
  return out;
}

/** Deterministic date i of n spread over ten years (2015-01-01 .. 2024-12-31). */
function dateFor(i: number, n: number): string {
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  return new Date(start + Math.floor((span * ((i * 7919) % n)) / n)).toISOString().slice(0, 10);
}

async function prepareRaw(n: number): Promise<{ dir: string; bytes: number; base: RawArticle[] }> {
  // The raw folder is kept between runs (it is the same text each time): files are rewritten only where they differ
  // (the edit and curation steps change two), and files that do not belong (the one the adding step adds) are removed.
  const dir = join(outRoot, `raw-${n}`);
  await mkdir(dir, { recursive: true });
  const base = bbcArticles();
  const want = new Set<string>();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const a = base[i % base.length];
    const copy = Math.floor(i / base.length);
    const name = `${dateFor(i, n)}-${a.name}${copy ? `-copy${copy}` : ''}.txt`;
    want.add(name);
    const path = join(dir, name);
    if ((await readFile(path, 'utf8').catch(() => undefined)) !== a.text) await writeFile(path, a.text);
    bytes += Buffer.byteLength(a.text);
  }
  for (const f of await readdir(dir)) if (!want.has(f)) await unlink(join(dir, f));
  return { dir, bytes, base };
}

// ---------- measuring ----------
interface PhaseResult { wallMs: number; cpuMs: number; peakRssMiB: number; processes: Record<string, number>; info: Record<string, unknown> }

/**
 * CPU time (user and system, ms) of this process's reaped children so far: a phase's CPU, with that of the processes it
 * started and reaped (Pagefind's; threads are counted with their process), is the difference across the phase.
 */
function childrenCpuMs(): number {
  const st = readFileSync('/proc/self/stat', 'utf8');
  const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[13]) + Number(f[14])) * 1000) / CLOCK_TICKS; // cutime, cstime (fields 16 and 17)
}
/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

function readProcs(): Map<number, { ppid: number; rssKiB: number; comm: string }> {
  const m = new Map<number, { ppid: number; rssKiB: number; comm: string }>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const s = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(s)?.[1]);
      const rss = Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0);
      const comm = /Name:\s+(\S+)/.exec(s)?.[1] ?? '?';
      m.set(Number(pid), { ppid, rssKiB: rss, comm });
    } catch { /* gone */ }
  }
  return m;
}

function treeRss(rootPid: number): { total: number; byComm: Record<string, number> } {
  const procs = readProcs();
  const kids = new Map<number, number[]>();
  for (const [pid, p] of procs) kids.set(p.ppid, [...(kids.get(p.ppid) ?? []), pid]);
  let total = 0;
  const byComm: Record<string, number> = {};
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = procs.get(pid);
    if (p) {
      total += p.rssKiB;
      byComm[p.comm] = Math.max(byComm[p.comm] ?? 0, p.rssKiB);
    }
    stack.push(...(kids.get(pid) ?? []));
  }
  return { total, byComm };
}

function run(cmd: string, args: string[]): Promise<PhaseResult> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const cpu0 = childrenCpuMs();
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    let peak = 0;
    const procs: Record<string, number> = {};
    const timer = setInterval(() => {
      const { total, byComm } = treeRss(child.pid!);
      peak = Math.max(peak, total);
      for (const [k, v] of Object.entries(byComm)) procs[k] = Math.max(procs[k] ?? 0, v);
    }, 200); // every 200 ms: reading /proc more often costs the measured processes CPU on a 2-core machine
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - t0;
      const cpuMs = childrenCpuMs() - cpu0;
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out.slice(-2000)}`));
      const m = /@@RESULT (.*)/.exec(out);
      const info = m ? (JSON.parse(m[1]) as Record<string, unknown>) : {};
      resolvePromise({ wallMs, cpuMs, peakRssMiB: peak / 1024, processes: Object.fromEntries(Object.entries(procs).map(([k, v]) => [k, Math.round(v / 1024)])), info });
    });
  });
}

const phase = (...args: string[]) => run(process.execPath, [join(root, 'scripts/bench/phase.mjs'), ...args]); // compiled library, no tsx (as `dateline` runs)
const bare = (md: string, site: string) =>
  run(process.execPath, [join(root, 'node_modules/@11ty/eleventy/cmd.cjs'), '--config=scripts/bench/bare.eleventy.mjs', `--input=${md}`, `--output=${site}`, '--quiet']);

async function snapshot(dir: string): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const f of await readdir(dir, { recursive: true })) {
    const p = join(dir, String(f));
    if ((await stat(p)).isFile()) m.set(String(f), createHash('sha1').update(await readFile(p)).digest('hex'));
  }
  return m;
}
const changed = (a: Map<string, string>, b: Map<string, string>) =>
  [...b].filter(([k, v]) => a.get(k) !== v).length + [...a.keys()].filter((k) => !b.has(k)).length;
function sameTree(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

// ---------- the benchmark ----------
async function benchOne(n: number) {
  const dir = join(outRoot, `n${n}`);
  await discard(dir);
  const { dir: raw, bytes, base } = await prepareRaw(n);
  const md = join(dir, 'md');
  const site = join(dir, 'site');
  const mb = bytes / 1e6;
  const cores = cpus().length;

  // The first cold ingest's output is the archive the other phases use; the others go to new folders of their own.
  const colds = [await phase('ingest', raw, md)];
  for (let k = 2; k <= ingestRuns; k++) colds.push(await phase('ingest', raw, join(dir, `md-cold-${k}`)));
  const cold = [...colds].sort((a, b) => a.wallMs - b.wallMs)[colds.length >> 1]; // (of an even number, the slower middle one)
  const warm = await phase('ingest', raw, md);
  const full = await phase('render', md, site);
  const pages = (await snapshot(site)).size;
  const bareRun = await bare(md, join(dir, 'bare'));
  // The search index alone (Pagefind given every article's record, as the full build gives them), into a new folder:
  // the share of the full build that is Pagefind's own work.
  const search = await phase('search', md, join(dir, 'search-alone'));

  // Rebuild after editing one article's text.
  const before = await snapshot(site);
  const victim = (await readdir(raw)).sort()[Math.floor(n / 2)];
  await writeFile(join(raw, victim), (await readFile(join(raw, victim), 'utf8')) + '\n\nAn editor added this sentence after publication.\n');
  const edit = await phase('build', raw, md, site);
  const afterEdit = await snapshot(site);

  // Rebuild after changing one curation entry.
  await writeFile(join(raw, 'curation.yaml'), 'entities:\n  - name: Tony Blair\n    type: person\n    description: Prime Minister of the United Kingdom, 1997-2007.\n');
  const cur = await phase('build', raw, md, site);
  const afterCur = await snapshot(site);

  // Rebuild after adding one article (a newsroom's most frequent change), dated the newest day of the archive. The
  // next run's prepareRaw removes it.
  const newest = (await readdir(raw)).filter((f) => /^\d{4}-\d{2}-\d{2}-/.test(f)).sort().at(-1)!.slice(0, 10);
  const extra = base[(n * 7) % 2000]; // (any of the corpus's 2,127 texts; these are the ones the quoted figures used)
  await writeFile(join(raw, `${newest}-added-${extra.name}.txt`), extra.text);
  const add = await phase('build', raw, md, site);
  const afterAdd = await snapshot(site);

  // Rebuilds after editing one article, three times, in one process that keeps what it parsed between builds
  // (as `dateline serve` does): the median of the three.
  const names = (await readdir(raw)).filter((f) => f.endsWith('.txt')).sort();
  const served = await phase('serve-edits', raw, md, site, ...[3, 5, 7].map((k) => names[Math.floor(n / k)]));
  const serveEdits = (served.info.edits as Array<{ ms: number; siteWritten: number; removed: number }>) ?? [];
  const serveMs = serveEdits.map((e) => e.ms).sort((a, b) => a - b)[Math.floor(serveEdits.length / 2)];
  const afterServe = await snapshot(site);

  // The incremental result must equal a clean full build.
  const clean = await phase('build', raw, join(dir, 'md-clean'), join(dir, 'site-clean'));
  const identical = sameTree(afterServe, await snapshot(join(dir, 'site-clean')));

  const r = {
    articles: n,
    textMB: +mb.toFixed(2),
    cores,
    coldIngest: { s: +(cold.wallMs / 1000).toFixed(2), cpuS: +(cold.cpuMs / 1000).toFixed(1), MBps: +(mb / (cold.wallMs / 1000)).toFixed(2), MBpsPerCore: +(mb / (cold.wallMs / 1000) / cores).toFixed(2), articlesPerS: Math.round(n / (cold.wallMs / 1000)), peakRssMiB: Math.round(Math.max(...colds.map((c) => c.peakRssMiB))), runs: colds.map((c) => ({ s: +(c.wallMs / 1000).toFixed(2), cpuS: +(c.cpuMs / 1000).toFixed(1), MBpsPerCore: +(mb / (c.wallMs / 1000) / cores).toFixed(2) })) },
    warmIngest: { s: +(warm.wallMs / 1000).toFixed(2), cached: warm.info.cached, written: warm.info.written },
    fullBuild: { s: +(full.wallMs / 1000).toFixed(2), cpuS: +(full.cpuMs / 1000).toFixed(1), pages, peakRssMiB: Math.round(full.peakRssMiB), processes: full.processes },
    bareEleventy: { s: +(bareRun.wallMs / 1000).toFixed(2), cpuS: +(bareRun.cpuMs / 1000).toFixed(1), peakRssMiB: Math.round(bareRun.peakRssMiB) },
    searchIndexAlone: { s: +(search.wallMs / 1000).toFixed(2), cpuS: +(search.cpuMs / 1000).toFixed(1), shards: search.info.shards, ratioToBare: +(search.wallMs / bareRun.wallMs).toFixed(2), cpuRatioToBare: +(search.cpuMs / bareRun.cpuMs).toFixed(2) },
    ratioFullToBare: +(full.wallMs / bareRun.wallMs).toFixed(2),
    ratioIngestPlusFullToBare: +((cold.wallMs + full.wallMs) / bareRun.wallMs).toFixed(2),
    rebuildAfterEdit: { s: +(edit.wallMs / 1000).toFixed(2), pagesRewritten: changed(before, afterEdit), ratioToBare: +(edit.wallMs / bareRun.wallMs).toFixed(2) },
    rebuildAfterCuration: { s: +(cur.wallMs / 1000).toFixed(2), pagesRewritten: changed(afterEdit, afterCur), ratioToBare: +(cur.wallMs / bareRun.wallMs).toFixed(2) },
    rebuildAfterAdding: { s: +(add.wallMs / 1000).toFixed(2), pagesRewritten: changed(afterCur, afterAdd), ratioToBare: +(add.wallMs / bareRun.wallMs).toFixed(2) },
    serveRebuildAfterEdit: { s: +(serveMs / 1000).toFixed(2), each: serveEdits.map((e) => ({ s: +(e.ms / 1000).toFixed(2), filesWritten: e.siteWritten, removed: e.removed })), firstBuildS: +(Number(served.info.firstMs) / 1000).toFixed(2), ratioToBare: +(serveMs / bareRun.wallMs).toFixed(2), peakRssMiB: Math.round(served.peakRssMiB), pagesRewritten: changed(afterAdd, afterServe) },
    cleanBuild: { s: +(clean.wallMs / 1000).toFixed(2) },
    incrementalEqualsClean: identical,
    perArticleMs: +((cold.wallMs + full.wallMs) / n).toFixed(3),
    /** Milliseconds per phase inside each run, as the library reports them (where the time goes). */
    phases: { coldIngest: cold.info.timings, warmIngest: warm.info.timings, fullBuild: full.info.timings, rebuildAfterEdit: edit.info.timings, rebuildAfterCuration: cur.info.timings, rebuildAfterAdding: add.info.timings, serveRebuildsAfterEdit: served.info.edits },
  };
  if (!values.keep) await discard(dir);
  return r;
}

const sizes = values.scaling ? [2500, 10000, 20000] : [Number(values.articles)];
const results = [];
for (const n of sizes) {
  console.error(`bench: ${n} articles…`);
  const r = await benchOne(n);
  results.push(r);
  console.log(JSON.stringify(r, null, 2));
}
const summary: Record<string, unknown> = {
  machine: { cores: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version },
  results,
};
if (values.scaling && results.length === 3) {
  summary.perArticleCostRatio20kTo2500 = +(results[2].perArticleMs / results[0].perArticleMs).toFixed(2);
}
const jsonPath = resolve(values.json ?? join(outRoot, 'bench-results.json'));
await mkdir(dirname(jsonPath), { recursive: true });
await writeFile(jsonPath, JSON.stringify(summary, null, 2));
console.log(`\n| articles | cold ingest (median of ${ingestRuns}; range) | MB/s/core (range) | full build | pages | peak RSS | bare Eleventy | full/bare | search alone (CPU; bare CPU) | (ingest+full)/bare | edit rebuild (pages) | serve: edit rebuild | curation rebuild (pages) | adding rebuild (pages) | = clean |`);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const span = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
for (const r of results) {
  console.log(`| ${r.articles} | ${r.coldIngest.s} s (${span(r.coldIngest.runs.map((x) => x.s))}) | ${r.coldIngest.MBpsPerCore} (${span(r.coldIngest.runs.map((x) => x.MBpsPerCore))}) | ${r.fullBuild.s} s | ${r.fullBuild.pages} | ${r.fullBuild.peakRssMiB} MiB | ${r.bareEleventy.s} s | ${r.ratioFullToBare} | ${r.searchIndexAlone.s} s (${r.searchIndexAlone.cpuS} s; ${r.bareEleventy.cpuS} s) | ${r.ratioIngestPlusFullToBare} | ${r.rebuildAfterEdit.s} s (${r.rebuildAfterEdit.pagesRewritten}) = ${r.rebuildAfterEdit.ratioToBare}x | ${r.serveRebuildAfterEdit.s} s = ${r.serveRebuildAfterEdit.ratioToBare}x | ${r.rebuildAfterCuration.s} s (${r.rebuildAfterCuration.pagesRewritten}) | ${r.rebuildAfterAdding.s} s (${r.rebuildAfterAdding.pagesRewritten}) | ${r.incrementalEqualsClean} |`);
}
// After the last measurement (see discard); with the trees of earlier runs that were stopped before this point.
for (const f of await readdir(outRoot)) if (f.startsWith('.trash-')) await rm(join(outRoot, f), { recursive: true, force: true });
console.log(`\nmachine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; results in ${jsonPath}`);
