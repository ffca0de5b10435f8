// The extraction cache, `.dateline/cache.ndjson`: what each raw file was extracted into, keyed by its content hash,
// with the stamp that lets an unchanged file go unread. One JSON value per line:
//
//   {"version":…}                                   first line: the extraction code it was written by
//   {"s":source,"h":sha256,"t":stamp,"f":facets,"r":result}
//                                                   a raw file (result `{"built":…}` or `{"error":…}`; "t" when
//                                                   settled; "f", the built article's facetsHash, when built)
//   {"site":{"key":…,"stamp":…,"structure":…,"outputs":…}}
//                                                   what the site data was last made from (see SiteRecord)
//
// The file is appended to: a run adds the lines of the files it extracted or stamped anew and a site line, and the
// last line for a source (and the last site line) wins. When the lines no longer current outweigh the current ones,
// or the file does not end with a whole line (a run killed while appending), it is written again whole (atomically),
// current lines only. A line that does not parse is skipped (that file is extracted again); a file written by other
// code is ignored as a whole.
import { appendFileSync, closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import type { BuiltArticle } from '../ingest/article.ts';
import type { Rejection } from './build-one.ts';
import type { Extracted } from './extract-one.ts';
import { openAtomic } from './atomic.ts';

export interface CacheEntry {
  hash: string;
  /** The raw file's stamp when it was read (see fileStampOf); absent when it was too recent to record. */
  stamp?: string;
  built?: BuiltArticle;
  error?: Rejection;
  /** facetsHash of the built article (src/io/extract-one.ts). */
  facets?: string;
  /** Made in this run beside the extraction, ahead of canonicalisation (not kept in the cache). */
  ahead?: Pick<Extracted, 'parts' | 'markdown' | 'mdId'>;
  /**
   * The entry's cache line: as read (where it lies in the file's bytes, kept by the cache: no string or buffer view
   * is kept per line) or as made in this run; undefined once the entry changes.
   */
  line?: string | LineAt;
}

/** The start and end of a line in the bytes of the cache file read. */
export type LineAt = readonly [number, number];

/** What the site data in the markdown folder was made from (src/io/ingest-dir.ts). */
export interface SiteRecord {
  /** Hash of everything the site data is made from. */
  key: string;
  /** The site data manifest's stamp as written (size, modification time, inode): the record holds for that file only. */
  stamp?: string;
  /** Hash of what the site data is made from but the articles' paragraphs (see src/io/site-update.ts). */
  structure?: string;
  /** SHA-1 of the outputs.json written with it: the article keys the site data was made from. */
  outputs?: string;
}

export interface ExtractCache {
  /** The file as read. */
  bytes: Buffer;
  entries: Map<string, CacheEntry>;
  site?: SiteRecord;
  /** Bytes in the file. */
  size: number;
  /** Whether the file ends with a whole line (a killed append leaves half of one). */
  whole: boolean;
}

/**
 * Read the cache at `path`; undefined when it is missing or was written by other code. Never throws. With `memo`
 * (a process that rebuilds the same archive: serve), a line whose bytes equal those parsed last time takes what they
 * parsed to, and the memo is left holding this file's current lines.
 */
export function readCache(path: string, version: string, memo?: LineMemo): ExtractCache | undefined {
  let bytes: Buffer;
  try {
    bytes = memo ? readGrowing(path, memo) : readFileSync(path);
  } catch {
    return undefined;
  }
  // Each line is decoded only to be parsed; the entry keeps where its bytes lie, to write them back as they are.
  let at = bytes.indexOf(10);
  if (at < 0) return undefined;
  try {
    if ((JSON.parse(bytes.toString('utf8', 0, at)) as { version?: unknown })?.version !== version) return undefined;
  } catch {
    return undefined;
  }
  let size = at + 1;
  const lines: LineAt[] = [];
  for (let start = at + 1; start < bytes.length; start = at + 1) {
    at = bytes.indexOf(10, start);
    if (at < 0) at = bytes.length;
    if (at === start) continue;
    lines.push([start, at]);
    size += at - start + 1;
  }
  // The last valid line for a source (and the last valid site line) wins. The lines are taken last first, and a line
  // whose source already has its entry is not parsed: a file appended to (it may grow to twice its live size before
  // it is written again whole, as when every raw file was touched) costs no parse of the lines it superseded.
  const entries = new Map<string, CacheEntry>();
  let site: SiteRecord | undefined;
  if (memo && memo.version !== version) {
    memo.lines.clear();
    memo.version = version;
  }
  const seen = memo && new Set<string>();
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k];
    const [start, end] = line;
    const source = lineSource(bytes, start, end);
    if (source !== undefined ? entries.has(source) : site && bytes.subarray(start, start + 8).equals(SITE_HEAD)) continue;
    try {
      const e = (source !== undefined && memo ? memoParse(memo, source, bytes.subarray(start, end)) : JSON.parse(bytes.toString('utf8', start, end))) as ParsedLine;
      if (source !== undefined) seen?.add(source);
      if (e.site && typeof e.site === 'object') {
        const r = e.site;
        if (!site && typeof r.key === 'string') {
          site = { key: r.key, ...(typeof r.stamp === 'string' ? { stamp: r.stamp } : {}), ...(typeof r.structure === 'string' ? { structure: r.structure } : {}), ...(typeof r.outputs === 'string' ? { outputs: r.outputs } : {}) };
        }
        continue;
      }
      if (typeof e.s !== 'string' || typeof e.h !== 'string' || !e.r || typeof e.r !== 'object' || entries.has(e.s)) continue;
      entries.set(e.s, { hash: e.h, ...(typeof e.t === 'string' ? { stamp: e.t } : {}), ...(typeof e.f === 'string' ? { facets: e.f } : {}), ...(e.r.error ? { error: e.r.error } : { built: e.r.built }), line });
    } catch {
      // a damaged line: an earlier line for that file stands, else it is extracted again
    }
  }
  if (memo) for (const source of memo.lines.keys()) if (!seen!.has(source)) memo.lines.delete(source);
  return { bytes, entries, ...(site ? { site } : {}), size, whole: bytes.length === 0 || bytes[bytes.length - 1] === 10 };
}

