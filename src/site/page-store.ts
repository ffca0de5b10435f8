// The site folder's record of the pages dateline wrote: write only what changed, remove what is gone,
// never touch a file it did not write. The record lives in `.dateline-pages.json` inside the site folder.
import { readFile, rm, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, normalize, sep } from 'node:path';
import { writeAtomic } from '../io/atomic.ts';

export const PAGE_STORE_FILE = '.dateline-pages.json';

export interface PageStoreRecord {
  /** Site-relative output path → content hash. */
  pages: Record<string, string>;
  /** Inputs signature per article page (see renderSite), to skip unchanged ones. */
  articles?: Record<string, string>;
}

export const hashOf = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

/** Site-relative path from a URL path ("/people/x/" → "people/x/index.html"); refuses escapes. */
export function outputPathFor(url: string): string {
  let p = url.replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) p += 'index.html';
  const n = normalize(p);
  if (n.startsWith('..') || n.startsWith(sep) || n.includes(`${sep}..${sep}`)) throw new Error(`refusing to write outside the site folder: ${url}`);
  return n.split(sep).join('/');
}

export class PageStore {
  private readonly next: Record<string, string> = {};
  rewritten = 0;
  private constructor(
    readonly siteDir: string,
    readonly previous: PageStoreRecord,
  ) {}

  static async open(siteDir: string): Promise<PageStore> {
    let previous: PageStoreRecord = { pages: {} };
    try {
      previous = JSON.parse(await readFile(join(siteDir, PAGE_STORE_FILE), 'utf8')) as PageStoreRecord;
    } catch {
      // first build into this folder
    }
    return new PageStore(siteDir, previous);
  }

  /** Record a page the build produced elsewhere (Eleventy) with its content. */
  record(rel: string, content: string | Uint8Array): void {
    this.next[rel] = hashOf(content);
  }

  /** Keep a page unchanged from the last build (its inputs did not change). */
  keep(rel: string): boolean {
    const h = this.previous.pages[rel];
    if (h === undefined) return false;
    this.next[rel] = h;
    return true;
  }

  /** Write a page if its content differs from the last build's. */
  async write(rel: string, content: string): Promise<void> {
    const h = hashOf(content);
    this.next[rel] = h;
    if (this.previous.pages[rel] === h) return;
    await writeAtomic(join(this.siteDir, rel), content);
    this.rewritten++;
  }

  /** Remove pages of the last build that this build did not produce; save the record. */
  async commit(articles?: Record<string, string>): Promise<{ removed: string[] }> {
    const removed: string[] = [];
    for (const rel of Object.keys(this.previous.pages)) {
      if (rel in this.next) continue;
      await rm(join(this.siteDir, outputPathFor(`/${rel}`)), { force: true });
      removed.push(rel);
    }
    await mkdir(dirname(join(this.siteDir, PAGE_STORE_FILE)), { recursive: true });
    const sorted = Object.fromEntries(Object.entries(this.next).sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeAtomic(join(this.siteDir, PAGE_STORE_FILE), JSON.stringify({ pages: sorted, ...(articles ? { articles } : {}) }));
    return { removed };
  }
}
