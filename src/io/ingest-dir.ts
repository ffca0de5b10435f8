// Ingest a folder of raw articles into a folder of generated markdown (the I/O edge of ingest).
import { readFile, rm, rmdir, mkdir, writeFile, stat } from 'node:fs/promises';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve, sep, dirname } from 'node:path';
import type { Article, EntityKind, InputError, Warning } from '../types.ts';
import { decodeArticle } from './decode.ts';
import { listRawFiles, CURATION_FILES } from './walk.ts';
import { writeAtomicSync, writeIfChanged, TEMP_FILE } from './atomic.ts';
import type { BuiltArticle } from '../ingest/article.ts';
import { assignIds } from '../ingest/ids.ts';
import { canonicalizeRemembered, keepsEntities } from './canon-store.ts';
import { parseCuration, EMPTY_CURATION, type Curation } from '../curation/curation.ts';
import { articleToMarkdown } from '../markdown/serialize.ts';
import { EXTRACTOR_VERSION } from '../ner/index.ts';
import { startPool, startWriter, workerCount, type FileWriter, type WorkerPool } from '../parallel/pool.ts';
import { readCache, beginCacheWrite, restamped, entryLine, settledStamp, statStamp, type CacheEntry, type CacheWrite } from './extract-cache.ts';
import { buildOne, type Rejection } from './build-one.ts';
import { extractOne, facetsHash, type Extracted, type Finished } from './extract-one.ts';
import { updateSiteData } from './site-update.ts';
import { DEFAULT_SETTINGS, parseSettings, type SiteSettings } from '../site/settings.ts';
import { SRC_DIR } from '../paths.ts';
import { modelFilesHash } from '../ner/model.ts';
import type { WarmState } from './warm.ts';

export const SETTINGS_FILE = 'site.yaml';

export interface IngestOptions {
  /** Largest raw article accepted, in bytes. */
  maxArticleBytes?: number;
  /** Curation file; default: `curation.yaml` in the raw folder, if present. */
  curationFile?: string;
  onProgress?: (done: number, total: number) => void;
  /** Folders inside the raw folder that are not raw input (the site folder); the output folder is always excluded. */
  excludeDirs?: string[];
  /** What this process kept from its last build of the same archive (serve; see src/io/warm.ts). */
  warm?: WarmState;
}

export { buildOne, type Rejection };

export interface IngestResult {
  articles: Article[];
  /** Generated files written (new or changed). */
  written: string[];
  /** Generated files removed because their raw article is gone. */
  deleted: string[];
  /** Articles whose extraction came from the cache. */
  cached: number;
  warnings: Warning[];
  rejected: Rejection[];
  /** Milliseconds per phase (read, extract, canonicalize, write, index, research, flush, cache). `write` is serialising (files go to a writer thread when there are many); `flush` waits for the last writes, removes stale files and writes the site data. */
  timings: Record<string, number>;
}

export const DEFAULT_MAX_ARTICLE_BYTES = 4 * 1024 * 1024;
let cacheVersionMemo: string | undefined;
/** Version of the extraction cache: the extractor's version and a hash of its code and trained model (made on first use). */
function cacheVersion(): string {
  return (cacheVersionMemo ??= `6:${EXTRACTOR_VERSION}:${codeHash()}`);
}
const CACHE_FILE = 'cache.ndjson';
const CANON_FILE = 'canon.ndjson';
const STATE_DIR = '.dateline';
/** Fewer uncached articles than this are extracted in-process: starting workers (loading the model) costs more. */
const PARALLEL_THRESHOLD = 48;
/** More article files to write than this go to a writer thread (unless DATELINE_WORKERS=1), in batches of WRITE_BATCH. */
const WRITER_THRESHOLD = 256;
const WRITE_BATCH = 64;

interface Manifest {
  files: string[];
}

/**
 * Ingest every raw article under `rawDir` into markdown files under `outDir/articles/`.
 * Unchanged inputs are not re-extracted (content-hash cache); unchanged outputs are not rewritten;
 * outputs of deleted inputs are removed; nothing the tool did not generate is touched.
 */
