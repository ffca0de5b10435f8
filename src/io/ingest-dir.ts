// Ingest a folder of raw articles into a folder of generated markdown (the I/O edge of ingest).
import { readFile, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Article, Warning } from '../types.ts';
import { InputError } from '../types.ts';
import { decodeArticle } from './decode.ts';
import { listRawFiles, CURATION_FILES } from './walk.ts';
import { writeAtomic, writeIfChanged } from './atomic.ts';
import { buildArticle, type BuiltArticle } from '../ingest/article.ts';
import { assignIds } from '../ingest/ids.ts';
import { canonicalizeArchive } from '../curation/apply.ts';
import { parseCuration, EMPTY_CURATION, type Curation } from '../curation/curation.ts';
import { articleToMarkdown } from '../markdown/serialize.ts';
import { EXTRACTOR_VERSION } from '../ner/index.ts';
import { buildArchiveIndex } from '../site/archive-index.ts';
import { SITE_DATA_FILE, type SiteData } from '../site/context.ts';
import { DEFAULT_SETTINGS, parseSettings, type SiteSettings } from '../site/settings.ts';

export const SETTINGS_FILE = 'site.yaml';

export interface IngestOptions {
  /** Largest raw article accepted, in bytes. */
  maxArticleBytes?: number;
  /** Curation file; default: `curation.yaml` in the raw folder, if present. */
  curationFile?: string;
  onProgress?: (done: number, total: number) => void;
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
}

export const DEFAULT_MAX_ARTICLE_BYTES = 4 * 1024 * 1024;
const CACHE_VERSION = `1:${EXTRACTOR_VERSION}`;
const STATE_DIR = '.dateline';

interface CacheEntry {
  hash: string;
  built?: BuiltArticle;
  error?: Rejection;
}
interface CacheFile {
  version: string;
  entries: Record<string, CacheEntry>;
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
  const maxBytes = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const warnings: Warning[] = [];
  const rejected: Rejection[] = [];
  const { curation, rejection } = await loadCuration(rawDir, opts.curationFile);
  if (rejection) rejected.push(rejection);

  const files = await listRawFiles(rawDir);
  const cache = await readJson<CacheFile>(join(outDir, STATE_DIR, 'cache.json'));
  const oldEntries = cache?.version === CACHE_VERSION ? cache.entries : {};
  const entries: Record<string, CacheEntry> = {};
  let cached = 0;
  let done = 0;
  for (const source of files) {
    const full = join(rawDir, source);
    const size = (await stat(full)).size;
    let entry: CacheEntry;
    if (size > maxBytes) {
      entry = { hash: `size:${size}`, error: { file: source, reason: `file is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit per article (raise it with --max-article-size <MB>)` } };
    } else {
      const bytes = await readFile(full);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const old = oldEntries[source];
      if (old && old.hash === hash) {
        entry = old;
        cached++;
      } else {
        entry = { hash, ...buildOne(source, bytes) };
      }
    }
    entries[source] = entry;
    if (entry.error) rejected.push(entry.error);
    if (entry.built) warnings.push(...entry.built.warnings);
    opts.onProgress?.(++done, files.length);
  }

  const built = Object.values(entries).flatMap((e) => (e.built ? [e.built] : []));
  const ids = assignIds(built.map((b) => ({ source: b.article.source, slug: b.slug, date: b.article.date })));
  const withIds: Article[] = built.map((b) => ({ id: ids.get(b.article.source)!, ...b.article }));
  const articles = canonicalizeArchive(withIds, curation);

  const written: string[] = [];
  const outFiles: string[] = [];
  for (const a of articles) {
    const rel = `articles/${a.id}.md`;
    outFiles.push(rel);
    if (await writeIfChanged(join(outDir, rel), articleToMarkdown(a))) written.push(rel);
  }
  const manifestPath = join(outDir, STATE_DIR, 'manifest.json');
  const oldManifest = await readJson<Manifest>(manifestPath);
  const keep = new Set(outFiles);
  const deleted: string[] = [];
  for (const rel of oldManifest?.files ?? []) {
    if (keep.has(rel) || rel.includes('..') || !rel.startsWith('articles/')) continue;
    await rm(join(outDir, rel), { force: true });
    deleted.push(rel);
  }
  await writeIfChanged(manifestPath, JSON.stringify({ files: outFiles.sort() }, null, 1));
  const settings = await loadSettings(rawDir, rejected);
  const descriptions = new Map(curation.entities.flatMap((c) => (c.description ? [[`${c.kind}:${c.name}`, c.description] as [string, string]] : [])));
  const siteData: SiteData = { settings, index: buildArchiveIndex(articles, descriptions) };
  await writeIfChanged(join(outDir, SITE_DATA_FILE), JSON.stringify(siteData));
  await writeAtomic(join(outDir, STATE_DIR, 'cache.json'), JSON.stringify({ version: CACHE_VERSION, entries }));
  return { articles, written, deleted, cached, warnings, rejected };
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
      text = await readFile(path, 'utf8');
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
    text = await readFile(path, 'utf8');
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
