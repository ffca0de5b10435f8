// Full-text search: Pagefind indexes the written article pages (those marked data-pagefind-body),
// with people, organisations and places as filters, into `<site>/pagefind/`. Runs offline.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  /** Pages in the search index (article pages). */
  pages: number;
  /** HTML files Pagefind read. */
  scanned: number;
}

/** Index `siteDir`; the language comes from each page's `<html lang>`. */
export async function indexSearch(siteDir: string): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    const entry = JSON.parse(await readFile(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    return { pages, scanned: added.page_count };
  } finally {
    await pagefind.close();
  }
}
