// An edit rebuild's site data, by article instead of from scratch. The site data is made of the articles'
// facets (everything but their paragraphs: see facetsHash), ids and canonical entities — the archive's structure —
// and of two things read from paragraphs: each article's lede and word count (its index part) and the roles its
// text gives its people and organisations (its bio part). While the structure is what the current site data was
// made from, only those can differ: the changed articles' summaries get their new lede and word count, the bios are
// made again when a changed article's bio part differs from the one it had, and every other piece stays as it is
// (not made, not written).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../types.ts';
import { articleParts, type ArticleParts } from '../analysis/parts.ts';
import { buildArchiveIndex } from '../site/archive-index.ts';
import { researchBios } from '../site/research-data.ts';
import { researchPieces } from './research-pieces.ts';
import type { SiteSettings } from '../site/settings.ts';
import type { SiteRecord } from './extract-cache.ts';
import { PartsStore } from './parts-store.ts';
import { indexPieceTexts, readPiece, readSiteManifest, writeSiteData, SITE_DATA_FILE, SITE_PIECES, SITE_PIECES_DIR, type PieceMemo, type SiteManifest, type SitePiece } from './site-data.ts';

export interface SitePatch {
  /** The markdown folder. */
  outDir: string;
  /** The site data as it is (its structure is this run's). */
  manifest: SiteManifest;
  /** This run's articles, in file order, with their keys (see articleKey in ingest-dir.ts). */
  articles: Article[];
  keys: string[];
  /** Each article's key when the site data was made (same order). */
  oldKeys: Array<string | undefined>;
  /** Each article's parts made ahead of canonicalisation, as JSON, when still valid. */
  madeParts: (i: number) => string | undefined;
  store: PartsStore;
  descriptions: Map<string, string>;
  /** Pieces parsed earlier in this process (serve). */
  memo?: PieceMemo;
  /** Filled with the summaries the patched `articles` piece is made of, when it changes. */
  values?: Partial<Record<SitePiece, unknown>>;
}

/**
 * The pieces of the site data that change (JSON texts), given that its structure is unchanged; the other pieces
 * stay as they are. Every article's parts are kept in `store` for saving. Undefined (and `store` untouched) when the
 * current pieces cannot be read as expected: then the site data is to be made whole.
 */
export function patchSiteData(p: SitePatch): Partial<Record<SitePiece, string>> | undefined {
  const changed: number[] = [];
  p.keys.forEach((k, i) => k !== p.oldKeys[i] && changed.push(i));
  if (!changed.length) {
    for (const k of p.keys) p.store.retain(k);
    return {};
  }
  let summaries;
  try {
    summaries = readPiece(p.outDir, p.manifest, 'articles', p.memo);
  } catch {
    return undefined;
  }
  if (!Array.isArray(summaries)) return undefined;
  // A changed summary is a new object in a new array: what was read may be shared (p.memo).
  summaries = summaries.slice();
  const at = new Map(summaries.map((s, i) => [s.id, i]));
  if (!changed.every((i) => at.has(p.articles[i].id))) return undefined;

  const parts = new Map<Article, ArticleParts>();
  let biosChanged = false;
  for (const i of changed) {
    const a = p.articles[i];
    const now = p.store.get(p.keys[i], () => articleParts(a), p.madeParts(i));
    parts.set(a, now);
    const old = p.oldKeys[i] === undefined ? undefined : p.store.remembered(p.oldKeys[i]!);
    if (!old || JSON.stringify(old.bio) !== JSON.stringify(now.bio)) biosChanged = true;
    const j = at.get(a.id)!;
    summaries[j] = { ...summaries[j], lede: now.index.lede, words: now.index.words };
  }
  const isChanged = new Set(changed);
  p.articles.forEach((a, i) => {
    if (isChanged.has(i)) return;
    if (biosChanged) parts.set(a, p.store.get(p.keys[i], () => articleParts(a)));
    else p.store.retain(p.keys[i]);
  });
  if (p.values) p.values.articles = summaries;
  return {
    articles: JSON.stringify(summaries),
    ...(biosChanged ? { bios: JSON.stringify(researchBios(p.articles, p.descriptions, (a) => parts.get(a))) } : {}),
  };
}

