// Ingest a folder of raw articles into a folder of generated markdown (the I/O edge of ingest).
import { readFile, rm, open, rmdir, mkdir, writeFile, stat } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Warning } from '../types.ts';
import { InputError } from '../types.ts';
import { decodeArticle } from './decode.ts';
import { listRawFiles, CURATION_FILES } from './walk.ts';
import { writeAtomic, writeIfChanged, removeStaleTemps } from './atomic.ts';
import { buildArticle, type BuiltArticle } from '../ingest/article.ts';
import { assignIds } from '../ingest/ids.ts';
import { canonicalizeArchive } from '../curation/apply.ts';
import { parseCuration, EMPTY_CURATION, type Curation } from '../curation/curation.ts';
import { articleToMarkdown } from '../markdown/serialize.ts';
import { EXTRACTOR_VERSION } from '../ner/index.ts';
import { buildInWorkers, workerCount } from '../parallel/pool.ts';
import { buildArchiveIndex } from '../site/archive-index.ts';
import { SITE_DATA_FILE, type SiteData } from '../site/context.ts';
import { buildResearch } from '../site/research-data.ts';
import { DEFAULT_SETTINGS, parseSettings, type SiteSettings } from '../site/settings.ts';

export const SETTINGS_FILE = 'site.yaml';

export interface IngestOptions {
  /** Largest raw article accepted, in bytes. */
  maxArticleBytes?: number;
  /** Curation file; default: `curation.yaml` in the raw folder, if present. */
  curationFile?: string;
  onProgress?: (done: number, total: number) => void;
  /** Folders inside the raw folder that are not raw input (the site folder); the output folder is always excluded. */
  excludeDirs?: string[];
}

export interface Rejection {
  file: string;
  line?: number;
  reason: string;
}

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
  /** Milliseconds per phase (read, extract, canonicalize, write, index, research, cache). */
  timings: Record<string, number>;
}

export const DEFAULT_MAX_ARTICLE_BYTES = 4 * 1024 * 1024;
const CACHE_VERSION = `2:${EXTRACTOR_VERSION}:${codeHash()}`;
const STATE_DIR = '.dateline';
/** Fewer uncached articles than this are extracted in-process: starting workers (loading the model) costs more. */
const PARALLEL_THRESHOLD = 48;

/** Set an own property even for names like `__proto__` (file names are data). */
function setEntry(entries: Record<string, CacheEntry>, source: string, entry: CacheEntry): void {
  Object.defineProperty(entries, source, { value: entry, enumerable: true, writable: true, configurable: true });
}

