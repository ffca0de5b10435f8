// Render the generated markdown into the static site with Eleventy's programmatic API.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { Eleventy } from '@11ty/eleventy';
import { normalizePrefix } from './settings.ts';

export const CONFIG_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../.eleventy.ts');

export interface RenderOptions {
  pathPrefix?: string;
  quiet?: boolean;
}

export interface RenderResult {
  /** Output files Eleventy wrote (pages and copied assets). */
  pages: number;
}

/** Render `markdownDir` into `siteDir`. */
export async function renderSite(markdownDir: string, siteDir: string, opts: RenderOptions = {}): Promise<RenderResult> {
  const elev = new Eleventy(resolve(markdownDir), resolve(siteDir), {
    configPath: CONFIG_PATH,
    pathPrefix: normalizePrefix(opts.pathPrefix),
    quietMode: opts.quiet ?? true,
  });
  elev.setIsVerbose?.(false);
  const results = (await elev.write()) as unknown;
  const flat = Array.isArray(results) ? (results.flat(2) as unknown[]) : [];
  return { pages: flat.length };
}
