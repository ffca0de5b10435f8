// `build`: ingest raw articles, then render the site. The library entry point the CLI calls.
import { join, resolve, sep } from 'node:path';
import { ingestDir, takeLockFile, type IngestOptions, type IngestResult } from './io/ingest-dir.ts';
import { expectsEleventyWorker, renderSite, type RenderOptions, type RenderResult } from './site/build-site.ts';
import { startEleventyWorker, type EleventyWorker } from './site/eleventy-run.ts';
import type { WarmState } from './io/warm.ts';
import { readSiteState } from './io/site-manifest.ts';
import { collectGarbage } from './io/heap.ts';

export interface BuildOptions extends IngestOptions, RenderOptions {
  /** Where generated markdown goes; default `_markdown` beside the site folder. */
  markdownDir?: string;
}

export interface BuildResult {
  ingest: IngestResult;
  render: RenderResult;
  markdownDir: string;
  /** Site files written by this build that changed (or are new). */
  written: string[];
  /** Site files of earlier builds removed because this build no longer produces them (deleted articles, entities). */
  removed: string[];
}

export function defaultMarkdownDir(siteDir: string): string {
  return join(resolve(siteDir), '..', '_markdown');
}

/**
 * Ingest `rawDir`, then render the site into `siteDir` (see site/build-site.ts: only changed pages are rendered
 * and written, through a staging folder and atomic renames; pages of deleted articles and entities are removed;
 * files the tool did not write are never touched).
 */
export async function build(rawDir: string, siteDir: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const site = resolve(siteDir);
  const markdownDir = resolve(opts.markdownDir ?? defaultMarkdownDir(site));
  const inside = (a: string, b: string) => a === b || a.startsWith(b + sep);
  if (inside(markdownDir, site) || inside(site, markdownDir)) {
    throw new Error(`the site folder ${site} and the markdown folder ${markdownDir} must not contain each other; choose another --out or --markdown`);
  }
  if (inside(resolve(rawDir), site)) {
    throw new Error(`the raw folder ${resolve(rawDir)} is inside the site folder ${site}; choose another --out`);
  }
  // One build per site folder at a time: in this process (queued) and across processes (lock file).
  const previous = building.get(site) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const release = await takeLockFile(join(site, SITE_LOCK), site);
    // A rebuild of a large archive renders its article pages in an Eleventy worker: started now, it loads Eleventy
    // on the other core while this thread ingests (an edit's ingest keeps one core busy).
    const old = await readSiteState(site, opts.warm?.site);
    const worker = expectsEleventyWorker(old, opts) ? (opts.warm ? keptWorker(opts.warm) : startEleventyWorker()) : undefined;
    // While this thread ingests, the worker asks which of the site's files are still there (a rebuild keeps a page
    // only if it is).
    const missing = worker?.missing(site, Object.keys(old.files));
    missing?.catch(() => undefined); // a failure: the render asks file by file
    try {
      const ingest = await ingestDir(rawDir, markdownDir, { ...opts, excludeDirs: [...(opts.excludeDirs ?? []), site] });
      collectGarbage(); // what the ingest left (see src/io/heap.ts)
      const render = await renderSite(markdownDir, site, opts, { old, ...(worker ? { worker } : {}), ...(missing ? { missing } : {}) });
      return { ingest, render, markdownDir, written: render.written, removed: render.removed };
    } catch (e) {
      void worker?.close();
      throw e;
    } finally {
      await release();
    }
  });
  const tail = run.catch(() => undefined);
  building.set(site, tail);
  void tail.then(() => {
    if (building.get(site) === tail) building.delete(site);
  });
  return run;
}

/**
 * The Eleventy worker a warm state keeps between builds (started on first use, and again after a failure), as the
 * render sees it: its `close` leaves it running for the next build.
 */
function keptWorker(warm: WarmState): EleventyWorker {
  if (!warm.eleventy?.usable()) {
    void warm.eleventy?.close();
    warm.eleventy = startEleventyWorker({ keep: true });
  }
  return { ...warm.eleventy, close: async () => undefined };
}

/** Lock file inside the site folder while a build writes to it. */
const SITE_LOCK = '.dateline-lock';
const building = new Map<string, Promise<unknown>>();
