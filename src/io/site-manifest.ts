// The site folder's record of the files dateline wrote (with their hashes) and of what each article page was
// made from, and the move of a build's staged files into place. Pages of deleted articles and entities
// disappear on the next build; files the tool did not write are never touched.
import { readFile, rm, rmdir } from 'node:fs/promises';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { writeAtomic } from './atomic.ts';

/** State file inside the site folder (a dot-file: static hosts and Eleventy skip it). */
export const SITE_MANIFEST = '.dateline-site.json';
/**
 * While a build moves its files into place, the list of those files (a dot-file beside the record): a build that
 * finds it knows the last one was killed, and counts those files as written with unknown content.
 */
export const SITE_PENDING = '.dateline-pending.json';
/** Folder inside the site folder where a build writes before its files are moved into place. */
export const SITE_STAGING = '.dateline-staging';

export interface SiteState {
  /** Renderer version, path prefix and settings the files were made with. */
  version: string;
  /** Set while a build is writing: a build that finds it knows the last one was killed. */
  pending?: boolean;
  /** Site-relative path → sha1 of its bytes. */
  files: Record<string, string>;
  /** Article id → signature of everything its page is made from. */
  articles: Record<string, string>;
  /** Search shard → signature of the articles in it. */
  shards: Record<string, string>;
  /** Listing page (site-relative path) → signature of what it was made from (see src/site/pages.ts). */
  inputs: Record<string, string>;
  /** Article id → digest of what listing pages show of it (src/site/pages.ts, PageInputs.listed). */
  listed: Record<string, string>;
  /**
   * What listing pages are made from besides the article summaries (the site data's other pieces, the newest date):
   * when it is the one of the last build, a page whose listed articles did not change keeps its inputs' signature.
   */
  data: string;
}

export const emptyState = (): SiteState => ({ version: '', files: {}, articles: {}, shards: {}, inputs: {}, listed: {}, data: '' });

/** A site-relative path the manifest may name: forward slashes, no `..`, no dot-files, nothing absolute. */
export function isSafeSitePath(rel: string): boolean {
  if (typeof rel !== 'string' || !rel || rel.length > 4096) return false;
  // One scan (it runs for every file of every build): each part is non-empty and does not start with a dot (so
  // neither `.` nor `..`), and there is no backslash or NUL anywhere.
  let partStart = true;
  for (let i = 0; i < rel.length; i++) {
    const c = rel.charCodeAt(i);
    if (c === 92 /* \\ */ || c === 0) return false;
    if (partStart && (c === 47 /* / */ || c === 46 /* . */)) return false;
    partStart = c === 47;
  }
  return !partStart; // no empty last part
}

/**
 * The string-valued entries of a parsed JSON object, in place (a value of another type is dropped): the record's
 * maps hold tens of thousands of entries, and copying them cost more than parsing them.
 */
const strings = (o: unknown, keep: (key: string) => boolean = () => true): Record<string, string> => {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return {};
  const r = o as Record<string, unknown>;
  for (const k in r) if (typeof r[k] !== 'string' || !keep(k)) delete r[k];
  return r as Record<string, string>;
};

/** The record a process published last (serve; see src/io/warm.ts), with the stamp its file had then. */
export interface StateMemo {
  dir?: string;
  stamp?: string;
  state?: SiteState;
}

