// The site data ingest leaves for the render, as files in the markdown folder: `.dateline/site.json`, a small
// manifest holding the settings and naming the pieces, and the pieces themselves in `.dateline/site/`, one JSON file
// each (the archive index's article summaries, its entities, and the research views). A piece is named by a hash
// of its text, so a piece whose text is already there is not written again (an edit rebuild writes the pieces that
// changed), equal data has equal files whatever run made them, and a piece is in place before the manifest names
// it; the manifest is replaced atomically, so a reader sees one whole set or the other, never a mix. Pieces the
// manifest no longer names are removed after it is replaced.
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SiteData } from '../site/context.ts';
import type { SiteSettings } from '../site/settings.ts';
import type { ArchiveIndex, ArticleSummary } from '../site/archive-index.ts';
import type { ResearchData } from '../site/research-data.ts';
import { writeAtomic, writeIfChanged } from './atomic.ts';

/** The manifest, relative to the markdown folder. */
export const SITE_DATA_FILE = '.dateline/site.json';
/** The folder of the pieces, relative to the markdown folder. */
export const SITE_PIECES_DIR = '.dateline/site';

/** The pieces, in the order the site data holds them. */
export const SITE_PIECES = ['articles', 'entities', 'timeline', 'network', 'bios', 'quotes'] as const;
export type SitePiece = (typeof SITE_PIECES)[number];
/** The pieces that make the research views. */
const RESEARCH_PIECES = ['timeline', 'network', 'bios', 'quotes'] as const satisfies readonly SitePiece[];

/** What each piece holds, as JSON. */
export interface SitePieces {
  articles: ArticleSummary[];
  entities: Omit<ArchiveIndex, 'articles'>;
  timeline: ResearchData['timeline'];
  network: Pick<ResearchData, 'network' | 'pairs'>;
  bios: ResearchData['bios'];
  quotes: ResearchData['quotes'];
}

export interface SiteManifest {
  settings: SiteSettings;
  /** Each piece's file name in SITE_PIECES_DIR. */
  pieces: Record<SitePiece, string>;
}

/** The archive index's pieces' JSON texts. */
export function indexPieceTexts(index: ArchiveIndex): Record<'articles' | 'entities', string> {
  const { articles, ...entities } = index;
  return { articles: JSON.stringify(articles), entities: JSON.stringify(entities) };
}

/** The manifest in `markdownDir`, when there is one of this form (undefined: missing, damaged or of another form). */
export function readSiteManifest(markdownDir: string): SiteManifest | undefined {
  const m = readSiteJson(markdownDir);
  return isManifest(m) ? m : undefined;
}