export async function ingestDir(rawDir: string, outDir: string, opts: IngestOptions = {}): Promise<IngestResult> {
  // Runs in this process on the same output folder queue up (serve's watcher can fire while one runs);
  // other processes are kept out by the lock file.
  const key = resolve(outDir);
  const previous = running.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ingestDirNow(rawDir, outDir, opts));
  const tail = run.catch(() => undefined);
  running.set(key, tail);
  void tail.then(() => {
    if (running.get(key) === tail) running.delete(key);
  });
  return run;
}

const running = new Map<string, Promise<unknown>>();

async function ingestDirNow(rawDir: string, outDir: string, opts: IngestOptions): Promise<IngestResult> {
  const maxBytes = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  rawDir = resolve(rawDir);
  outDir = resolve(outDir);
  checkFolders(rawDir, outDir);
  const rawStat = await stat(rawDir).catch(() => undefined);
  if (!rawStat) throw new Error(`raw folder not found: ${rawDir}`);
  if (!rawStat.isDirectory()) throw new Error(`not a folder: ${rawDir} (give the folder that holds the raw articles)`);
  const warnings: Warning[] = [];
  const rejected: Rejection[] = [];
  const { release, stale } = await takeLock(outDir);
  const runStart = Date.now();
  const timings: Record<string, number> = {};
  let tPhase = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - tPhase);
    tPhase = now;
  };
  let pool: WorkerPool | undefined;
  let writer: FileWriter | undefined;
  let cacheWrite: CacheWrite | undefined;
  try {
  // After a run that was killed (it left its lock), one listing of the output folder: the temporary files it left
  // are removed. Otherwise whether a generated file is present is asked file by file, only for the files kept as they
  // are (a stat each: listing ten thousand files in their month folders took longer).
  if (stale) {
    for (const rel of listTree(outDir)) if (TEMP_FILE.test(basename(rel))) await rm(join(outDir, rel), { force: true });
  }
  // Whether a generated article file is still there: one walk of the articles folder when first asked (some hundred
  // folders), not a system call per article (10,000 of them cost 50 ms or more on every rebuild).
  let present: Set<string> | undefined;
  const isPresent = (rel: string) => (present ??= new Set(listTree(join(outDir, 'articles')).map((p) => `articles/${p.split(sep).join('/')}`))).has(rel);
  const { curation, rejection } = await loadCuration(rawDir, opts.curationFile);
  if (rejection) rejected.push(rejection);

  const files = await listRawFiles(rawDir, {
    exclude: [outDir, ...(opts.excludeDirs ?? [])],
    onSkip: (file, message) => warnings.push({ file, message }),
  });
  const cachePath = join(outDir, STATE_DIR, CACHE_FILE);
  const cache = readCache(cachePath, cacheVersion(), opts.warm?.cacheLines);
  const oldEntries = cache?.entries ?? new Map<string, CacheEntry>();
  /** Entries in the order the articles are taken: read failures and cache hits (file order), then extractions (file order). */
  const entries = new Map<string, CacheEntry>();
  let cached = 0;
  let done = 0;
  // Pass 1: read and hash every file; reuse cached extractions. Once there is enough to extract to pay for
  // starting workers, they start (loading the model) and are fed while the rest is read.
  const todo: Array<{ source: string; hash: string; stamp?: string; result?: Promise<Extracted> }> = [];
  const workers = workerCount();
  const pending: Array<{ source: string; bytes: Buffer }> = [];
  const submit = (t: { source: string; bytes: Buffer }, i: number) => {
    todo[i].result = pool!.run(t).then((r) => {
      opts.onProgress?.(++done, files.length);
      return r;
    });
    todo[i].result.catch(() => undefined); // awaited in pass 2; a failed pool must not also report each task as unhandled
  };
  for (let f = 0; f < files.length; f++) {
    const source = files[f];
    const path = join(rawDir, source);
    const old = oldEntries.get(source);
    const valid = old !== undefined && isValidEntry(old);
    // A file whose stamp is the one recorded when it was last read is that file, unread (see fileStampOf).
    if (valid && old.stamp !== undefined && statStamp(path, maxBytes) === old.stamp) {
      entries.set(source, old);
      cached++;
      opts.onProgress?.(++done, files.length);
      continue;
    }
    const read = readLimited(path, maxBytes);
    if ('error' in read) {
      entries.set(source, { hash: 'unread', error: { file: source, reason: read.error } });
      opts.onProgress?.(++done, files.length);
      continue;
    }
    const hash = createHash('sha256').update(read.bytes).digest('hex');
    const stamp = settledStamp(read.stat, runStart);
    if (valid && old.hash === hash) {
      entries.set(source, stamp === old.stamp ? old : restamped(source, old, stamp, cache!));
      cached++;
      opts.onProgress?.(++done, files.length);
      continue;
    }
    todo.push({ source, hash, ...(stamp ? { stamp } : {}) });
    pending.push({ source, bytes: read.bytes });
    if (!pool && todo.length >= PARALLEL_THRESHOLD && workers > 1) pool = startPool(workers);
    if (pool) {
      for (let i = todo.length - pending.length; pending.length; i++) submit(pending.shift()!, i);
      if (f % 32 === 31) await new Promise((r) => setImmediate(r)); // let results in and tasks out
    }
  }
  lap('read');
  // Pass 2: extract the rest (in workers when started above, else in this process).
  for (let i = 0; i < todo.length; i++) {
    const t = todo[i];
    let x: Extracted;
    if (t.result) x = await t.result;
    else {
      x = extractOne(t.source, pending[i].bytes);
      opts.onProgress?.(++done, files.length);
    }
    const result = JSON.parse(x.json) as { built?: BuiltArticle; error?: Rejection };
    const ahead = x.parts !== undefined || x.markdown !== undefined ? { ahead: { parts: x.parts, markdown: x.markdown, mdId: x.mdId } } : {};
    entries.set(t.source, { hash: t.hash, ...(t.stamp ? { stamp: t.stamp } : {}), ...result, ...(x.facets ? { facets: x.facets } : {}), ...ahead, line: entryLine(t.source, t.hash, t.stamp, x.facets, x.json) });
  }
  pending.length = 0;
  for (const source of files) {
    const entry = entries.get(source)!;
    if (/[\u0000-\u001f\u007f\ufffd]/.test(source) && entry.built && !entry.built.warnings.some((w) => w.message.startsWith('file name has'))) {
      entry.built.warnings.push({ file: source, message: 'file name has control characters or bytes that are not UTF-8: rename it' });
      entry.line = undefined; // changed: serialise again
    }
    if (entry.error) rejected.push(entry.error);
    if (entry.built) warnings.push(...entry.built.warnings);
  }

  lap('extract');
  // Articles in file order, however each was obtained (cached or extracted), so that a run's output never depends on
  // what the cache held: the archive-wide steps (ids, the network's order, shared article lists) see the same list.
  const built: BuiltArticle[] = [];
  for (const source of files) {
    const b = entries.get(source)!.built;
    if (b) built.push(b);
  }
  const ids = assignIds(built.map((b) => ({ source: b.article.source, slug: b.slug, date: b.article.date })));
  const withIds: Article[] = built.map((b) => ({ id: ids.get(b.article.source)!, ...b.article }));
  const slugOf = new Map(built.map((b) => [b.article.source, b.slug]));
  for (const a of withIds) {
    if (!a.id.endsWith(`/${slugOf.get(a.source)}`)) {
      warnings.push({ file: a.source, message: `another article has the same URL slug in the same month (or undated): this one is at /${a.id}/ (the suffix comes from its file name)` });
    }
  }
  // Each article's facets hash, made here for an entry that has none (one cached before facets were kept).
  const facets = withIds.map((a) => {
    const e = entries.get(a.source)!;
    return (e.facets ??= facetsHash(e.built!.article));
  });
  const canonical = canonicalizeRemembered(join(outDir, STATE_DIR, CANON_FILE), cacheVersion(), withIds, facets, curation);
  const articles = canonical.articles;
  // Where canonicalisation changed an article's entities, or its id is not the natural one, what the workers made
  // ahead of it does not hold: while they are up, they make it again from the article as it now is.
  const redo = new Map<Article, Promise<Finished>>();
  if (pool) {
    for (const a of articles) {
      const e = entries.get(a.source)!;
      if (!e.ahead || (keepsEntities(a, e.built!.article) && e.ahead.mdId === a.id)) continue;
      const made = pool.finish(a);
      made.catch(() => undefined); // awaited below; a failed pool must not also report each task as unhandled
      redo.set(a, made);
    }
  }
  lap('canonicalize');

  const written: string[] = [];
  const outFiles = articles.map((a) => `articles/${a.id}.md`).sort();
  const manifestPath = join(outDir, STATE_DIR, 'manifest.json');
  const oldFiles = (await readJson<Manifest>(manifestPath))?.files;
  const oldList = Array.isArray(oldFiles) ? oldFiles.filter((f): f is string => typeof f === 'string' && isOwnedArticlePath(f)) : [];
  // Record the new files before writing them, so a run killed halfway still knows every file it may have written.
  await writeIfChanged(manifestPath, JSON.stringify({ files: [...new Set([...oldList, ...outFiles])].sort() }, null, 1));
  // An article whose structured form is unchanged since the last run keeps its file as it is (no serialising,
  // no reading it back), as long as the file is still there.
  // Keys hold the extraction code's version, so keys recorded by other code never match.
  const oldOutputsText = await readFile(join(outDir, STATE_DIR, 'outputs.json'), 'utf8').catch(() => undefined);
  const oldOutputsJson = parseJson(oldOutputsText);
  const oldOutputs = oldOutputsJson && typeof oldOutputsJson === 'object' && !Array.isArray(oldOutputsJson) ? (oldOutputsJson as Record<string, string>) : {};
  const outputs: Record<string, string> = {};
  /** Hash of everything the site data is computed from: the code, the articles in order, curation descriptions, settings. */
  const siteHash = createHash('sha256').update(siteCodeHash());
  /** Hash of the same but the articles' paragraphs (see src/io/site-update.ts). */
  const structureHash = createHash('sha256').update(siteCodeHash());
  const made = new Set<string>();
  // Many files go to a writer thread, in batches, while this thread serialises the rest and computes the site data.
  type Job = { rel: string; file: string; data: string; ifChanged: boolean };
  let jobs: Job[] = [];
  const batches: Array<{ rels: string[]; done: Promise<boolean[]> }> = [];
  const send = () => {
    if (!jobs.length) return;
    writer ??= startWriter();
    const done = writer.write(jobs.map(({ file, data, ifChanged }) => ({ file, data, ifChanged })));
    done.catch(() => undefined); // awaited below; a failure must not also surface as unhandled
    batches.push({ rels: jobs.map((j) => j.rel), done });
    jobs = [];
  };
  const keys: string[] = [];
  /** Per article, its parts made ahead of canonicalisation (JSON), when canonicalisation kept its entities. */
  const madeParts: Array<string | undefined> = [];
  for (const a of articles) {
    const rel = `articles/${a.id}.md`;
    const entry = entries.get(a.source)!;
    const { key, entities } = articleKey(a, entry.hash, entry.built!.article);
    keys.push(key);
    outputs[rel] = key;
    siteHash.update(`${key}\n`);
    structureHash.update(`${JSON.stringify(a.source)} ${a.id} ${entry.facets} ${entities}\n`);
    // What was made of the article beside its extraction, when it holds for the article as it now is.
    const again = redo.get(a);
    const ahead = again ? { ...(await again), mdId: a.id } : entities === '=' ? entry.ahead : undefined;
    entry.ahead = undefined; // used here only
    madeParts.push(ahead?.parts);
    const had = Object.hasOwn(oldOutputs, rel);
    if (had && oldOutputs[rel] === key && isPresent(rel)) continue;
    const md = ahead?.markdown !== undefined && ahead.mdId === a.id ? ahead.markdown : articleToMarkdown(a);
    // A file on record, or present, is compared before it is replaced (a missing one is then simply written).
    jobs.push({ rel, file: join(outDir, rel), data: md, ifChanged: had || isPresent(rel) });
    if (writer ? jobs.length >= WRITE_BATCH : workers > 1 && jobs.length >= WRITER_THRESHOLD) send();
  }
  // The articles are finished: the extraction workers' memory goes.
  await pool?.retire(0);
  if (writer) send();
  else {
    for (const j of jobs) {
      if (!j.ifChanged) writeAtomicSync(j.file, j.data, made);
      else if (!writeIfChangedSync(j.file, j.data, made)) continue;
      written.push(j.rel);
    }
    jobs = [];
  }
  lap('write');
  // The entries are final: the cache is written now (its site line comes last), and its text leaves memory before
  // the site data is made.
  cacheWrite = await beginCacheWrite(cachePath, cacheVersion(), cache, entries);
  const settings = await loadSettings(rawDir, rejected);
  const descriptions = new Map(curation.entities.flatMap((c) => (c.description ? [[`${c.kind}:${c.name}`, c.description] as [string, string]] : [])));
  const siteKey = siteHash.update(JSON.stringify([...descriptions])).update('\n').update(JSON.stringify(settings)).digest('hex');
  const structure = structureHash.update(JSON.stringify([...descriptions])).digest('hex');
  const outputsJson = JSON.stringify(outputs);
  const site = await updateSiteData({
    outDir, articles, keys, madeParts, descriptions, settings, siteKey, structure, old: cache?.site,
    oldKeys: () => articles.map((a) => oldOutputs[`articles/${a.id}.md`]),
    oldOutputsHash: oldOutputsText === undefined ? undefined : sha1(oldOutputsText),
    version: siteCodeHash(),
    lap,
    ...(opts.warm ? { pieces: opts.warm.pieces } : {}),
  });
  await pool?.close();
  pool = undefined;
  // Every article file is in place before stale ones (and their emptied folders) go and before anything records them.
  for (const b of batches) {
    const w = await b.done;
    b.rels.forEach((rel, i) => w[i] && written.push(rel));
  }
  await writer?.close();
  writer = undefined;
  const keep = new Set(outFiles);
  const deleted: string[] = [];
  for (const rel of oldList) {
    if (keep.has(rel)) continue;
    await rm(join(outDir, rel), { force: true });
    await removeEmptyParents(join(outDir, 'articles'), dirname(join(outDir, rel)));
    deleted.push(rel);
  }
  await writeIfChanged(manifestPath, JSON.stringify({ files: outFiles }, null, 1));
  const record = await site.write();
  lap('flush');
  // What each generated file was made from: the site renderer re-renders an article page only when this changes.
  await writeIfChanged(join(outDir, STATE_DIR, 'outputs.json'), outputsJson);
  await canonical.save();
  await cacheWrite.finish({ ...record, outputs: sha1(outputsJson) });
  cacheWrite = undefined;
  if (existsSync(join(outDir, STATE_DIR, 'cache.json'))) await rm(join(outDir, STATE_DIR, 'cache.json'), { force: true }); // the old format
  lap('cache');
  return { articles, written, deleted, cached, warnings, rejected, timings };
  } finally {
    await cacheWrite?.abort(); // the run failed: the cache stays as it was
    await pool?.close();
    await writer?.close();
    await release();
  }
}

