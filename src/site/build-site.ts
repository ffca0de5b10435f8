// Render the generated markdown into the static site with Eleventy's programmatic API, then index it for search.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { Eleventy } from '@11ty/eleventy';
import { normalizePrefix } from './settings.ts';
import { indexSearch, type SearchIndexResult } from './search-index.ts';

export const CONFIG_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../.eleventy.ts');

export interface RenderOptions {
  pathPrefix?: string;
  quiet?: boolean;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
}

export interface RenderResult {
  /** Output files Eleventy wrote (pages and copied assets). */
  pages: number;
  /** Article pages in the search index; undefined when search was not built. */
  search?: SearchIndexResult;
  /** Milliseconds: Eleventy, then Pagefind. */
  timings: { eleventy: number; search: number };
}

/** Render `markdownDir` into `siteDir`, then write the Pagefind index into `siteDir/pagefind/`. */
export async function renderSite(markdownDir: string, siteDir: string, opts: RenderOptions = {}): Promise<RenderResult> {
  const t0 = performance.now();
  const elev = new Eleventy(resolve(markdownDir), resolve(siteDir), {
    configPath: CONFIG_PATH,
    pathPrefix: normalizePrefix(opts.pathPrefix),
    quietMode: opts.quiet ?? true,
  });
  elev.setIsVerbose?.(false);
  const results = (await elev.write()) as unknown;
  const flat = Array.isArray(results) ? (results.flat(2) as unknown[]) : [];
  const t1 = performance.now();
  const search = opts.search === false ? undefined : await indexSearch(resolve(siteDir));
  return { pages: flat.length, ...(search ? { search } : {}), timings: { eleventy: Math.round(t1 - t0), search: Math.round(performance.now() - t1) } };
}