/** Size, modification and change time and inode of the site folder's record (undefined when missing). */
function recordStamp(siteDir: string): string | undefined {
  const s = statSync(join(siteDir, SITE_MANIFEST), { throwIfNoEntry: false });
  return s && `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
}

/**
 * Read the site state; a missing, unreadable or tampered record yields what can safely be trusted of it. With
 * `memo`, the state this process published last is taken as it is while the record's file is the one it wrote.
 * The state returned is never changed by a build.
 */
export async function readSiteState(siteDir: string, memo?: StateMemo): Promise<SiteState> {
  // The record this process published last, while the file is the one it wrote and no build was killed since.
  if (memo?.state && memo.dir === siteDir && memo.stamp === recordStamp(siteDir) && !existsSync(join(siteDir, SITE_PENDING))) return memo.state;
  let raw: Partial<SiteState> & { files?: unknown };
  try {
    raw = JSON.parse(await readFile(join(siteDir, SITE_MANIFEST), 'utf8')) as typeof raw;
  } catch {
    return emptyState();
  }
  let files: Record<string, string> = {};
  if (Array.isArray(raw.files)) {
    // An older record listed paths only: their hashes are unknown, so they will all be rewritten.
    for (const rel of raw.files) if (isSafeSitePath(rel as string)) files[rel as string] = '';
  } else {
    files = strings(raw.files, isSafeSitePath);
  }
  const pending = readPending(siteDir);
  if (pending) for (const rel of pending) if (isSafeSitePath(rel)) files[rel] = '';
  return { version: typeof raw.version === 'string' ? raw.version : '', ...(raw.pending === true || pending ? { pending: true } : {}), files, articles: strings(raw.articles), shards: strings(raw.shards), inputs: strings(raw.inputs), listed: strings(raw.listed), data: typeof raw.data === 'string' ? raw.data : '' };
}

/**
 * Files under `dir`, relative with forward slashes, sorted. Synchronous reads: a build's staging folder holds tens of
 * thousands of small folders, and a promise per folder cost more than the reading.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(d, e.name), rel);
      else if (e.isFile()) out.push(rel);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** The files a killed build was moving into place (SITE_PENDING), if it was killed then. */
function readPending(siteDir: string): string[] | undefined {
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(join(siteDir, SITE_PENDING), 'utf8'));
  } catch (e) {
    // missing (the usual case); a damaged list still says a build was killed (its temporary files are then removed)
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : [];
  }
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Before a build moves anything into the site folder: list the files it may write (SITE_PENDING), with those an
 * earlier killed build may have written (on record with no hash), so that a build killed halfway leaves them all on
 * record beside the old build's record, and the next build rewrites or removes them. The record itself is written
 * once, when the files are in place: it is the large file, the list is as long as the edit.
 */
async function markPending(siteDir: string, old: SiteState, files: string[]): Promise<void> {
  const list = new Set(files.filter(isSafeSitePath));
  for (const rel in old.files) if (old.files[rel] === '') list.add(rel);
  await writeAtomic(join(siteDir, SITE_PENDING), JSON.stringify([...list]));
}

/**
 * Move the staged files of a build into `siteDir` (by atomic renames: see moveStaged), delete the files the previous
 * build wrote that this one does not produce (only files named in the previous record; folders only when that
 * left them empty), and save the new record. The files to be moved are listed first (markPending), so a build
 * killed at any point still knows every file it may have written; the next build finishes the job.
 * Returns the deleted paths.
 */
export async function publishSite(siteDir: string, stagingDir: string, old: SiteState, next: SiteState, memo?: StateMemo): Promise<string[]> {
  if (memo) memo.state = undefined; // until the new record is in place
  const listed = await listFiles(stagingDir);
  const staged = listed.filter(isSafeSitePath);
  await markPending(siteDir, old, staged);
  moveStaged(siteDir, stagingDir, listed);
  const removed: string[] = [];
  for (const rel of Object.keys(old.files)) {
    if (Object.hasOwn(next.files, rel) || !isSafeSitePath(rel)) continue;
    await rm(join(siteDir, rel), { force: true });
    removed.push(rel);
    for (let dir = dirname(join(siteDir, rel)); dir.startsWith(siteDir + sep); dir = dirname(dir)) {
      try {
        await rmdir(dir); // fails (and stops) unless empty
      } catch {
        break;
      }
    }
  }
  await writeAtomic(join(siteDir, SITE_MANIFEST), serializeState(next, old));
  await rm(join(siteDir, SITE_PENDING), { force: true });
  if (memo) Object.assign(memo, { dir: siteDir, stamp: recordStamp(siteDir), state: next });
  await rm(stagingDir, { recursive: true, force: true });
  return removed.sort();
}

/**
 * Move staged files into the site, each by an atomic rename. A staged folder whose place in the site does not
 * exist yet (a first build, a new month, a new entity) moves whole, in one rename, unless it holds a file the
 * site may not receive (see isSafeSitePath); otherwise its files move one by one. Synchronous: many small files.
 */
function moveStaged(siteDir: string, stagingDir: string, listed: string[]): void {
  // Folders (relative, with a trailing slash) that hold a file which may not be published.
  const unsafe = new Set<string>();
  for (const rel of listed) {
    if (isSafeSitePath(rel)) continue;
    for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) unsafe.add(rel.slice(0, i + 1));
  }
  const made = new Set<string>();
  /** The folder `prefix` (relative, trailing slash) that was moved whole, if any, for the files being walked. */
  let moved: string | undefined;
  for (const rel of listed) {
    if (!isSafeSitePath(rel)) continue;
    if (moved !== undefined && rel.startsWith(moved)) continue;
    moved = undefined;
    // The outermost folder of this file that is new to the site moves whole.
    let done = false;
    for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) {
      const dir = rel.slice(0, i + 1);
      if (made.has(dir)) continue;
      const target = join(siteDir, dir);
      if (existsSync(target)) {
        made.add(dir);
        continue;
      }
      if (unsafe.has(dir)) {
        mkdirSync(target, { recursive: true });
        made.add(dir);
        continue;
      }
      renameSync(join(stagingDir, dir), target);
      moved = dir;
      done = true;
      break;
    }
    if (!done) renameSync(join(stagingDir, rel), join(siteDir, rel));
  }
}

/** The keys each map of a record was last written in (sorted), by map. */
const sortedKeys = new WeakMap<Record<string, string>, string[]>();

/**
 * The record as JSON with sorted keys, so the same site gives the same bytes however its files were produced. `old`,
 * the record read (its keys sorted when this code wrote it): a map whose keys are the same as there, as after most
 * rebuilds, takes their order instead of being sorted again (sorting the tens of thousands of paths was most of the
 * cost of writing the record).
 */
export function serializeState(s: SiteState, old?: SiteState): string {
  const sorted = (o: Record<string, string>, was: Record<string, string> | undefined) => {
    // The old record's keys in order: as read (a record read from its file is in order), or as last written (a
    // record kept in memory, whose maps are in the order they were filled).
    let keys = was ? (sortedKeys.get(was) ?? Object.keys(was)) : undefined;
    if (!keys || keys.length !== Object.keys(o).length || !keys.every((k, i) => Object.hasOwn(o, k) && (i === 0 || keys![i - 1] < k))) {
      keys = Object.keys(o).sort();
    }
    sortedKeys.set(o, keys);
    // An array replacer lists the properties to write, in its order: the map's entries in key order (the values
    // are strings), three times faster than building the text entry by entry.
    return JSON.stringify(o, keys);
  };
  const pending = s.pending ? '"pending":true,' : '';
  return `{"version":${JSON.stringify(s.version)},${pending}"files":${sorted(s.files, old?.files)},"articles":${sorted(s.articles, old?.articles)},"shards":${sorted(s.shards, old?.shards)},"inputs":${sorted(s.inputs ?? {}, old?.inputs)},"listed":${sorted(s.listed ?? {}, old?.listed)},"data":${JSON.stringify(s.data ?? '')}}`;
}