interface CacheEntry {
  hash: string;
  built?: BuiltArticle;
  error?: Rejection;
}
interface CacheFile {
  version: string;
  entries: Record<string, CacheEntry>;
  /** Generated file → hash of the article it was written from. */
  outputs?: Record<string, string>;
}
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
  const release = await takeLock(outDir);
  const timings: Record<string, number> = {};
  let tPhase = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - tPhase);
    tPhase = now;
  };
  try {
  await removeStaleTemps(outDir);
  const { curation, rejection } = await loadCuration(rawDir, opts.curationFile);
  if (rejection) rejected.push(rejection);

  const files = await listRawFiles(rawDir, {
    exclude: [outDir, ...(opts.excludeDirs ?? [])],
    onSkip: (file, message) => warnings.push({ file, message }),
  });
  const cache = await readJson<CacheFile>(join(outDir, STATE_DIR, 'cache.json'));
  const oldEntries = cache?.version === CACHE_VERSION && cache.entries && typeof cache.entries === 'object' ? cache.entries : {};
  const entries: Record<string, CacheEntry> = {};
  let cached = 0;
  let done = 0;
  // Pass 1: read and hash every file; reuse cached extractions.
  const todo: Array<{ source: string; hash: string; bytes: Buffer }> = [];
  for (const source of files) {
    const full = join(rawDir, source);
    const read = await readLimited(full, maxBytes);
    if ('error' in read) {
      setEntry(entries, source, { hash: 'unread', error: { file: source, reason: read.error } });
      opts.onProgress?.(++done, files.length);
      continue;
    }
    const hash = createHash('sha256').update(read.bytes).digest('hex');
    const old = Object.hasOwn(oldEntries, source) ? oldEntries[source] : undefined;
    if (old && old.hash === hash && isValidEntry(old)) {
      setEntry(entries, source, old);
      cached++;
      opts.onProgress?.(++done, files.length);
    } else {
      todo.push({ source, hash, bytes: read.bytes });
    }
  }
  lap('read');
  // Pass 2: extract the rest, on every core when there are enough of them to pay for starting workers.
  const workers = workerCount();
  const results =
    todo.length >= PARALLEL_THRESHOLD && workers > 1
      ? await buildInWorkers(todo, () => opts.onProgress?.(++done, files.length), workers)
      : todo.map((t) => {
          const r = buildOne(t.source, t.bytes);
          opts.onProgress?.(++done, files.length);
          return r;
        });
  todo.forEach((t, i) => setEntry(entries, t.source, { hash: t.hash, ...results[i] }));
  for (const source of files) {
    const entry = entries[source];
    if (/[\u0000-\u001f\u007f\ufffd]/.test(source) && entry.built && !entry.built.warnings.some((w) => w.message.startsWith('file name has'))) {
      entry.built.warnings.push({ file: source, message: 'file name has control characters or bytes that are not UTF-8: rename it' });
    }
    if (entry.error) rejected.push(entry.error);
    if (entry.built) warnings.push(...entry.built.warnings);
  }

  lap('extract');
  const built = Object.values(entries).flatMap((e) => (e.built ? [e.built] : []));
  const ids = assignIds(built.map((b) => ({ source: b.article.source, slug: b.slug, date: b.article.date })));
  const withIds: Article[] = built.map((b) => ({ id: ids.get(b.article.source)!, ...b.article }));
  const slugOf = new Map(built.map((b) => [b.article.source, b.slug]));
  for (const a of withIds) {
    if (!a.id.endsWith(`/${slugOf.get(a.source)}`)) {
      warnings.push({ file: a.source, message: `another article has the same URL slug in the same month (or undated): this one is at /${a.id}/ (the suffix comes from its file name)` });
    }
  }
  const articles = canonicalizeArchive(withIds, curation);
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
  const oldOutputs = cache?.version === CACHE_VERSION && cache.outputs && typeof cache.outputs === 'object' ? cache.outputs : {};
  const outputs: Record<string, string> = {};
  for (const a of articles) {
    const rel = `articles/${a.id}.md`;
    const key = createHash('sha1').update(JSON.stringify(a)).digest('hex');
    outputs[rel] = key;
    if (Object.hasOwn(oldOutputs, rel) && oldOutputs[rel] === key && existsSync(join(outDir, rel))) continue;
    if (await writeIfChanged(join(outDir, rel), articleToMarkdown(a))) written.push(rel);
  }
  const keep = new Set(outFiles);
  const deleted: string[] = [];
  for (const rel of oldList) {
    if (keep.has(rel)) continue;
    await rm(join(outDir, rel), { force: true });
    await removeEmptyParents(join(outDir, 'articles'), dirname(join(outDir, rel)));
    deleted.push(rel);
  }
  await writeIfChanged(manifestPath, JSON.stringify({ files: outFiles }, null, 1));
  lap('write');
  const settings = await loadSettings(rawDir, rejected);
  const descriptions = new Map(curation.entities.flatMap((c) => (c.description ? [[`${c.kind}:${c.name}`, c.description] as [string, string]] : [])));
  const index = buildArchiveIndex(articles, descriptions);
  lap('index');
  const research = buildResearch(articles, descriptions);
  lap('research');
  const siteData: SiteData = { settings, index, research };
  await writeIfChanged(join(outDir, SITE_DATA_FILE), JSON.stringify(siteData));
  // What each generated file was made from: the site renderer re-renders an article page only when this changes.
  await writeIfChanged(join(outDir, STATE_DIR, 'outputs.json'), JSON.stringify(outputs));
  await writeAtomic(join(outDir, STATE_DIR, 'cache.json'), JSON.stringify({ version: CACHE_VERSION, entries, outputs }));
  lap('cache');
  return { articles, written, deleted, cached, warnings, rejected, timings };
  } finally {
    await release();
  }
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