/** `site.json` parsed, whatever its form (undefined: missing or not JSON). */
function readSiteJson(markdownDir: string): unknown {
  try {
    return JSON.parse(readFileSync(join(markdownDir, SITE_DATA_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

function isManifest(m: unknown): m is SiteManifest {
  if (!m || typeof m !== 'object') return false;
  const { settings, pieces } = m as Partial<SiteManifest>;
  return !!settings && typeof settings === 'object' && !!pieces && typeof pieces === 'object' && SITE_PIECES.every((p) => typeof pieces[p] === 'string' && isPieceName(pieces[p]));
}

/** A piece file name: one plain name inside the pieces folder. */
const isPieceName = (name: string) => /^[a-z]+\.[0-9a-f]{16}\.json$/.test(name);

/** Pieces parsed earlier in this process, by file path, with the size the file had (see src/io/warm.ts). */
export type PieceMemo = Map<string, { size: number; value: unknown }>;

/**
 * Read one piece of the site data named by `manifest`; throws naming the file when it is missing or not JSON. With
 * `memo`, a piece parsed (or written) earlier in this process is taken as it was while its file is there with the
 * same size (its name is a hash of its text). The value is shared: never changed by its readers.
 */
export function readPiece<P extends SitePiece>(markdownDir: string, manifest: SiteManifest, piece: P, memo?: PieceMemo): SitePieces[P] {
  const file = join(markdownDir, SITE_PIECES_DIR, manifest.pieces[piece]);
  if (memo) {
    const kept = memo.get(file);
    if (kept && statSync(file, { throwIfNoEntry: false })?.size === kept.size) return kept.value as SitePieces[P];
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`site data: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); run ingest again`);
  }
  let value: SitePieces[P];
  try {
    value = JSON.parse(text) as SitePieces[P];
  } catch (e) {
    throw new Error(`site data: ${file} is not valid JSON (${(e as Error).message}); run ingest again`);
  }
  if (memo) keepPiece(memo, join(markdownDir, SITE_PIECES_DIR), piece, file, Buffer.byteLength(text), value);
  return value;
}

/** Keep a piece's value in the memo under its file, in place of any other file of that piece (only the current site data is kept). */
function keepPiece(memo: PieceMemo, dir: string, piece: SitePiece, file: string, size: number, value: unknown): void {
  for (const f of memo.keys()) if (f.startsWith(join(dir, `${piece}.`))) memo.delete(f);
  memo.set(file, { size, value });
}

/**
 * The site data in `markdownDir`: the manifest's settings with its pieces put together (the same data as one
 * JSON value with the index and research fields in order). A site.json of the earlier single-file form is read as
 * it is. Undefined when there is no site data; throws naming the file when a piece is missing or damaged.
 */
export function readSiteData(markdownDir: string): SiteData | undefined {
  const data = readSiteDataAndPieces(markdownDir)?.data;
  void data?.research; // read now: every piece is checked here
  return data;
}

/**
 * readSiteData, with the names of the pieces it was read from (none for the earlier single-file form). The research
 * pieces are read when `data.research` is first used (a missing piece is an error here already; a damaged one, there).
 */
export function readSiteDataAndPieces(markdownDir: string, memo?: PieceMemo): { data: SiteData; pieces?: Record<SitePiece, string> } | undefined {
  const m = readSiteJson(markdownDir);
  if (!isManifest(m)) return m && typeof m === 'object' && 'index' in m ? { data: m as SiteData } : undefined;
  const piece = <P extends SitePiece>(p: P) => readPiece(markdownDir, m, p, memo);
  const data: SiteData = { settings: m.settings, index: { articles: piece('articles'), ...piece('entities') } };
  for (const p of RESEARCH_PIECES) {
    const file = join(markdownDir, SITE_PIECES_DIR, m.pieces[p]);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error(`site data: cannot read ${file} (ENOENT); run ingest again`);
  }
  // The research pieces (more than half of the site data's bytes) are read when first used: a rebuild whose changed
  // pages show none of them (an edit to an article's text) does not read them at all.
  let research: ResearchData | undefined;
  Object.defineProperty(data, 'research', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!research) {
        const { network, pairs } = piece('network');
        research = { timeline: piece('timeline'), network, pairs, bios: piece('bios'), quotes: piece('quotes') };
      }
      return research;
    },
  });
  return { data, pieces: { ...m.pieces } };
}

/**
 * Write the site data: each piece in `fresh` (JSON text, or its UTF-8 bytes) under the name its text hashes to (unless a file of that
 * name and size is there), then the manifest naming those and the `kept` pieces' files (which must exist), then
 * remove the piece files it no longer names. Returns the manifest. With `memo`, the `values` given (what a fresh
 * piece's text was made from, never to be changed) are kept for readPiece.
 */
export async function writeSiteData(markdownDir: string, settings: SiteSettings, fresh: Partial<Record<SitePiece, string | Uint8Array>>, kept: Partial<Record<SitePiece, string>>, memo?: { pieces: PieceMemo; values: Partial<Record<SitePiece, unknown>> }): Promise<SiteManifest> {
  const dir = join(markdownDir, SITE_PIECES_DIR);
  const pieces = {} as Record<SitePiece, string>;
  for (const p of SITE_PIECES) {
    const text = fresh[p];
    if (text !== undefined) {
      const bytes = typeof text === 'string' ? Buffer.from(text) : text;
      pieces[p] = `${p}.${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}.json`;
      const file = join(dir, pieces[p]);
      if (statSync(file, { throwIfNoEntry: false })?.size !== bytes.length) await writeAtomic(file, bytes);
      if (memo && memo.values[p] !== undefined) keepPiece(memo.pieces, dir, p, file, bytes.length, memo.values[p]);
    } else {
      const name = kept[p];
      if (name === undefined || !isPieceName(name)) throw new Error(`site data: no text and no file for the ${p} piece`);
      pieces[p] = name;
    }
  }
  const manifest: SiteManifest = { settings, pieces };
  await writeIfChanged(join(markdownDir, SITE_DATA_FILE), JSON.stringify(manifest));
  const named = new Set(Object.values(pieces));
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // no folder: nothing to remove
  }
  for (const n of names) if (!named.has(n)) rmSync(join(dir, n), { force: true, recursive: true });
  return manifest;
}
