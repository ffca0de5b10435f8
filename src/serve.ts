// `serve`: build, serve the site with Eleventy's dev server (live reload), rebuild when raw articles change.
import { watch } from 'node:fs';
import { resolve } from 'node:path';
import { build, type BuildOptions, type BuildResult } from './build.ts';
import { closeWarmState, createWarmState } from './io/warm.ts';
import { collectGarbage } from './io/heap.ts';

export interface ServeOptions extends BuildOptions {
  port: number;
  /** Called after each rebuild that follows a change (not after the first build), with its result or error. */
  onRebuild?: (result: BuildResult | Error) => void;
}

/** A running `serve`. */
export interface ServeHandle {
  /** Resolves once no rebuild is waiting or running. */
  idle(): Promise<void>;
  /** Stop watching and serving, after the rebuild under way (if any); let go of what was kept between rebuilds. */
  close(): Promise<void>;
}

/** Build `rawDir` into `siteDir`, serve it, and rebuild (only what changed) on every change under `rawDir`. */
export async function serve(rawDir: string, siteDir: string, opts: ServeOptions): Promise<ServeHandle> {
  const site = resolve(siteDir);
  // Kept between rebuilds: what the last build parsed, and the Eleventy worker (see src/io/warm.ts).
  const warm = createWarmState();
  const { onRebuild, port, ...buildOpts } = opts;
  const once = async () => {
    const r = await build(rawDir, site, { ...buildOpts, warm });
    for (const x of r.ingest.rejected) process.stderr.write(`rejected: ${x.file}${x.line ? `:${x.line}` : ''}: ${x.reason}\n`);
    process.stdout.write(`${r.ingest.articles.length} article(s); ${r.render.written.length} file(s) written, ${r.render.removed.length} removed\n`);
    return r;
  };
  try {
    await once();
    collectGarbage();
  } catch (e) {
    await closeWarmState(warm);
    throw e;
  }
  const { default: EleventyDevServer } = await import('@11ty/eleventy-dev-server'); // serve only
  const server = EleventyDevServer.getServer('dateline', site, { pathPrefix: opts.pathPrefix ?? '/', liveReload: true, domDiff: false });
  server.serve(port);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watcher = watch(rawDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(() =>
        once().then(
          (r) => {
            server.reload({ subtype: undefined, files: [], build: {} });
            onRebuild?.(r);
            // between rebuilds, while the editor reads: what this one left goes (the heap of a 20,000-article
            // archive otherwise grows by some 200 MB a rebuild until V8 collects)
            collectGarbage();
          },
          (e: Error) => {
            process.stderr.write(`error: ${e.message}\n`);
            onRebuild?.(e);
          },
        ),
      );
    }, 200);
  });
  return {
    async idle() {
      // a change seen less than the debounce ago has its rebuild still to come
      for (let seen = running; ; seen = running) {
        await seen;
        if (timer === undefined && seen === running) return;
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async close() {
      watcher.close();
      clearTimeout(timer);
      await running;
      await server.close();
      await closeWarmState(warm);
    },
  };
}
