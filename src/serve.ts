// `serve`: build, serve the site with Eleventy's dev server (live reload), rebuild when raw articles change.
import { watch } from 'node:fs';
import { resolve } from 'node:path';
import { build, type BuildOptions } from './build.ts';
import { createWarmState } from './io/warm.ts';

export interface ServeOptions extends BuildOptions {
  port: number;
}

/** Build `rawDir` into `siteDir`, serve it, and rebuild (only what changed) on every change under `rawDir`. */
export async function serve(rawDir: string, siteDir: string, opts: ServeOptions): Promise<void> {
  const site = resolve(siteDir);
  // Kept between rebuilds: what the last build parsed, and the Eleventy worker (see src/io/warm.ts).
  const warm = createWarmState();
  const once = async () => {
    const r = await build(rawDir, site, { ...opts, warm });
    for (const x of r.ingest.rejected) process.stderr.write(`rejected: ${x.file}${x.line ? `:${x.line}` : ''}: ${x.reason}\n`);
    process.stdout.write(`${r.ingest.articles.length} article(s); ${r.render.written.length} file(s) written, ${r.render.removed.length} removed\n`);
    return r;
  };
  await once();
  const { default: EleventyDevServer } = await import('@11ty/eleventy-dev-server'); // serve only
  const server = EleventyDevServer.getServer('dateline', site, { pathPrefix: opts.pathPrefix ?? '/', liveReload: true, domDiff: false });
  server.serve(opts.port);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  watch(rawDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() =>
        once().then(
          () => server.reload({ subtype: undefined, files: [], build: {} }),
          (e: Error) => {
            process.stderr.write(`error: ${e.message}\n`);
          },
        ),
      );
    }, 200);
  });
}