/**
 * What a generated article is made from, as a hash: the extraction code, its raw file (path and SHA-256, which with
 * the code determine everything extraction made of it), its id and its canonical entities (which the rest of the
 * archive and the curation file decide). Equal keys mean equal articles, without serialising whole articles. Entities
 * that are the extracted ones themselves (canonicalizing kept every one: the same objects) are decided by the raw
 * file already, and are not serialised either. `entities` is what the key took of them: `=`, or their JSON.
 */
function articleKey(a: Article, rawHash: string, extracted: Pick<Article, EntityKind>): { key: string; entities: string } {
  const h = createHash('sha1').update(`${cacheVersion()}\n${a.source}\n${rawHash}\n${a.id}\n`);
  const entities = keepsEntities(a, extracted) ? '=' : JSON.stringify([a.people, a.organisations, a.places]);
  return { key: h.update(entities).digest('hex'), entities };
}

/** Every path under `dir`, relative (with the system's separator); none when it cannot be read. */
function listTree(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
}

/** writeIfChanged, synchronous: many small files go faster without a promise per system call. */
function writeIfChangedSync(file: string, data: string, made: Set<string>): boolean {
  const bytes = Buffer.from(data);
  try {
    if (readFileSync(file).equals(bytes)) return false;
  } catch {
    // missing: write it
  }
  writeAtomicSync(file, bytes, made);
  return true;
}