/** Read a raw file, refusing it (without reading it all) when it is over the limit; never throws. */
async function readLimited(file: string, maxBytes: number): Promise<{ bytes: Buffer } | { error: string }> {
  const mb = (n: number) => (n >= 1048576 ? (n / 1048576).toFixed(1) : (n / 1048576).toFixed(2));
  const over = (size: number) => {
    const [a, b] = mb(size) === mb(maxBytes) ? [`${size} bytes`, `${maxBytes}-byte`] : [`${mb(size)} MB`, `${mb(maxBytes)} MB`];
    return { error: `file is ${a}, over the ${b} limit per article (raise it with --max-article-size <MB>)` };
  };
  let fh;
  try {
    fh = await open(file, 'r');
    const size = (await fh.stat()).size;
    if (size > maxBytes) return over(size);
    const bytes = await fh.readFile();
    if (bytes.length > maxBytes) return over(bytes.length); // grew while we looked
    return { bytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'file vanished or its name is not valid UTF-8' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
    return { error: `cannot read the file: ${why}` };
  } finally {
    await fh?.close();
  }
}

function isValidEntry(e: CacheEntry): boolean {
  if (e.error) return typeof e.error.reason === 'string' && typeof e.error.file === 'string';
  const a = e.built?.article;
  return !!a && typeof a.title === 'string' && Array.isArray(a.paragraphs) && Array.isArray(a.people) && Array.isArray(e.built!.warnings);
}

/** One build at a time per output folder: a second one would interleave writes. A lock left by a killed run is taken over. */
async function takeLock(outDir: string): Promise<() => Promise<void>> {
  return takeLockFile(join(outDir, STATE_DIR, 'lock'), outDir);
}

/** Take the lock file `lock` for writing to `dir`; resolves to its release. Throws when a live process holds it. */
export async function takeLockFile(lock: string, dir: string): Promise<() => Promise<void>> {
  const outDir = dir;
  await mkdir(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return () => rm(lock, { force: true });
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
      await rm(lock, { force: true });
    }
  }
  throw new Error(`cannot take the lock ${lock}`);
}

/** Hash of the extraction code, so that a cache written by other code is never reused. */
function codeHash(): string {
  const h = createHash('sha256');
  const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = join(d, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'site') walk(p);
        } else if (/\.(ts|json)$/.test(e.name)) h.update(p.slice(srcDir.length)).update(readFileSync(p));
      }
    };
    walk(srcDir);
  } catch {
    // packaged without sources: the extractor version alone decides
  }
  return h.digest('hex').slice(0, 12);
}

/** Decode and build one raw article; never throws for bad input. */
export function buildOne(source: string, bytes: Uint8Array): { built?: BuiltArticle; error?: Rejection } {
  const decoded = decodeArticle(bytes);
  if (decoded.error || decoded.text === undefined) return { error: { file: source, reason: decoded.error ?? 'unreadable' } };
  try {
    const built = buildArticle(source, decoded.text);
    built.warnings.unshift(...decoded.warnings.map((message) => ({ file: source, message })));
    return { built };
  } catch (e) {
    if (e instanceof InputError) return { error: { file: source, line: e.line, reason: e.reason } };
    return { error: { file: source, reason: `internal error: ${(e as Error).message}` } };
  }
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
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

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