/** What ingest hands over to make the site data (see updateSiteData). */
export interface SiteUpdate {
  /** The markdown folder. */
  outDir: string;
  articles: Article[];
  keys: string[];
  /** Per article, its parts made ahead of canonicalisation (JSON), when still valid. */
  madeParts: Array<string | undefined>;
  descriptions: Map<string, string>;
  settings: SiteSettings;
  /** Hash of everything the site data is made from. */
  siteKey: string;
  /** Hash of the same but the articles' paragraphs. */
  structure: string;
  /** What the site data in the folder was made from, as recorded. */
  old?: SiteRecord;
  /** Each article's key when the site data was made (asked only when the structure is unchanged). */
  oldKeys: () => Array<string | undefined>;
  /** SHA-1 of the outputs.json the keys are read from. */
  oldOutputsHash?: string;
  /** Hash of the code: parts and fragments remembered by other code are not used. */
  version: string;
  /** Ends a timed phase (`index`, `research`). */
  lap: (name: string) => void;
  /** Site data pieces parsed earlier in this process (serve; see src/io/warm.ts). */
  pieces?: PieceMemo;
}

/**
 * Make the site data (src/io/site-data.ts) for this run, the cheapest way that gives what making it whole gives:
 * - kept as it is when it was made from the same inputs (siteKey) and is as the last run left it;
 * - patched (patchSiteData) when only paragraphs changed since it was made (same structure);
 * - else made whole: each article's parts are remembered by its key (only new or changed articles are analysed),
 *   the timeline's month groups by the events they are made from.
 * Resolves once made; its `write` then writes what changed (called once the article files are in place) and
 * resolves to the record to keep for the next run.
 */
export async function updateSiteData(u: SiteUpdate): Promise<{ write: () => Promise<Omit<SiteRecord, 'outputs'>> }> {
  const manifestPath = join(u.outDir, SITE_DATA_FILE);
  const stamp = fileStamp(manifestPath);
  const current = u.old && stamp !== undefined && u.old.stamp === stamp ? readSiteManifest(u.outDir) : undefined;
  const whole = !!current && SITE_PIECES.every((p) => existsSync(join(u.outDir, SITE_PIECES_DIR, current.pieces[p])));
  const record = () => ({ key: u.siteKey, ...(fileStampOrNone(manifestPath)), structure: u.structure });
  if (whole && u.old!.key === u.siteKey) {
    u.lap('index');
    u.lap('research');
    return { write: async () => record() };
  }
  const state = join(u.outDir, STATE_DIR);
  const store = PartsStore.read(join(state, PARTS_FILE), u.version);
  let fresh: Partial<Record<SitePiece, string | Uint8Array>> | undefined;
  const values: Partial<Record<SitePiece, unknown>> = {};
  if (whole && u.old!.structure === u.structure && u.old!.outputs !== undefined && u.old!.outputs === u.oldOutputsHash) {
    fresh = patchSiteData({ outDir: u.outDir, manifest: current!, articles: u.articles, keys: u.keys, oldKeys: u.oldKeys(), madeParts: (i) => u.madeParts[i], store, descriptions: u.descriptions, ...(u.pieces ? { memo: u.pieces, values } : {}) });
    u.lap('index');
    u.lap('research');
  }
  if (!fresh) {
    const parts = new Map<Article, ArticleParts>();
    u.articles.forEach((a, i) => parts.set(a, store.get(u.keys[i], () => articleParts(a), u.madeParts[i])));
    // On this thread, after the index: in a worker of their own (tried until this round) the research views took
    // longer, with a copy of the archive in the worker's heap besides this one's (the cold ingest's memory peak).
    const index = indexPieceTexts(buildArchiveIndex(u.articles, u.descriptions, (a) => parts.get(a)?.index));
    u.lap('index');
    fresh = { ...index, ...(await researchPieces(u.articles, (a) => parts.get(a), u.keys, u.descriptions, join(state, FRAGMENTS_FILE), u.version)) };
    u.lap('research');
  }
  await store.save();
  const made = fresh;
  return {
    write: async () => {
      await writeSiteData(u.outDir, u.settings, made, current?.pieces ?? {}, u.pieces && { pieces: u.pieces, values });
      return record();
    },
  };
}

const STATE_DIR = '.dateline';
const PARTS_FILE = 'parts.ndjson';
const FRAGMENTS_FILE = 'fragments.ndjson';

/** `{stamp}` of a file (size, modification time, inode), or nothing when it is missing. */
function fileStampOrNone(path: string): { stamp?: string } {
  const s = fileStamp(path);
  return s === undefined ? {} : { stamp: s };
}

/** Size, modification time and inode of a file, or undefined when it is missing. */
function fileStamp(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return undefined;
  }
}