/**
 * The cache file's bytes for a process that reads it build after build (serve): when the file is the one read last
 * time (same device and inode: a rewrite is a rename, so a new inode) and has only grown, as appending does, only the
 * new bytes are read, into the buffer kept from last time (which has room to grow): reading the whole file again
 * (48 MB at 10,000 articles) was a tenth of a rebuild. Blocks of the bytes read last time are read again and compared
 * first, so a file rewritten in place by anything else is read whole.
 */
function readGrowing(path: string, memo: LineMemo): Buffer {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    const kept = memo.file;
    memo.file = undefined;
    if (kept && kept.path === path && kept.dev === st.dev && kept.ino === st.ino && st.size >= kept.size && sameBlocks(fd, kept.buf, kept.size)) {
      let buf = kept.buf;
      if (st.size > buf.length) {
        buf = roomFor(st.size);
        kept.buf.copy(buf, 0, 0, kept.size);
      }
      const size = kept.size + readAt(fd, buf.subarray(kept.size, st.size), kept.size);
      memo.file = { path, dev: st.dev, ino: st.ino, size, buf };
      return buf.subarray(0, size);
    }
    const buf = roomFor(st.size);
    const size = readAt(fd, buf.subarray(0, st.size), 0);
    memo.file = { path, dev: st.dev, ino: st.ino, size, buf };
    return buf.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}

/** A buffer for `size` bytes with room for a quarter more to be appended. */
const roomFor = (size: number) => Buffer.allocUnsafe(Math.ceil(size * 1.25) + 4096);

