// The site folder's record of the files dateline wrote, so that pages of deleted articles and entities
// disappear on the next build while files the tool did not write are never touched.
import { readFile, readdir, rename, rm, rmdir, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { writeIfChanged } from './atomic.ts';

/** Manifest file inside the site folder (a dot-file: static hosts and Eleventy skip it). */
export const SITE_MANIFEST = '.dateline-site.json';
/** Folder inside the site folder where a build renders before its files are moved into place. */
export const SITE_STAGING = '.dateline-staging';

interface SiteManifest {
  files: string[];
}

/** A site-relative path the manifest may name: forward slashes, no `..`, no dot-files, nothing absolute. */
export function isSafeSitePath(rel: string): boolean {
  if (typeof rel !== 'string' || !rel || rel.length > 4096 || rel.includes('\\') || rel.includes('\0') || rel.startsWith('/')) return false;
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.startsWith('.'));
}

export async function readSiteManifest(siteDir: string): Promise<string[]> {
  try {
    const m = JSON.parse(await readFile(join(siteDir, SITE_MANIFEST), 'utf8')) as SiteManifest;
    return Array.isArray(m.files) ? m.files.filter(isSafeSitePath) : [];
  } catch {
    return [];
  }
}

async function writeSiteManifest(siteDir: string, files: Iterable<string>): Promise<void> {
  await writeIfChanged(join(siteDir, SITE_MANIFEST), `${JSON.stringify({ files: [...new Set(files)].sort() }, null, 1)}\n`);
}

/**
 * Record that `written` (site-relative paths) are the files this build wrote, and delete the files earlier
 * builds wrote that this one did not. Only paths listed in the previous manifest are ever deleted; folders
 * are removed only when deleting left them empty. The manifest is written atomically. Returns the deleted paths.
 */
export async function pruneSite(siteDir: string, written: string[]): Promise<string[]> {
  const root = resolve(siteDir);
  const keep = new Set(written.filter(isSafeSitePath));
  const old = await readSiteManifest(root);
  const deleted: string[] = [];
  for (const rel of old) {
    if (keep.has(rel)) continue;
    const full = resolve(root, rel);
    if (!full.startsWith(root + sep)) continue;
    try {
      const s = await stat(full);
      if (!s.isFile()) continue; // replaced by a folder of someone else's: leave it
      await rm(full, { force: true });
      deleted.push(rel);
    } catch {
      continue; // already gone
    }
    for (let dir = dirname(full); dir.startsWith(root + sep); dir = dirname(dir)) {
      try {
        await rmdir(dir); // fails (and stops) unless empty
      } catch {
        break;
      }
    }
  }
  await writeSiteManifest(root, keep);
  return deleted.sort();
}

/** Files under `dir`, relative with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string, prefix: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(join(d, e.name), rel);
      else if (e.isFile()) out.push(rel);
    }
  }
  await walk(dir, '');
  return out.sort();
}

/**
 * Move a freshly rendered site from `stagingDir` into `siteDir`: each file replaces its old version by an
 * atomic rename (unchanged files are left alone, keeping their dates), then files of earlier builds that
 * this one did not produce are deleted (see `pruneSite`). A build killed at any point leaves every file
 * whole; the next build finishes the job. Returns the files written and deleted.
 */
export async function publishStaged(stagingDir: string, siteDir: string): Promise<{ files: string[]; written: string[]; deleted: string[] }> {
  const root = resolve(siteDir);
  const files = (await listFiles(stagingDir)).filter(isSafeSitePath);
  // Note every file before moving any, so a kill halfway still leaves them all on record.
  await writeSiteManifest(root, [...(await readSiteManifest(root)), ...files]);
  const written: string[] = [];
  for (const rel of files) {
    const from = join(stagingDir, rel);
    const to = join(root, rel);
    const [a, b] = await Promise.all([readFile(from), readFile(to).catch(() => undefined)]);
    if (b && a.equals(b)) continue;
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
    written.push(rel);
  }
  const deleted = await pruneSite(root, files);
  await rm(stagingDir, { recursive: true, force: true });
  return { files, written, deleted };
}