/** A generated article path from a manifest: `articles/…/x.md`, relative, with no way out of the folder. */
function isOwnedArticlePath(rel: string): boolean {
  return /^articles\/[a-z0-9][a-z0-9/-]*\.md$/.test(rel) && !rel.split('/').some((p) => p === '..' || p === '.' || p === '');
}

/** Remove now-empty folders from `dir` up to (not including) `stop`, the way they were created. */
export async function removeEmptyParents(stop: string, dir: string): Promise<void> {
  while (dir.startsWith(stop + sep)) {
    try {
      await rmdir(dir); // only ever removes an empty folder
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

/** Refuse folder layouts where the tool would read its own output as input, or overwrite raw articles. */
function checkFolders(rawDir: string, outDir: string): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
  if (inside(rawDir, outDir)) {
    throw new Error(`the raw folder ${rawDir} is inside the output folder ${outDir}: generated files could overwrite raw articles; choose another --out`);
  }
}

/** Read a raw file, refusing it (without reading it all) when it is over the limit; never throws. Synchronous: one small file costs a few system calls. */
function readLimited(file: string, maxBytes: number): { bytes: Buffer; stat: Stats } | { error: string } {
  const mb = (n: number) => (n >= 1048576 ? (n / 1048576).toFixed(1) : (n / 1048576).toFixed(2));
  const over = (size: number) => {
    const [a, b] = mb(size) === mb(maxBytes) ? [`${size} bytes`, `${maxBytes}-byte`] : [`${mb(size)} MB`, `${mb(maxBytes)} MB`];
    return { error: `file is ${a}, over the ${b} limit per article (raise it with --max-article-size <MB>)` };
  };
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd); // before reading: a change made while reading changes the stamp after this one
    if (stat.size > maxBytes) return over(stat.size);
    const bytes = readFileSync(fd);
    if (bytes.length > maxBytes) return over(bytes.length); // grew while we looked
    return { bytes, stat };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'file vanished or its name is not valid UTF-8' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
    return { error: `cannot read the file: ${why}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isValidEntry(e: CacheEntry): boolean {
  if (e.error) return typeof e.error.reason === 'string' && typeof e.error.file === 'string';
  const a = e.built?.article;
  return !!a && typeof a.title === 'string' && Array.isArray(a.paragraphs) && Array.isArray(a.people) && Array.isArray(e.built!.warnings);
}

/** One build at a time per output folder: a second one would interleave writes. A lock left by a killed run is taken over. */
async function takeLock(outDir: string): Promise<{ release: () => Promise<void>; stale: boolean }> {
  return takeLockOf(join(outDir, STATE_DIR, 'lock'), outDir);
}

/** Take the lock file `lock` for writing to `dir`; resolves to its release. Throws when a live process holds it. */
export async function takeLockFile(lock: string, dir: string): Promise<() => Promise<void>> {
  return (await takeLockOf(lock, dir)).release;
}

/** takeLockFile, also telling whether a lock left by a killed run was taken over (`stale`). */
async function takeLockOf(lock: string, dir: string): Promise<{ release: () => Promise<void>; stale: boolean }> {
  const outDir = dir;
  await mkdir(dirname(lock), { recursive: true });
  let stale = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return { release: () => rm(lock, { force: true }), stale };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(await readFile(lock, 'utf8').catch(() => ''));
      let alive = false;
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch (err) {
          alive = (err as NodeJS.ErrnoException).code === 'EPERM';
        }
      }
      if (alive) throw new Error(`another dateline run (process ${pid}) is writing to ${outDir}; wait for it to finish (or delete ${lock} if it is gone)`);
      stale = true;
      await rm(lock, { force: true });
    }
  }
  throw new Error(`cannot take the lock ${lock}`);
}

let siteCode: string | undefined;
/** Hash of all the code (the site's too): site data written by other code is never reused. */
function siteCodeHash(): string {
  return (siteCode ??= codeHash(true));
}

/** Hash of the extraction code, so that a cache written by other code is never reused. */
function codeHash(withSite = false): string {
  const h = createHash('sha256');
  const srcDir = SRC_DIR; // the sources, also when running compiled
  try {
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = join(d, e.name);
        if (e.isDirectory()) {
          if (withSite || e.name !== 'site') walk(p);
        } else if (/\.(ts|json)$/.test(e.name)) h.update(p.slice(srcDir.length)).update(readFileSync(p));
      }
    };
    walk(srcDir);
  } catch {
    // packaged without sources: the extractor version alone decides
  }
  // and the trained model (a retrained model changes what is extracted without a change to the code)
  try {
    h.update(modelFilesHash());
  } catch {
    // no model files: extraction fails for every article, and says so
  }
  return h.digest('hex').slice(0, 12);
}

async function loadCuration(rawDir: string, file?: string): Promise<{ curation: Curation; rejection?: Rejection }> {
  const candidates = file ? [file] : CURATION_FILES.map((f) => join(rawDir, f));
  for (const path of candidates) {
    let text: string;
    try {
      const d = decodeArticle(await readFile(path));
      if (d.text === undefined) return { curation: EMPTY_CURATION, rejection: { file: path, reason: `${d.error} (curation ignored for this build)` } };
      text = d.text;
    } catch {
      if (file) return { curation: EMPTY_CURATION, rejection: { file: path, reason: 'curation file not found' } };
      continue;
    }
    try {
      return { curation: parseCuration(text, path) };
    } catch (e) {
      const ie = e as InputError;
      return { curation: EMPTY_CURATION, rejection: { file: path, line: ie.line, reason: `${ie.reason ?? ie.message} (curation ignored for this build)` } };
    }
  }
  return { curation: EMPTY_CURATION };
}

async function readJson<T>(path: string): Promise<T | undefined> {
  return parseJson(await readFile(path, 'utf8').catch(() => undefined)) as T | undefined;
}

/** The value of a JSON text; undefined when there is no text or it is not JSON. */
function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

async function loadSettings(rawDir: string, rejected: Rejection[]): Promise<SiteSettings> {
  const path = join(rawDir, SETTINGS_FILE);
  let text: string;
  try {
    const d = decodeArticle(await readFile(path));
    if (d.text === undefined) {
      rejected.push({ file: path, reason: `${d.error} (default settings used)` });
      return DEFAULT_SETTINGS;
    }
    text = d.text;
  } catch {
    return DEFAULT_SETTINGS;
  }
  try {
    return parseSettings(text, path);
  } catch (e) {
    rejected.push({ file: path, reason: `${(e as Error).message.replace(`${path}: `, '')} (default settings used)` });
    return DEFAULT_SETTINGS;
  }
}