/** Read into `into` from `position` until it is full or the file ends; the number of bytes read. */
function readAt(fd: number, into: Buffer, position: number): number {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** Whether eight 4 KB blocks spread over the first `size` bytes of the file (the first and the last among them) equal `buf`'s. */
function sameBlocks(fd: number, buf: Buffer, size: number): boolean {
  const block = Math.min(4096, size);
  const probe = Buffer.allocUnsafe(block);
  for (let k = 0; k < 8; k++) {
    const at = Math.floor(((size - block) * k) / 7);
    if (readAt(fd, probe, at) !== block || !probe.equals(buf.subarray(at, at + block))) return false;
  }
  return true;
}

/** A source's line parsed: what the same bytes parsed to last time, else parsed now (and kept, with a copy of the bytes). */
function memoParse(memo: LineMemo, source: string, line: Buffer): ParsedLine {
  const kept = memo.lines.get(source);
  if (kept && kept.bytes.equals(line)) return kept.parsed;
  const parsed = JSON.parse(line.toString('utf8')) as ParsedLine;
  memo.lines.set(source, { bytes: Buffer.from(line), parsed });
  return parsed;
}

/** How a site line starts. */
const SITE_HEAD = Buffer.from('{"site":');

/**
 * The source named at the start of an entry line (`{"s":"…","h":…`), read without parsing the rest; undefined when
 * the line does not start so. Inside a JSON string every quote is escaped, so `,"h":` first appears after it.
 */
function lineSource(bytes: Buffer, start: number, end: number): string | undefined {
  if (bytes[start] !== 0x7b || bytes[start + 1] !== 0x22 || bytes[start + 2] !== 0x73 || bytes[start + 3] !== 0x22 || bytes[start + 4] !== 0x3a) return undefined; // {"s":
  const h = bytes.indexOf(',"h":', start + 5);
  if (h < 0 || h > end) return undefined;
  try {
    const s = JSON.parse(bytes.toString('utf8', start + 5, h)) as unknown;
    return typeof s === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

/** A cache line as parsed: an entry (`s`, `h`, `t`, `f`, `r`) or a site line. */
interface ParsedLine {
  s?: unknown;
  h?: unknown;
  t?: unknown;
  f?: unknown;
  r?: { built?: BuiltArticle; error?: Rejection };
  site?: Record<string, unknown>;
}

/** Lines parsed by an earlier readCache in this process (serve; see src/io/warm.ts), by source: their bytes and what they parsed to. */
export interface LineMemo {
  version?: string;
  lines: Map<string, { bytes: Buffer; parsed: ParsedLine }>;
  /** The file as last read (see readGrowing): which file, how many bytes, and a buffer holding them with room to grow. */
  file?: { path: string; dev: number; ino: number; size: number; buf: Buffer };
}

/** A cache write begun with beginCacheWrite: `finish` records the site and puts the file in place. */
export interface CacheWrite {
  finish(site: SiteRecord): Promise<void>;
  /** Give up (the run failed): the cache stays as it was. */
  abort(): Promise<void>;
}

/**
 * Record `entries` (this run's, in order) in the cache at `path`, which `old` was read from: appended when that is
 * the smaller write, else written again whole. Begun as soon as the entries are final; `finish` adds the site line.
 * When the file is written whole, its lines go to a temporary file now, in batches, and the entries' lines of text
 * are dropped: the file is never put together in memory, nor kept as text beside the articles it was parsed into
 * (at 20,000 articles it is about 100 MB).
 */
export async function beginCacheWrite(path: string, version: string, old: ExtractCache | undefined, entries: Map<string, CacheEntry>): Promise<CacheWrite> {
  const bytesOf = (line: string | LineAt) => (typeof line === 'string' ? Buffer.from(line) : old!.bytes.subarray(line[0], line[1]));
  const siteLineOf = (site: SiteRecord) => Buffer.from(JSON.stringify({ site }));
  const siteChanged = (site: SiteRecord) => !(old?.site && JSON.stringify(old.site) === JSON.stringify(site));
  const fresh: Array<string | LineAt> = [];
  // The site line (a few hundred bytes) is not known yet: counted at the length of the last one.
  const siteBytes = old?.site ? JSON.stringify({ site: old.site }).length + 1 : 0;
  let live = siteBytes;
  let appended = 0;
  for (const [source, e] of entries) {
    e.line ??= entryLine(source, e.hash, e.stamp, e.facets, JSON.stringify(e.error ? { error: e.error } : { built: e.built }));
    const n = (typeof e.line === 'string' ? Buffer.byteLength(e.line) : e.line[1] - e.line[0]) + 1;
    live += n;
    if (old?.entries.get(source)?.line !== e.line) {
      appended += n;
      fresh.push(e.line);
    }
  }
  if (old?.whole && old.size + appended + siteBytes <= 2 * live) {
    return {
      async finish(site) {
        const lines = fresh.map(bytesOf);
        if (siteChanged(site)) lines.push(siteLineOf(site));
        if (lines.length) appendFileSync(path, joinLines(lines));
      },
      abort: async () => undefined,
    };
  }
  // Lines made in this run as text, lines read as the bytes read.
  const file = await openAtomic(path);
  try {
    const nl = Buffer.from('\n');
    await file.write(
      (function* () {
        yield `${JSON.stringify({ version })}\n`;
        for (const e of entries.values()) {
          if (typeof e.line === 'string') yield `${e.line}\n`;
          else {
            yield bytesOf(e.line!);
            yield nl;
          }
        }
      })(),
    );
  } catch (e) {
    await file.abort();
    throw e;
  }
  for (const e of entries.values()) e.line = undefined; // written: the text goes
  return {
    async finish(site) {
      await file.write([siteLineOf(site), Buffer.from('\n')]);
      await file.commit();
    },
    abort: () => file.abort(),
  };
}

/** Lines, each ended by a new line, as one buffer. */
function joinLines(lines: Buffer[]): Buffer {
  const nl = Buffer.from('\n');
  return Buffer.concat(lines.flatMap((l) => [l, nl]));
}

/**
 * One cache line: `{"s":source,"h":hash,"t":stamp,"f":facets,"r":{"built":…}|{"error":…}}` ("t" only when settled,
 * "f" only when given). JSON text never holds a raw new line, and `,"r":` first appears where the result starts
 * (inside a JSON string a quote is escaped).
 */
export function entryLine(source: string, hash: string, stamp: string | undefined, facets: string | undefined, resultJson: string): string {
  return `{"s":${JSON.stringify(source)},"h":${JSON.stringify(hash)}${stamp ? `,"t":${JSON.stringify(stamp)}` : ''}${facets ? `,"f":${JSON.stringify(facets)}` : ''},"r":${resultJson}}`;
}

/** A cache entry of `cache` with a new stamp: its line keeps the result's text as it was read (no serialising). */
export function restamped(source: string, e: CacheEntry, stamp: string | undefined, cache: ExtractCache): CacheEntry {
  const { line, stamp: _stamp, ...rest } = e;
  const text = typeof line === 'string' ? line : line ? cache.bytes.toString('utf8', line[0], line[1]) : undefined;
  const at = text?.indexOf(',"r":') ?? -1;
  return { ...rest, ...(stamp ? { stamp } : {}), ...(text && at >= 0 ? { line: entryLine(source, e.hash, stamp, e.facets, text.slice(at + 5, -1)) } : {}) };
}

/**
 * Milliseconds a raw file's modification and change times must lie before the start of a run for its stamp to be
 * recorded: a file changed within the same tick of the file system's clock as it was read could otherwise keep its
 * stamp. 2 s covers the coarsest clocks (FAT); see fileStampOf.
 */
export const STAMP_SETTLE_MS = 2000;

type StampStats = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

/**
 * The stamp of a raw file: size, modification time, change time and inode. A raw file whose stamp equals the one
 * recorded when it was last read is taken as unchanged without reading it; otherwise it is read and its SHA-256
 * decides (the content hash stays the identity). Writing a file, or setting its times back (`touch -d`, `utimes`),
 * sets its change time to the present, so an edit that keeps the size and modification time still changes the stamp.
 * The racy case — a file changed again within one clock tick of being read, so that its times do not move — is
 * excluded by recording a stamp only for a file whose modification and change times lie over STAMP_SETTLE_MS before
 * the start of the run that read it (git's "racily clean" rule); a younger file is read and hashed again next run,
 * and stamped then.
 */
export function fileStampOf(s: StampStats): string {
  return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
}

/** The stamp to record for a file read (its `fstat` taken before reading) in a run started at `runStart`, or undefined when too recent. */
export function settledStamp(s: StampStats, runStart: number): string | undefined {
  return Math.max(s.mtimeMs, s.ctimeMs) < runStart - STAMP_SETTLE_MS ? fileStampOf(s) : undefined;
}

/** The stamp of a file now, or undefined when it cannot be read as a file of at most `maxBytes` (read it to report why). */
export function statStamp(path: string, maxBytes: number): string | undefined {
  try {
    const s = statSync(path);
    return s.isFile() && s.size <= maxBytes ? fileStampOf(s) : undefined;
  } catch {
    return undefined;
  }
}
